import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ADMIN_CONTENT_API_STRATEGY, isApiTokenStrategy, contentTypeOf, modelOf } from '@jiyue/kernel';
import { draftQueryParameter } from '../utils/draft-query';
import { READ_DRAFTS_ACTION } from '../utils/uids';
import { findAdminDraftReader, type AdminAbility } from '../auth/admin-draft-reader';

export { READ_DRAFTS_ACTION };

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const OWNER_FIELD = 'ownerSite';

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string }; ability?: AdminAbility | null; credentials?: unknown };
}

/**
 * Who may read drafts through a content-API request: an API token (a site builder's server), or an
 * admin holding `read-drafts` who sends their admin JWT (review-workflow's `admin-draft-reader`
 * strategy, which authenticates only such admins). The Public and Authenticated roles never: nothing
 * unreviewed is published, and a draft served over REST is published in all but name.
 */
export const mayReadDrafts = (state: RequestState): boolean => {
  const strategy = state.auth?.strategy?.name;
  if (isApiTokenStrategy(strategy)) return true;
  if (strategy === ADMIN_CONTENT_API_STRATEGY) return Boolean(state.auth?.ability?.can(READ_DRAFTS_ACTION));
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

type Schema = { attributes: Record<string, { type?: string; target?: string; component?: string }>; options?: { draftAndPublish?: boolean } };
type PermissionsManager = { getQuery: () => Record<string, unknown> | null | undefined; toSubject: (row: unknown, uid?: string) => unknown };

/**
 * Which drafts an admin draft reader sees: the conditions on their `read-drafts` permission. Without
 * a condition, every site's drafts; with the site conditions (`Is in one of my sites`, `… or below`),
 * the drafts of those sites only: the root query is filtered by them, and every draft populated
 * inside the answer (relations, components, dynamic zones, any depth) that they do not allow is cut
 * (a list loses it, a single relation becomes null). A populated draft whose owner was not selected
 * (`populate[x][fields]=title`) cannot be shown to match, so it is cut too.
 */
const createDraftScope = (strapi: Core.Strapi, ability: AdminAbility) => {
  const manager = (model: string) =>
    (strapi.service('admin::permission') as unknown as { createPermissionsManager: (o: object) => PermissionsManager }).createPermissionsManager({
      ability,
      action: READ_DRAFTS_ACTION,
      model,
    });
  const schemaOf = (uid: string): Schema | undefined =>
    modelOf(strapi, uid);
  const readable = (uid: string, row: unknown) => ability.can(READ_DRAFTS_ACTION, manager(uid).toSubject(row, uid));

  const cut = (value: unknown, uid: string, depth: number): unknown => {
    if (!value || typeof value !== 'object') return value;
    if (depth > 12) return null; // fail closed below any depth a real populate reaches
    if (Array.isArray(value)) return value.map((v) => cut(v, uid, depth)).filter((v) => v !== null);
    const schema = schemaOf(uid);
    if (!schema) return value;
    if (depth > 0 && schema.options?.draftAndPublish && !readable(uid, value)) return null;
    let row = value as Record<string, unknown>;
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const child = row[name];
      if (!child || typeof child !== 'object') continue;
      let next: unknown = child;
      if (attribute.type === 'relation' && attribute.target) next = cut(child, attribute.target, depth + 1);
      else if (attribute.type === 'component' && attribute.component) next = cut(child, attribute.component, depth + 1);
      else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
        next = child.map((part: { __component?: unknown }) => (part && typeof part.__component === 'string' ? cut(part, part.__component, depth + 1) : part));
      }
      if (next !== child) row = { ...row, [name]: next };
    }
    return row;
  };

  return {
    /** The condition query of `read-drafts` for this type; null when the permission has no condition. */
    filter(uid: string): Record<string, unknown> | null {
      const query = manager(uid).getQuery();
      return query && Object.keys(query).length ? query : null;
    },
    cut: <T>(result: T, uid: string): T => cut(result, uid, 0) as T,
  };
};

/**
 * Every read through the Document Service during a content-API request (the REST routes of every
 * type, and our plugins' public routes that read documents) checks the request's raw query: a draft
 * read (`status` other than `published`, anywhere, including inside `populate`) by a caller that may
 * not read drafts is refused before anything is read. An admin draft reader's draft read is limited
 * to the sites their `read-drafts` permission allows (see `createDraftScope`).
 */
export const draftReadGate = (strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!READ_ACTIONS.has(ctx.action)) return next();
  const request = strapi.requestContext.get() as { method?: string; query?: unknown; state?: RequestState } | undefined;
  if (!request || request.state?.route?.info?.type !== 'content-api' || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
  const state = request.state ?? {};
  assertDraftReadAllowed(request.query, state);
  const ability = state.auth?.ability;
  if (state.auth?.strategy?.name !== ADMIN_CONTENT_API_STRATEGY || !ability || !draftQueryParameter(request.query)) return next();

  const scope = createDraftScope(strapi, ability);
  const condition = scope.filter(ctx.uid);
  if (!condition) return next();
  const model = contentTypeOf(strapi, ctx.uid);
  if (!model?.attributes[OWNER_FIELD]) {
    throw new errors.PolicyError(`Your read-drafts permission is limited to some sites and ${ctx.uid} has no owning site.`, { path: ['status'] });
  }
  const params = ctx.params as { filters?: unknown };
  params.filters = params.filters && typeof params.filters === 'object' && Object.keys(params.filters).length ? { $and: [params.filters, condition] } : condition;
  const result = await next();
  return ctx.action === 'count' ? result : scope.cut(result, ctx.uid);
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
 * the request carries an API token or the admin JWT of an admin holding `read-drafts` (whose request
 * then goes on to authentication; the Document Service gate above checks again once the caller is
 * known, and limits an admin to their sites). Writes are left alone:
 * `?status=draft` on a REST create or update is how a permitted writer saves a draft.
 */
export const draftRequestGuard = (strapi: Core.Strapi) => async (ctx: { method: string; query: unknown; get: (h: string) => string }, next: () => Promise<unknown>) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !draftQueryParameter(ctx.query)) return next();
  const authorization = ctx.get('authorization');
  if ((await carriesApiToken(strapi, authorization)) || (await findAdminDraftReader(strapi, authorization))) return next();
  assertDraftReadAllowed(ctx.query, {});
  return next();
};
