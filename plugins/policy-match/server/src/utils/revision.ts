import type { Core } from '@strapi/strapi';
import type { QueryBuilder } from './knex';

/**
 * A cheap fingerprint of a table (row count and latest timestamps), read from the database on
 * every use so that a cache is never trusted across instances: any write anywhere changes it.
 */
export const tableRevision = async (strapi: Core.Strapi, uid: string, where?: (qb: QueryBuilder) => QueryBuilder, stampColumns = ['updated_at']) => {
  const table = strapi.db.metadata.get(uid).tableName;
  let q: QueryBuilder = strapi.db.getConnection(table).count('* as n');
  for (const c of stampColumns) q = q.max(`${c} as ${c}`);
  if (where) q = where(q);
  const [row] = (await q) as Record<string, unknown>[];
  return [row.n, ...stampColumns.map((c) => (row[c] ? new Date(row[c] as string).getTime() : 0))].join(':');
};
