import type { Core } from '@strapi/strapi';

export interface ReviewActor {
  /** Admin user id; null for API tokens and code (seeds, jobs, office-system intake). */
  id: number | null;
  name: string;
  roles: string[];
  isSuperAdmin: boolean;
}

/** The admin user behind the current request, as the review rules need them. */
export const currentReviewActor = (strapi: Core.Strapi): ReviewActor => {
  const ctx = strapi.requestContext.get() as any;
  const user = ctx?.state?.auth?.strategy?.name === 'admin' ? ctx.state.user : null;
  if (!user) return { id: null, name: ctx?.state?.auth?.strategy?.name ?? 'system', roles: [], isSuperAdmin: false };
  const roles: string[] = (user.roles ?? []).map((r: { code: string }) => r.code);
  return {
    id: user.id,
    name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
    roles,
    isSuperAdmin: roles.includes('strapi-super-admin'),
  };
};
