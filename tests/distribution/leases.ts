import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { deliveries, fastRetries, startIdempotentReceiver, waitFor } from './lib';

/**
 * The fixture of the short-lease suites (issue #16 item 15): tests/distribution/lease.spec.ts (one
 * process, SQLite and PostgreSQL) and the SIGKILL takeover in tests/distribution/multi-process.test.ts
 * (two processes, PostgreSQL). A claim's lease is short (here 3 s) and renewed by a heartbeat while
 * a delivery runs. Call inside a describe: it registers that block's hooks (boot, a ganzi webhook
 * channel, and before each test an empty outbox, a quiet receiver and the dispatcher stopped).
 */
export const LEASE_MS = 3000;
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const MODES = ['in-process', 'bullmq'] as const;
export type Mode = (typeof MODES)[number];

export const leaseFixture = () => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;
  let batch = 0;
  const children: ChildProcess[] = [];
  const state = { receiverDelayMs: 300, slowEvent: '' };

  const dispatcher = () => app.strapi.plugin('distribution').service('dispatcher');
  const config = () => app.strapi.config.get('plugin::distribution.dispatcher') as Record<string, number>;

  beforeAll(async () => {
    receiver = await startIdempotentReceiver((req) => ({ status: 200, delayMs: req.json?.data?.policy === state.slowEvent ? LEASE_MS * 2 : state.receiverDelayMs }));
    process.env.JIYUE_CHANNEL_GANZI_TEST_HOOK_SECRET = 'lease-secret';
    app = await bootStrapi();
    await seedDemoSites(app.strapi);
    await dispatcher().stop();
    fastRetries(app, { leaseMs: LEASE_MS });
    app.strapi.config.set('plugin::distribution.redisUrl', REDIS_URL);
    await app.strapi.plugin('distribution').service('channels').create({ key: 'webhook:ganzi-app', site: 'ganzi', kind: 'webhook', credential: 'env:JIYUE_CHANNEL_GANZI_TEST_HOOK_SECRET', settings: { url: `${receiver.url}/in` } });
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (app) await dispatcher()?.stop();
    await app?.stop();
    await receiver?.close();
  });

  beforeEach(async () => {
    await dispatcher().stop();
    receiver.applied.clear();
    receiver.requests.length = 0;
    state.receiverDelayMs = 300;
    config().leaseMs = LEASE_MS;
    await app.strapi.db.query('plugin::distribution.delivery').deleteMany({});
  });

  return {
    app: () => app,
    receiver: () => receiver,
    state,
    dispatcher,
    config,
    /** `n` webhook notifications for the ganzi channel, each its own delivery row. */
    fill: async (n: number) => {
      const outbox = app.strapi.plugin('distribution').service('outbox');
      const label = `batch-${++batch}`;
      for (let i = 0; i < n; i++) await outbox.notify({ site: 'ganzi', event: 'policy-match.audience.matched', payload: { policy: `甘孜州惠民政策-${label}-${i}`, audience: i } });
      return label;
    },
    open: async () => app.strapi.db.query('plugin::distribution.delivery').count({ where: { status: { $in: ['pending', 'in_flight'] } } }),
    inFlight: async () => app.strapi.db.query('plugin::distribution.delivery').count({ where: { status: 'in_flight' } }),
    /** Every row delivered, the receiver saw exactly the rows' keys, and a key came twice at most `maxDuplicates` times. */
    expectDeliveredOnce: async (maxDuplicates: number) => {
      const rows = await deliveries(app);
      expect(rows.every((r) => r.status === 'delivered')).toBe(true);
      expect([...receiver.applied.keys()].sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
      const duplicated = [...receiver.applied.values()].filter((n) => n > 1);
      expect(duplicated.length).toBeLessThanOrEqual(maxDuplicates);
      expect(Math.max(...receiver.applied.values())).toBeLessThanOrEqual(2);
    },
    /** A second Jiyue process dispatching in `mode` with the short lease; resolves once it is up. */
    startChild: async (mode: Mode) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DISTRIBUTION_LEASE_MS: String(LEASE_MS), DISTRIBUTION_DISPATCHER: mode };
      if (mode === 'bullmq') env.REDIS_URL = REDIS_URL;
      else delete env.REDIS_URL;
      const child = fork(path.join(__dirname, 'fixtures/second-instance.js'), [], { env, stdio: 'inherit' });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
      });
      return child;
    },
    waitFor,
  };
};
