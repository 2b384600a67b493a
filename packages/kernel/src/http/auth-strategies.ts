/**
 * The names of the content-API authentication strategies, in one place: code that asks "who is
 * calling?" (the draft gate, the media guard, the operations log, site scope) reads
 * `ctx.state.auth.strategy.name` and compares it with these.
 */

/** Strapi 5.54's API-token strategy is `content-api-token`; earlier 5.x called it `api-token`. */
export const API_TOKEN_STRATEGIES: ReadonlySet<string> = new Set(['content-api-token', 'api-token']);

/**
 * review-workflow's content-API strategy: an admin access token (admin JWT) of an active admin
 * holding `plugin::review-workflow.read-drafts`. It grants reads only (find / findOne of
 * draft-and-publish types); `ctx.state.auth.credentials` is the admin user.
 */
export const ADMIN_CONTENT_API_STRATEGY = 'admin-draft-reader';

/** Whether a content-API request was authenticated with an API token. */
export const isApiTokenStrategy = (name: string | undefined | null): boolean => Boolean(name && API_TOKEN_STRATEGIES.has(name));
