/**
 * Who acts, in the shape site-group's editor scope takes: an admin (scope rules apply; Super Admins
 * act everywhere) or the system.
 */
export interface AdminActor {
  kind: 'admin';
  user: { id: number; email?: string; roles?: { code: string }[] };
}

/** The actor for placements made by the dispatcher: the editor's rights were checked when the targets were chosen and reviewed. */
export const SYSTEM_ACTOR = { kind: 'system' } as const;

export type ScopeActor = AdminActor | typeof SYSTEM_ACTOR;

export interface ReplacementActor {
  scope: ScopeActor;
  id: number | null;
  name: string;
  /** The same person as review-workflow's audit trail records them. */
  review: { id: number | null; name: string; roles: string[]; isSuperAdmin: boolean };
}

/** The admin behind an admin-route request (the routes require one). */
export const replacementActor = (user: any): ReplacementActor => {
  if (!user) return { scope: { kind: 'system' }, id: null, name: 'system', review: { id: null, name: 'system', roles: [], isSuperAdmin: false } };
  const roles: string[] = (user.roles ?? []).map((r: { code: string }) => r.code);
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `admin ${user.id}`;
  return {
    scope: { kind: 'admin', user },
    id: user.id,
    name,
    review: { id: user.id, name, roles, isSuperAdmin: roles.includes('strapi-super-admin') },
  };
};
