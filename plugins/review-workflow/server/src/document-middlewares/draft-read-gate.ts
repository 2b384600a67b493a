import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { draftQueryParameter } from '../utils/draft-query';

/** The admin action that lets an admin session read drafts through our public surfaces. */
export const READ_DRAFTS_ACTION = 'plugin::review-workflow.read-drafts';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
  userAbility?: { can: (action: string, subject?: string) => boolean };
}

/**
 * Who may read drafts through a content-API request: an API token (a site builder's server), or an
 * admin session holding `read-drafts`. The Public and Authenticated roles never: nothing unreviewed
 * is published, and a draft served over REST is published in all but name.
 */
export const mayReadDrafts = (state: RequestState): boolean => {
  const strategy = state.auth?.strategy?.name;
  // Strapi 5.54 names its content-API token strategy `content-api-token` (`api-token` before).
  if (strategy === 'content-api-token' || strategy === 'api-token') return true;
  if (strategy === 'admin') return Boolean(state.userAbility?.can(READ_DRAFTS_ACTION));
  return false;
};

/** 403 naming `status` unless the caller may read drafts; a no-op for queries that ask for none. */
export const assertDraftReadAllowed = (query: unknown, state: RequestState) => {
  const parameter = draftQueryParameter(query);
  if (!parameter || mayReadDrafts(state)) return;
  throw new errors.PolicyError('Drafts are not public: only API tokens and admins holding read-drafts may read them (status=draft).', {
    path: [parameter],
    errors: [{ path: [parameter], message: 'must be "published" (or left out) for this caller', name: 'ForbiddenError' }],
  });
};

/**
 * Every read through the Document Service during a content-API request (the REST routes of every
 * type, and our plugins' public routes that read documents) checks the request's raw query: a draft
 * read (`status` other than `published`, anywhere, including inside `populate`) by a caller that may
 * not read drafts is refused before anything is read.
 */
export const draftReadGate = (strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!READ_ACTIONS.has(ctx.action)) return next();
  const request = strapi.requestContext.get() as { method?: string; query?: unknown; state?: RequestState } | undefined;
  if (!request || request.state?.route?.info?.type !== 'content-api' || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
  assertDraftReadAllowed(request.query, request.state ?? {});
  return next();
};

/** Whether the request carries a valid, unexpired content-API token (looked up the way Strapi's own strategy does). */
const carriesApiToken = async (strapi: Core.Strapi, authorization: string | undefined): Promise<boolean> => {
  const parts = (authorization ?? '').trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return false;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as {
    hash: (accessKey: string) => string;
    getByAccessKey: (accessKeyHash: string) => Promise<{ kind?: string | null; expiresAt?: string | null } | null>;
  };
  const token = await tokens.getByAccessKey(tokens.hash(parts[1]));
  if (!token || (token.kind !== 'content-api' && token.kind !== null && token.kind !== undefined)) return false;
  return !token.expiresAt || new Date(token.expiresAt) >= new Date();
};

/**
 * The same rule, before any route runs (a router middleware of the content API): a draft read is
 * answered 403 naming `status` before Strapi's query validation could answer 400 instead, unless
 * the request carries an API token (whose request then goes on to Strapi's own authentication;
 * the Document Service gate above checks again once the caller is known). Writes are left alone:
 * `?status=draft` on a REST create or update is how a permitted writer saves a draft.
 */
export const draftRequestGuard = (strapi: Core.Strapi) => async (ctx: { method: string; query: unknown; get: (h: string) => string }, next: () => Promise<unknown>) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !draftQueryParameter(ctx.query)) return next();
  if (await carriesApiToken(strapi, ctx.get('authorization'))) return next();
  assertDraftReadAllowed(ctx.query, {});
  return next();
};
