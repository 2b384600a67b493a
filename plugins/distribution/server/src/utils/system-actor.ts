/** The actor for placements made by the dispatcher: the editor's rights were checked when the targets were chosen and reviewed. */
export const SYSTEM_ACTOR = { kind: 'system' } as const;

export interface AdminActor {
  kind: 'admin';
  user: { id: number; email?: string; roles?: { code: string }[] };
}
