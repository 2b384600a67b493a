import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ADMIN_CONTENT_API_STRATEGY, contentTypeOf } from '@jiyue/kernel';
import { READ_DRAFTS_ACTION } from '../utils/uids';

/** The parts of Strapi's admin ability (a CASL ability) the draft reader uses. */
export interface AdminAbility {
  can: (action: string, subject?: unknown) => boolean;
}

export interface AdminDraftReader {
  user: { id: number; isActive?: boolean; roles?: { code: string }[] };
  ability: AdminAbility;
}

type SessionManager = (origin: 'admin') => {
  validateAccessToken: (token: string) => { isValid: boolean; payload: { userId: string; sessionId: string } };
  isSessionActive: (sessionId: string) => Promise<boolean>;
};

/**
 * The admin behind an `Authorization: Bearer <admin access token>` header, if that admin is active,
 * their session is, and they hold `read-drafts`; null otherwise (no header, another kind of token, an
 * expired or revoked session, an admin without the action). Checked the way Strapi 5.54's own admin
 * strategy checks an admin JWT (`@strapi/admin` `strategies/admin`): the session manager's access
 * token, an active session, an active user, the user's ability from their roles.
 */
export const findAdminDraftReader = async (strapi: Core.Strapi, authorization: string | undefined): Promise<AdminDraftReader | null> => {
  const parts = (authorization ?? '').trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return null;
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!manager) return null;
  let result: ReturnType<ReturnType<SessionManager>['validateAccessToken']>;
  try {
    result = manager('admin').validateAccessToken(parts[1]);
  } catch {
    return null;
  }
  if (!result?.isValid || !(await manager('admin').isSessionActive(result.payload.sessionId))) return null;
  const raw = result.payload.userId;
  const numeric = Number(raw);
  const userId = Number.isFinite(numeric) && String(numeric) === String(raw) ? numeric : raw;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: userId }, populate: ['roles'] });
  if (!user || user.isActive !== true) return null;
  const ability = (await strapi.service('admin::permission').engine.generateUserAbility(user)) as AdminAbility;
  if (!ability.can(READ_DRAFTS_ACTION)) return null;
  return { user, ability };
};

const READ_SCOPE = /^(api::[^.]+\.[^.]+)\.(find|findOne)$/;

/**
 * A content-API authentication strategy for admins holding `read-drafts`: their admin JWT is
 * accepted on the REST read routes (`find`, `findOne`) of draft-and-publish types, and on nothing
 * else (any other route: 403). Which drafts they see is decided by the draft gate
 * (`document-middlewares/draft-read-gate`): the conditions on their `read-drafts` permission.
 * An admin without the action is not authenticated by it (401, and 403 naming `status` on a draft
 * query, as for anyone else).
 */
export const adminDraftReaderStrategy = (strapi: Core.Strapi) => ({
  name: ADMIN_CONTENT_API_STRATEGY,
  async authenticate(ctx: { request: { header: { authorization?: string } }; state: Record<string, unknown> }) {
    const reader = await findAdminDraftReader(strapi, ctx.request.header.authorization);
    if (!reader) return { authenticated: false };
    return { authenticated: true, credentials: reader.user, ability: reader.ability };
  },
  verify(_auth: unknown, config: { scope?: string | string[] } = {}) {
    const scopes = config.scope === undefined ? [] : Array.isArray(config.scope) ? config.scope : [config.scope];
    const readsDraftType = (scope: string) => {
      const match = READ_SCOPE.exec(scope);
      const model = match ? contentTypeOf(strapi, match[1]) : undefined;
      return model?.options?.draftAndPublish === true;
    };
    if (!scopes.length || !scopes.every(readsDraftType)) {
      throw new errors.PolicyError('An admin session may only read content types (find, findOne) through the content API; write in the admin panel.');
    }
  },
});
