import { ADMIN_CONTENT_API_STRATEGY, isApiTokenStrategy } from './auth-strategies';

/**
 * Who acts: an admin user (the admin panel, or review-workflow's read-only admin draft reader on the
 * content API), an API token, a users-permissions user, the Public role, or code with no request
 * (seeds, jobs, the dispatcher). Site scope applies to admin users; tokens and users are trusted
 * integrations for what Strapi's permissions let them do, except where a rule names them (media). Read it from the request context (`actorOf(ctx)`, or
 * `currentActor(strapi)` where no ctx is at hand): never from the body.
 */

/** An admin-panel user as Strapi puts it on `ctx.state.user` (roles populated). */
export interface AdminUser {
  id: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: { code: string }[];
}

/** Strapi's API token types: `full-access`, `read-only`, `custom` (per-action permissions). */
export type ApiTokenType = 'full-access' | 'read-only' | 'custom';

export type Actor =
  | { kind: 'admin'; user: AdminUser }
  | { kind: 'api-token'; type: ApiTokenType | null }
  | { kind: 'user'; user: { id: number } }
  /** A content-API request with no login (the users-permissions Public role). */
  | { kind: 'public' }
  | { kind: 'system' };

/** The actor of code with no request behind it. */
export const SYSTEM_ACTOR = { kind: 'system' } as const satisfies Actor;

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/** The parts of a Koa context the actor is read from. */
export interface ActorContext {
  state?: { user?: unknown; auth?: { strategy?: { name?: string }; credentials?: unknown } };
}

/** The actor of a request: the auth strategy Strapi used decides who it is. */
export const actorOf = (ctx: ActorContext | null | undefined): Actor => {
  const state = ctx?.state;
  if (!state) return SYSTEM_ACTOR;
  const strategy = state.auth?.strategy?.name;
  const user = state.user as AdminUser | undefined;
  if (strategy === 'admin' && user) return { kind: 'admin', user };
  const credentials = state.auth?.credentials as { type?: ApiTokenType } | AdminUser | undefined;
  if (strategy === ADMIN_CONTENT_API_STRATEGY && credentials) return { kind: 'admin', user: credentials as AdminUser };
  if (isApiTokenStrategy(strategy)) return { kind: 'api-token', type: (credentials as { type?: ApiTokenType } | undefined)?.type ?? null };
  if (user) return { kind: 'user', user: { id: user.id } };
  if (state.auth) return { kind: 'public' };
  return SYSTEM_ACTOR;
};

/** The actor behind the current request (Strapi's request context), or the system outside a request. */
export const currentActor = (strapi: { requestContext: { get: () => unknown } }): Actor => actorOf(strapi.requestContext.get() as ActorContext | undefined);

/** The admin user of an admin route's actor (`actorOf(ctx)` for an admin JWT). */
export const adminActor = (user: AdminUser | null | undefined): Actor => (user ? { kind: 'admin', user } : SYSTEM_ACTOR);

export const isSuperAdmin = (user: { roles?: { code: string }[] } | null | undefined): boolean =>
  (user?.roles ?? []).some((r) => r.code === SUPER_ADMIN_ROLE);

/** An actor as audit trails record them: admin id and name, role codes. */
export interface ActorRecord {
  /** Admin user id; null for API tokens, users-permissions users and code. */
  id: number | null;
  name: string;
  roles: string[];
  isSuperAdmin: boolean;
}

const STRATEGY_NAMES: Record<Exclude<Actor['kind'], 'admin'>, string> = { 'api-token': 'api-token', user: 'users-permissions', public: 'public', system: 'system' };

/** How an audit trail names the actor: an admin by name (else email, else id); anyone else by how they signed in. */
export const actorRecord = (actor: Actor): ActorRecord => {
  if (actor.kind !== 'admin') return { id: null, name: STRATEGY_NAMES[actor.kind], roles: [], isSuperAdmin: false };
  const { user } = actor;
  const roles = (user.roles ?? []).map((r) => r.code);
  return {
    id: user.id,
    name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `admin ${user.id}`,
    roles,
    isSuperAdmin: roles.includes(SUPER_ADMIN_ROLE),
  };
};
