import path from 'path';
import fs from 'fs';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { applyTestEnv } from './env';
import { createFreshDatabase, snapshotDatabase, type DatabaseSnapshot } from './database';
import { searchIndexRemover } from './search-index';

export const APP_DIR = path.resolve(__dirname, '../..');

export interface TestApp {
  strapi: Core.Strapi;
  /** supertest bound to the booted HTTP server: real routes, real middlewares, real database. */
  request: () => supertest.Agent;
  stop: () => Promise<void>;
}

/** A new Strapi instance of the app from dist/ on the database named by the environment, not yet listening. */
const createInstance = async (): Promise<Core.Strapi> => {
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false }).load();
};

/**
 * The real Jiyue app from dist/ (compiled by jest's global setup, or the bench runner) loaded on a
 * fresh database, not yet listening. Shared by tests and benchmarks.
 */
export const loadStrapi = async (label: string) => {
  applyTestEnv();
  const dropDatabase = await createFreshDatabase(label);
  const strapi = await createInstance();
  const removeSearchIndex = await searchIndexRemover(strapi);
  return {
    strapi,
    /** Removes the database and the embedded search index named after it (call after destroy). */
    dropDatabase: async () => {
      await dropDatabase();
      removeSearchIndex();
    },
    removeSearchIndex,
  };
};

const mounted = (strapi: Core.Strapi, stop: () => Promise<void>): TestApp => {
  strapi.server.mount();
  const agent = supertest(strapi.server.httpServer);
  return { strapi, request: () => agent as unknown as supertest.Agent, stop };
};

/**
 * One boot shared by the specs of a test file (an area: see tests/helpers/area.ts). The first
 * `bootStrapi()` boots the app on a fresh database and snapshots it; every later one restores that
 * snapshot, removes the search index and creates a new Strapi instance on it: the modules are
 * already loaded and the schema already built, so this takes a second or two instead of a full
 * boot, and each spec still starts from a just-booted app (fresh services, config and caches, the
 * database as bootstrap left it).
 */
interface SharedBoot {
  label: string;
  first: Promise<{ snapshot: DatabaseSnapshot; dropDatabase: () => Promise<void>; removeSearchIndex: () => void; env: Record<string, string> }> | null;
  current: Core.Strapi | null;
}

let shared: SharedBoot | null = null;

/** The database variables the first boot set; a spec may reset the environment, a later boot puts them back. */
const DATABASE_ENV = ['DATABASE_CLIENT', 'DATABASE_FILENAME', 'DATABASE_SCHEMA', 'DATABASE_NAME'];

/**
 * Makes every `bootStrapi()` of this test file share one boot (see SharedBoot). Call once at the top
 * level of the file; the database, its snapshot and the search index are removed after the file.
 */
export const shareOneBoot = (label: string) => {
  const state: SharedBoot = { label, first: null, current: null };
  shared = state;
  afterAll(async () => {
    shared = null;
    await state.current?.destroy();
    state.current = null;
    const first = await state.first?.catch(() => null);
    if (!first) return;
    await first.snapshot.drop();
    await first.dropDatabase();
  });
};

const bootShared = async (state: SharedBoot): Promise<TestApp> => {
  // A spec that failed before stopping its app must not take the next one down with it.
  await state.current?.destroy();
  state.current = null;
  let strapi: Core.Strapi;
  const started = Date.now();
  const kind = state.first ? 'restore + new instance' : 'first boot + snapshot';
  if (!state.first) {
    const loading = loadStrapi(state.label);
    state.first = loading.then(async (loaded) => ({
      snapshot: await snapshotDatabase(loaded.strapi),
      dropDatabase: loaded.dropDatabase,
      removeSearchIndex: loaded.removeSearchIndex,
      env: Object.fromEntries(DATABASE_ENV.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!])),
    }));
    await state.first;
    strapi = (await loading).strapi;
  } else {
    const first = await state.first;
    applyTestEnv();
    Object.assign(process.env, first.env);
    await first.snapshot.restore();
    first.removeSearchIndex();
    strapi = await createInstance();
  }
  state.current = strapi;
  // JIYUE_BOOT_TIMES=<file>: one line per boot, for measuring the harness.
  if (process.env.JIYUE_BOOT_TIMES) {
    fs.appendFileSync(process.env.JIYUE_BOOT_TIMES, `${state.label}\t${kind}\t${Date.now() - started} ms\n`);
  }
  return mounted(strapi, async () => {
    await strapi.destroy();
    if (state.current === strapi) state.current = null;
  });
};

/**
 * Boots the real Jiyue app and mounts its HTTP server for supertest. Call in beforeAll and `stop()`
 * in afterAll. In a file that called `shareOneBoot` (an area) the boot is shared as described
 * there; otherwise the app gets its own fresh database, dropped by `stop()`.
 */
export const bootStrapi = async (label = path.basename(expect.getState().testPath ?? 'test', '.test.ts')): Promise<TestApp> => {
  if (shared) return bootShared(shared);
  const { strapi, dropDatabase } = await loadStrapi(label);
  return mounted(strapi, async () => {
    await strapi.destroy();
    await dropDatabase();
  });
};
