import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { REVISION_UID } from './uids';

/**
 * Revision rows (`jiyue_pm_revisions`): one per cached thing (`registry`; catalogue and taxonomy may
 * join). A writer gives its row a new value inside its own transaction; a reader compares the value
 * with the one its cache was built from. Several Strapi hosts share the database, so a cache is
 * never trusted without reading the row: another host's write is seen by the next read.
 */
export type RevisionName = 'registry' | 'catalogue' | 'taxonomy';

/** The current value of a revision row ('initial' before its first write). */
export const readRevision = async (strapi: Core.Strapi, name: RevisionName): Promise<string> => {
  const row = (await strapi.db.query(REVISION_UID).findOne({ where: { name }, select: ['value'] })) as { value: string } | null;
  return row?.value ?? 'initial';
};

/** Gives the row a new value (inside the caller's transaction when there is one); returns it. */
export const bumpRevision = async (strapi: Core.Strapi, name: RevisionName): Promise<string> => {
  const value = randomUUID();
  const updated = await strapi.db.query(REVISION_UID).updateMany({ where: { name }, data: { value } });
  if ((updated as { count: number }).count > 0) return value;
  try {
    await strapi.db.query(REVISION_UID).create({ data: { name, value } });
  } catch {
    // Another writer created the row meanwhile (unique name): write over it.
    await strapi.db.query(REVISION_UID).updateMany({ where: { name }, data: { value } });
  }
  return value;
};
