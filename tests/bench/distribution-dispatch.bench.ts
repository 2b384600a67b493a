import http from 'http';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { defineBench } from './lib/bench';

/**
 * Outbox dispatch throughput to a local webhook receiver: BENCH_DELIVERIES rows written while no
 * dispatcher runs, then timed from start until the last is delivered, in-process and with BullMQ
 * on the local Redis. Baseline: the same signed POSTs sent straight from a loop with the same
 * concurrency and no outbox (what the receiver alone can take on this machine).
 */
const receiver = async () => {
  let count = 0;
  const keys = new Set<string>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count += 1;
      keys.add(String(req.headers['idempotency-key']));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`, count: () => count, keys, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
};

const fill = async (strapi: Core.Strapi, n: number, tag: string) => {
  const outbox = strapi.plugin('distribution').service('outbox');
  for (let i = 0; i < n; i += 200) {
    await strapi.db.transaction(async () => {
      for (let j = i; j < Math.min(n, i + 200); j++) {
        await outbox.enqueue([{ target: { channelKey: 'webhook:ganzi-bench', channelKind: 'webhook', site: 'ganzi' }, operation: 'notify', version: `${tag}-${j}`, payload: { event: 'bench.delivery.sent', data: { n: j, title: '甘孜州政务公开' } } }]);
      }
    });
  }
};

const drainTimed = async (strapi: Core.Strapi, mode: 'in-process' | 'bullmq', n: number) => {
  const dispatcher = strapi.plugin('distribution').service('dispatcher');
  const started = performance.now();
  await dispatcher.start(mode);
  const ok = await dispatcher.drain(120_000);
  const ms = performance.now() - started;
  await dispatcher.stop();
  if (!ok) throw new Error(`${mode}: outbox not drained in 120 s`);
  const delivered = await strapi.db.query('plugin::distribution.delivery').count({ where: { status: 'delivered' } });
  return { ms, perSecond: (n * 1000) / ms, delivered };
};

export default defineBench({
  name: 'distribution-dispatch',
  description: 'Outbox dispatch throughput (BENCH_DELIVERIES rows, default 1500) to a local webhook receiver, in-process and BullMQ on local Redis, against direct POSTs with the same concurrency.',
  async run({ strapi, record }) {
    const n = Number(process.env.BENCH_DELIVERIES ?? 1500);
    await seedDemoSites(strapi);
    const dispatcher = strapi.plugin('distribution').service('dispatcher');
    await dispatcher.stop();
    const sink = await receiver();
    const credentials = strapi.config.get('plugin::distribution.credentials') as Record<string, unknown>;
    credentials['bench-hook'] = { site: 'ganzi', secret: 'bench-secret' };
    // The sink listens on loopback, which the outbound agent refuses unless allowed.
    strapi.config.set('plugin::distribution.outbound.allow', ['127.0.0.1']);
    await strapi.plugin('distribution').service('channels').create({ key: 'webhook:ganzi-bench', site: 'ganzi', kind: 'webhook', credential: 'bench-hook', settings: { url: sink.url } });
    const concurrency = (strapi.config.get('plugin::distribution.dispatcher') as any).concurrency as number;

    // Baseline: the receiver's own capacity from a plain loop with the same concurrency.
    const body = JSON.stringify({ event: 'bench', data: { title: '甘孜州政务公开' } });
    const baselineStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          next += 1;
          await fetch(sink.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `b${next}` }, body });
        }
      })
    );
    const baselinePerSecond = (n * 1000) / (performance.now() - baselineStart);
    record.figure('direct POST loop (baseline)', baselinePerSecond, 'requests/s', { details: { n, concurrency } });

    await fill(strapi, n, 'in-process');
    const before = sink.count();
    const inProcess = await drainTimed(strapi, 'in-process', n);
    record.figure('in-process dispatch', inProcess.perSecond, 'deliveries/s', {
      baseline: { name: 'direct POST loop', value: baselinePerSecond },
      target: { kind: 'min', value: 200 },
      details: { n, ms: Math.round(inProcess.ms), received: sink.count() - before },
    });

    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    strapi.config.set('plugin::distribution.redisUrl', redisUrl);
    await fill(strapi, n, 'bullmq');
    const beforeRedis = sink.count();
    const bullmq = await drainTimed(strapi, 'bullmq', n);
    record.figure('BullMQ dispatch (local Redis)', bullmq.perSecond, 'deliveries/s', {
      baseline: { name: 'direct POST loop', value: baselinePerSecond },
      target: { kind: 'min', value: 200 },
      details: { n, ms: Math.round(bullmq.ms), received: sink.count() - beforeRedis },
    });
    record.figure('duplicate deliveries at the receiver', sink.count() - sink.keys.size, 'deliveries', { target: { kind: 'max', value: 0 } });
    await sink.close();
  },
});
