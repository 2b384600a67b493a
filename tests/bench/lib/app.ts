import path from 'path';
import type { Core } from '@strapi/strapi';
import { loadStrapi } from '../../helpers/strapi';
import { liftRateLimits } from '../../helpers/rate-limits';
import { closeAgent, listenOnLoopback } from './http';

export const APP_DIR = path.resolve(__dirname, '../../..');

/** Compiles config/ and src/ into dist/ once per bench run, as jest's global setup does for tests. */
export const compileApp = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
};

export interface BenchApp {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<ephemeral port> */
  baseUrl: string;
  stop: () => Promise<void>;
}

/** The real app from dist/ on a fresh, empty database, listening on loopback only. */
export const bootBenchApp = async (label: string): Promise<BenchApp> => {
  const { strapi, dropDatabase } = await loadStrapi(`bench-${label}`);
  // Benchmarks send thousands of requests from one address: the public rate limits would cut them off.
  liftRateLimits(strapi);
  const baseUrl = await listenOnLoopback(strapi);
  return {
    strapi,
    baseUrl,
    stop: async () => {
      closeAgent();
      await strapi.destroy();
      await dropDatabase();
    },
  };
};

export interface DatabaseInfo {
  client: string;
  version: string;
}

export const databaseInfo = async (strapi: Core.Strapi): Promise<DatabaseInfo> => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const knex = strapi.db.connection;
  if (client === 'postgres') {
    const result = await knex.raw('show server_version');
    return { client, version: result.rows[0].server_version };
  }
  const [row] = await knex.raw('select sqlite_version() as version');
  return { client, version: row.version };
};
