import type { Core } from '@strapi/strapi';

/**
 * After a bulk load on PostgreSQL, does what autovacuum does a little later: planner statistics
 * (without them the planner guesses row counts) and the visibility map (without it a column's
 * `count(*)` reads every heap page instead of only the listing index). Measurements taken right
 * after a bulk insert would otherwise show a state no running system stays in.
 */
export const analyze = async (strapi: Core.Strapi, uid: string) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.connection.raw(`VACUUM ANALYZE "${strapi.db.metadata.get(uid).tableName}"`);
};
