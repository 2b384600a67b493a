import type { Core } from '@strapi/strapi';

export type Actor =
  | { kind: 'admin'; user: { id: number; roles?: { code: string }[] } }
  | { kind: 'api-token' }
  | { kind: 'user'; user: { id: number } }
  | { kind: 'system' };

const SUPER_ADMIN = 'strapi-super-admin';

/**
 * Who is behind the current write: an admin-panel user, an API token, a users-permissions user,
 * or code with no request (seeds, jobs). Scope rules apply to admin users only; tokens and code are
 * trusted integrations whose own permissions Strapi already checked.
 */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const ctx = strapi.requestContext.get() as any;
  if (!ctx?.state) return { kind: 'system' };
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'admin' && ctx.state.user) return { kind: 'admin', user: ctx.state.user };
  if (strategy === 'api-token') return { kind: 'api-token' };
  if (ctx.state.user) return { kind: 'user', user: ctx.state.user };
  return { kind: 'system' };
};

export const isSuperAdmin = (user: { roles?: { code: string }[] }) => (user.roles ?? []).some((r) => r.code === SUPER_ADMIN);
