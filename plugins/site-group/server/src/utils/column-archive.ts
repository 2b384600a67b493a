/**
 * A special topic is archived once its `expiresAt` has passed. Derived at read time rather than
 * flipped by a timer, so every Strapi instance agrees without a job or a lock.
 */
export const isArchived = (column: { kind: string; expiresAt?: string | Date | null }, now = new Date()): boolean =>
  column.kind === 'topic' && Boolean(column.expiresAt) && new Date(column.expiresAt as string) <= now;
