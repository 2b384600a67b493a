import type { Core } from '@strapi/strapi';

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load, as autovacuum would a little later:
 * without them the planner guesses row counts and may scan instead of using the listing index.
 */
export const analyze = async (strapi: Core.Strapi, uid: string) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.connection.raw(`ANALYZE "${strapi.db.metadata.get(uid).tableName}"`);
};
