// The browser-side callbacks (page.evaluate, addInitScript) of the browser suite use DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/*
 * The browser-test harness: builds the admin panel once (skipped while its sources are unchanged),
 * boots the real app in this process on a fresh SQLite database seeded with the demo's site tree, serves
 * the built admin, and drives Debian's Chromium with playwright-core.
 */
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { spawnSync } from 'child_process';
import type { Core } from '@strapi/strapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applyTestEnv } from '../../helpers/env';
import { createFreshDatabase } from '../../helpers/database';
import { searchIndexRemover } from '../../helpers/search-index';
import { seedDemoSites } from '../../../database/seeds/demo-sites';

export const APP_DIR = path.resolve(__dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(APP_DIR, 'tests/e2e/screenshots');
/** Screenshots are rewritten only on request (`E2E_SCREENSHOTS=update`): developers commit them, CI never compares pixels. */
export const UPDATE_SCREENSHOTS = process.env.E2E_SCREENSHOTS === 'update';

/** Why the browser suite cannot run here, or null when it can. */
export const browserSuiteSkipReason = (): string | null => {
  if (process.env.JIYUE_E2E === 'off') return 'JIYUE_E2E=off';
  if (!fs.existsSync(CHROMIUM)) return `no browser at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk fonts-noto-core)`;
  return null;
};

/** Everything the admin bundle is built from: a change to any of these needs a new build. */
const ADMIN_SOURCES = ['plugins/*/admin', 'packages/admin-ui/src', 'src/admin', 'config/admin.ts', 'package-lock.json'];
const STAMP = path.join(APP_DIR, 'dist/build/.jiyue-admin-sources');

/** The files under `target` (or `target` itself when it is a file); nothing when it does not exist. */
const listFiles = (target: string): string[] => {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target).flatMap((name) => listFiles(path.join(target, name)));
};

const adminSourcesHash = () => {
  const hash = crypto.createHash('sha256');
  const files = ADMIN_SOURCES.flatMap((pattern) => {
    if (!pattern.includes('*')) return listFiles(path.join(APP_DIR, pattern));
    const [before, after] = pattern.split('*');
    const base = path.join(APP_DIR, before);
    return fs.readdirSync(base).flatMap((name) => listFiles(path.join(base, name, after)));
  });
  for (const file of files.sort()) hash.update(path.relative(APP_DIR, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
};

/**
 * `strapi build` once: skipped when dist/build was built from the same admin sources (the stamp), so a
 * developer's second run starts at once. Returns how long it took (0 when skipped).
 */
export const buildAdminOnce = (): number => {
  const sources = adminSourcesHash();
  if (fs.existsSync(path.join(APP_DIR, 'dist/build/index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sources) return 0;
  const started = Date.now();
  const manifest = require.resolve('@strapi/strapi/package.json', { paths: [APP_DIR] });
  const { bin } = require(manifest);
  const strapiBin = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.strapi);
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: APP_DIR,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`strapi build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  fs.writeFileSync(STAMP, sources);
  return Date.now() - started;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface DemoServer {
  strapi: Core.Strapi;
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * What every scenario group of the one browser suite (tests/e2e/browser.test.ts) shares: the app booted
 * once and one browser. The groups (`*.spec.ts`) register their tests at collection time and read these
 * in their hooks and tests, after the suite's `beforeAll` has booted them.
 */
export interface BrowserSuite {
  readonly server: DemoServer;
  readonly browser: Browser;
}

/** The real app from dist/, on a fresh SQLite file (whatever DATABASE_CLIENT says: the browser suite runs once, on SQLite), serving the built admin. */
export const bootDemo = async (): Promise<DemoServer> => {
  applyTestEnv();
  process.env.DATABASE_CLIENT = 'sqlite';
  const dropDatabase = await createFreshDatabase('e2e');
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: true }).load();
  const removeSearchIndex = await searchIndexRemover(strapi);
  await seedDemoSites(strapi);
  strapi.server.mount();
  const port = await freePort();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', () => resolve()));
  return {
    strapi,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await strapi.destroy();
      await dropDatabase();
      removeSearchIndex();
    },
  };
};

export const launchBrowser = async (): Promise<Browser> => {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives every launch a fresh user-data-dir.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
};

export interface AdminUser {
  id: number;
  email: string;
  password: string;
  name: string;
}

/** An admin user with the given roles and sites (site-group assignments), preferring the zh-Hans admin. */
export const createAdminUser = async (
  strapi: Core.Strapi,
  { firstname, lastname, roles, sites }: { firstname: string; lastname: string; roles: number[]; sites: { code: string; includeDescendants?: boolean }[] }
): Promise<AdminUser> => {
  const password = `Jiyue-${crypto.randomBytes(4).toString('hex')}-Aa1`;
  const email = `${firstname.toLowerCase()}-${crypto.randomBytes(3).toString('hex')}@jiyue.test`;
  const user = await strapi.service('admin::user').create({
    email,
    firstname,
    lastname,
    password,
    isActive: true,
    registrationToken: null,
    roles,
    preferedLanguage: 'zh-Hans',
  });
  for (const site of sites) await strapi.plugin('site-group').service('editor-scope').assign(user.id, site.code, site.includeDescendants ?? false);
  return { id: user.id, email, password, name: `${firstname} ${lastname}` };
};

/** An admin role with the given permissions (Content Manager actions take a subject and properties, and may carry RBAC conditions). */
export const createAdminRole = async (
  strapi: Core.Strapi,
  name: string,
  permissions: { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] }[]
): Promise<number> => {
  const role = await strapi.service('admin::role').create({ name, description: name });
  await strapi.service('admin::role').assignPermissions(role.id, permissions.map((p) => ({ properties: {}, conditions: [], ...p })));
  return role.id;
};

/** A fresh browser context (own cookies and storage) with the admin in zh-Hans, logged in as `user` through the login form. */
export const logIn = async (browser: Browser, baseUrl: string, user: AdminUser): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  const page = await context.newPage();
  // Failed API calls and page errors, printed when a test fails (see `explainFailure`).
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(baseUrl)) problems.push(`${user.email}: ${response.status()} ${response.request().method()} ${response.url().slice(baseUrl.length)}`);
  });
  page.on('pageerror', (error) => problems.push(`${user.email}: page error ${error.message}`));
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return { context, page };
};

/** What went wrong in the browser: failed API calls and page errors since the last call. */
export const problems: string[] = [];

/** On a failed step: a screenshot in the OS temp dir and the browser's problems, in the error. */
export const explainFailure = async (page: Page, name: string, error: unknown): Promise<never> => {
  const file = path.join(require('os').tmpdir(), `jiyue-e2e-${name}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(`${message}\nscreenshot: ${file}\nbrowser problems:\n${problems.splice(0).join('\n') || '(none)'}`);
};

export const screenshot = async (page: Page, name: string) => {
  if (!UPDATE_SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
};
