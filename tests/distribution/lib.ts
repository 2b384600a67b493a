import http from 'http';
import type { AddressInfo } from 'net';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';

// Every outbound request goes through the kernel's filtering agent, which refuses loopback: the fake
// receivers of these suites listen on 127.0.0.1, so the suites allow exactly that address (read by
// the distribution config when each app boots).
process.env.JIYUE_OUTBOUND_ALLOW ??= '127.0.0.1';

export const ARTICLE = 'api::article.article';
export const POLICY = 'api::policy.policy';

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: any;
}

/**
 * A fake external receiver on 127.0.0.1: records every request and answers through `respond`
 * (default 200 {}). Tests check what arrived, in which order, and how often.
 */
/** How a fake receiver answers one request (every field optional: 200 `{}` at once). */
export interface ReceiverAnswer {
  status?: number;
  json?: unknown;
  delayMs?: number;
}

export const startReceiver = async (respond?: (req: Received, index: number) => ReceiverAnswer | void) => {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      const received: Received = { method: req.method!, url: req.url!, headers: req.headers, body, text, json };
      requests.push(received);
      const answer: ReceiverAnswer = respond?.(received, requests.length - 1) || {};
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.json ?? {}));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
};

export const as = (app: TestApp, session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  put: (path: string, body: object = {}) => app.request().put(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  del: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${session.jwt}`),
});

/** Makes retries quick for a test (the real defaults wait seconds to minutes). */
export const fastRetries = (app: TestApp, overrides: Record<string, number> = {}) => {
  const dispatcher = app.strapi.config.get('plugin::distribution.dispatcher') as Record<string, number>;
  Object.assign(dispatcher, { backoffBaseMs: 20, backoffMaxMs: 100, pollIntervalMs: 30, ...overrides });
};

export const setCredentials = (app: TestApp, credentials: Record<string, unknown>) => {
  const current = (app.strapi.config.get('plugin::distribution.credentials') as Record<string, unknown>) ?? {};
  Object.assign(current, credentials);
  app.strapi.config.set('plugin::distribution.credentials', current);
};

/** The first truthy value `fn` gives within the timeout. */
export const waitFor = async <T>(fn: () => Promise<T> | T, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<NonNullable<T>> => {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting${last ? `: ${(last as Error).message}` : ''}`);
};

export const deliveries = (app: TestApp, where: Record<string, unknown> = {}) =>
  app.strapi.db.query('plugin::distribution.delivery').findMany({ where, orderBy: { id: 'asc' } }) as Promise<any[]>;

/** Content Manager and review-workflow admin paths. */
export const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
export const review = (uid: string, documentId: string, action: string) => `/review-workflow/documents/${uid}/${documentId}/${action}`;

/** The real path: a draft saved by `editor`, submitted with its targets, three reviews by `reviewers`, one publish. */
export const publishThroughReview = async (
  app: TestApp,
  { editor, reviewers }: { editor: AdminSession; reviewers: AdminSession[] },
  data: Record<string, unknown>,
  targets?: object
) => {
  const created = await as(app, editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, data);
  if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.data.documentId as string;
  const submitted = await as(app, editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans', ...(targets ? { targets } : {}) });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  for (const reviewer of reviewers) {
    const res = await as(app, reviewer).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    if (res.status !== 200) throw new Error(`approve: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const published = await as(app, reviewers[reviewers.length - 1]).post(`${cm(ARTICLE)}/${id}/actions/publish?locale=zh-Hans`, {});
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return id;
};

/**
 * Boots the app again on the database the current test file already uses (same SQLite file or
 * PostgreSQL schema, still in the environment): a restart of the same deployment.
 */
export const rebootStrapi = async (): Promise<TestApp> => {
  const path = require('path');
  const supertest = require('supertest');
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  const agent = supertest(strapi.server.httpServer);
  return { strapi, request: () => agent, stop: async () => strapi.destroy() } as TestApp;
};

/** A receiver that applies each idempotency key once, as the documented contract asks receivers to. */
export const startIdempotentReceiver = async (respond?: Parameters<typeof startReceiver>[0]) => {
  const applied = new Map<string, number>();
  const receiver = await startReceiver((req, i) => {
    const key = String(req.headers['idempotency-key']);
    applied.set(key, (applied.get(key) ?? 0) + 1);
    return respond?.(req, i);
  });
  return { ...receiver, applied };
};

/**
 * The app most distribution suites start from: the demo site tree, an editor and three distinct
 * reviewers (三审), retries in milliseconds, and the given channel credentials.
 */
export const bootDistributionApp = async (credentials: Record<string, unknown>) => {
  const app = await bootStrapi();
  await seedDemoSites(app.strapi);
  const editor = await createAdmin(app);
  const reviewers = [await createAdmin(app), await createAdmin(app), await createAdmin(app)];
  fastRetries(app);
  setCredentials(app, credentials);
  return { app, editor, reviewers };
};
