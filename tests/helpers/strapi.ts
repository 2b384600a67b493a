import path from 'path';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { applyTestEnv } from './env';
import { createFreshDatabase } from './database';
import { searchIndexRemover } from './search-index';

export const APP_DIR = path.resolve(__dirname, '../..');

export interface TestApp {
  strapi: Core.Strapi;
  /** supertest bound to the booted HTTP server: real routes, real middlewares, real database. */
  request: () => supertest.Agent;
  stop: () => Promise<void>;
}

/**
 * The real Jiyue app from dist/ (compiled by jest's global setup, or the bench runner) loaded on a
 * fresh database, not yet listening. Shared by tests and benchmarks.
 */
export const loadStrapi = async (label: string) => {
  applyTestEnv();
  const dropDatabase = await createFreshDatabase(label);
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const removeSearchIndex = await searchIndexRemover(strapi);
  return {
    strapi,
    /** Removes the database and the embedded search index named after it (call after destroy). */
    dropDatabase: async () => {
      await dropDatabase();
      removeSearchIndex();
    },
  };
};

/**
 * Boots the real Jiyue app on a fresh database and mounts its HTTP server for supertest.
 * Call in beforeAll and `stop()` in afterAll; one instance per test file.
 */
export const bootStrapi = async (label = path.basename(expect.getState().testPath ?? 'test', '.test.ts')): Promise<TestApp> => {
  const { strapi, dropDatabase } = await loadStrapi(label);
  strapi.server.mount();
  const agent = supertest(strapi.server.httpServer);

  return {
    strapi,
    request: () => agent as unknown as supertest.Agent,
    stop: async () => {
      await strapi.destroy();
      await dropDatabase();
    },
  };
};
