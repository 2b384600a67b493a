/**
 * Who acts: an admin-panel user, an API token, a users-permissions user, or code with no request
 * (seeds, jobs, the dispatcher). Read it from the request context (`actorOf(ctx)`, or
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

export type Actor =
  | { kind: 'admin'; user: AdminUser }
  | { kind: 'api-token' }
  | { kind: 'user'; user: { id: number } }
  | { kind: 'system' };

/** The actor of code with no request behind it. */
export const SYSTEM_ACTOR = { kind: 'system' } as const satisfies Actor;

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/** The parts of a Koa context the actor is read from. */
export interface ActorContext {
  state?: { user?: unknown; auth?: { strategy?: { name?: string } } };
}

/** The actor of a request: the auth strategy Strapi used decides who it is. */
export const actorOf = (ctx: ActorContext | null | undefined): Actor => {
  const state = ctx?.state;
  if (!state) return SYSTEM_ACTOR;
  const strategy = state.auth?.strategy?.name;
  const user = state.user as AdminUser | undefined;
  if (strategy === 'admin' && user) return { kind: 'admin', user };
  if (strategy === 'api-token') return { kind: 'api-token' };
  if (user) return { kind: 'user', user: { id: user.id } };
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

const STRATEGY_NAMES: Record<Exclude<Actor['kind'], 'admin'>, string> = { 'api-token': 'api-token', user: 'users-permissions', system: 'system' };

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
