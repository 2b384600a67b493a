import type { Core } from '@strapi/strapi';
import { ADMIN_CONTENT_API_STRATEGY, isApiTokenStrategy } from '@jiyue/kernel';

/** Strapi's API token types: `full-access`, `read-only`, `custom` (per-action permissions). */
export type ApiTokenType = 'full-access' | 'read-only' | 'custom';

export type Actor =
  | { kind: 'admin'; user: { id: number; roles?: { code: string }[] } }
  | { kind: 'api-token'; type: ApiTokenType | null }
  | { kind: 'user'; user: { id: number } }
  /** A content-API request with no login (the users-permissions Public role). */
  | { kind: 'public' }
  | { kind: 'system' };

const SUPER_ADMIN = 'strapi-super-admin';

/**
 * Who is behind the current request: an admin user (the admin panel, or review-workflow's
 * read-only admin draft reader on the content API), an API token, a users-permissions user, the Public role,
 * or code with no request (seeds, jobs). Site scope applies to admin users; tokens and users are trusted
 * integrations for what Strapi's permissions let them do, except where a rule names them (media).
 */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const ctx = strapi.requestContext.get() as any;
  if (!ctx?.state) return { kind: 'system' };
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'admin' && ctx.state.user) return { kind: 'admin', user: ctx.state.user };
  if (strategy === ADMIN_CONTENT_API_STRATEGY && ctx.state.auth?.credentials) return { kind: 'admin', user: ctx.state.auth.credentials };
  if (isApiTokenStrategy(strategy)) return { kind: 'api-token', type: ctx.state.auth?.credentials?.type ?? null };
  if (ctx.state.user) return { kind: 'user', user: ctx.state.user };
  if (ctx.state.auth) return { kind: 'public' };
  return { kind: 'system' };
};

export const isSuperAdmin = (user: { roles?: { code: string }[] }) => (user.roles ?? []).some((r) => r.code === SUPER_ADMIN);
