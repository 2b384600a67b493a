import type { Core } from '@strapi/strapi';

/**
 * Strapi's knex connection and its builders, typed through Strapi's own types (knex is Strapi's
 * dependency, not this plugin's).
 */
type Connection = Core.Strapi['db']['connection'];
export type QueryBuilder = ReturnType<Connection['queryBuilder']>;
export type RawSql = ReturnType<Connection['raw']>;
export type RawBindings = Parameters<Connection['raw']>[1];
