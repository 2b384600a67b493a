import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { summarize, type Summary } from './stats';

/**
 * Real HTTP against the booted app on 127.0.0.1: the request goes through Node's socket layer,
 * Koa and every Strapi middleware, as a portal's request would. Benches never talk to any other host.
 */

const LOOPBACK = '127.0.0.1';

/** Listens on an ephemeral loopback port and returns the base URL. */
export const listenOnLoopback = async (strapi: Core.Strapi): Promise<string> => {
  strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://${LOOPBACK}:${port}`;
};

export interface Response {
  status: number;
  bytes: number;
  body: string;
  ms: number;
}

// One keep-alive connection, as a browser or a portal's server-side renderer would reuse.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const assertLoopback = (url: URL) => {
  if (url.hostname !== LOOPBACK) throw new Error(`bench HTTP goes to ${LOOPBACK} only, not ${url.hostname}`);
};

/** One GET, timed from request start to the last byte of the body. */
export const get = (baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Response> => {
  const url = new URL(path, baseUrl);
  assertLoopback(url);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers: { accept: 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, body: body.toString('utf8'), ms });
      });
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
  });
};

export interface Target {
  /** Short name used in figures, e.g. "articles". */
  name: string;
  path: string;
  headers?: Record<string, string>;
}

export interface TimedTarget {
  target: Target;
  summary: Summary;
  bytes: number;
  /** True when the time budget ran out before `requests` samples were taken. */
  truncated: boolean;
}

export interface TimingOptions {
  requests: number;
  warmup?: number;
  /** Wall-clock budget for the whole loop; keeps a slow endpoint from stalling the run. */
  maxMs?: number;
}

/**
 * Times the targets round-robin (A, B, A, B …), one request at a time, so a baseline and the
 * endpoint under test see the same moment of machine load. Any non-200 answer aborts the bench:
 * timing an error page would be meaningless.
 */
export const timeTargets = async (baseUrl: string, targets: Target[], options: TimingOptions): Promise<TimedTarget[]> => {
  const { requests, warmup = Math.min(20, requests), maxMs = 120_000 } = options;
  const samples = targets.map(() => [] as number[]);
  const bytes = targets.map(() => 0);

  const hit = async (i: number) => {
    const res = await get(baseUrl, targets[i].path, targets[i].headers);
    if (res.status !== 200) throw new Error(`GET ${targets[i].path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    bytes[i] = res.bytes;
    return res.ms;
  };

  for (let round = 0; round < warmup; round += 1) for (let i = 0; i < targets.length; i += 1) await hit(i);

  const deadline = performance.now() + maxMs;
  let truncated = false;
  for (let round = 0; round < requests; round += 1) {
    if (performance.now() > deadline) {
      truncated = true;
      break;
    }
    for (let i = 0; i < targets.length; i += 1) samples[i].push(await hit(i));
  }

  return targets.map((target, i) => ({ target, summary: summarize(samples[i]), bytes: bytes[i], truncated }));
};

export const closeAgent = () => agent.destroy();

export interface ConcurrentResult {
  target: Target;
  clients: number;
  summary: Summary;
  ok: number;
  failed: number;
  /** The first few failures (status or socket error), to tell ECONNRESET from a 500. */
  errors: string[];
}

/**
 * `clients` concurrent clients, each with its own keep-alive connection, sending `requestsPerClient`
 * GETs back to back (until `until()` says stop, when given: a load kept up while something else is
 * measured). Failures are counted, not thrown: dropping requests under load is the finding.
 */
export const timeConcurrent = async (
  baseUrl: string,
  target: Target,
  { clients, requestsPerClient, maxMs = 120_000, until }: { clients: number; requestsPerClient: number; maxMs?: number; until?: () => boolean }
): Promise<ConcurrentResult> => {
  const url = new URL(target.path, baseUrl);
  assertLoopback(url);
  const pool = new http.Agent({ keepAlive: true, maxSockets: clients });
  const samples: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  const deadline = performance.now() + maxMs;

  const once = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.get(url, { agent: pool, headers: { accept: 'application/json', ...target.headers } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
          else {
            failed += 1;
            if (errors.length < 5) errors.push(`HTTP ${res.statusCode}`);
          }
          resolve();
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
      req.on('error', (error) => {
        failed += 1;
        if (errors.length < 5) errors.push((error as NodeJS.ErrnoException).code ?? error.message);
        resolve();
      });
    });

  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < requestsPerClient && performance.now() < deadline && !until?.(); i += 1) await once();
    })
  );
  pool.destroy();
  return { target, clients, summary: summarize(samples), ok: samples.length, failed, errors };
};

/** An admin session over real HTTP, as the admin panel gets one: a fresh super admin, logged in. */
export const adminJwt = async (strapi: Core.Strapi, baseUrl: string) => {
  const password = `Bench-${crypto.randomBytes(6).toString('hex')}-Aa1`;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  const user = await strapi.service('admin::user').create({
    email: `bench-${Date.now()}@jiyue.test`, firstname: 'Bench', lastname: 'Admin', password, isActive: true, registrationToken: null, roles: [superAdmin.id],
  });
  const res = await fetch(new URL('/admin/login', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
  return ((await res.json()) as any).data.token as string;
};
