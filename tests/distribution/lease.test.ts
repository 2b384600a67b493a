import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { deliveries, fastRetries, startIdempotentReceiver, waitFor } from './lib';

/**
 * Short-lived boots and short leases (issue #16 item 15). A claim's lease is short (here 3 s) and
 * renewed by a heartbeat while a delivery runs:
 * - an instance killed with SIGKILL mid-dispatch leaves its claims to a second process, which drains
 *   them about one short lease later (not the old 60 s), losing nothing, every duplicate under the
 *   same idempotency key;
 * - a graceful stop() hands back every claimed row it did not start, in-process and on BullMQ, so the
 *   next dispatcher drains at once, with no lease to wait out;
 * - a delivery slower than the lease keeps its claim: no other instance takes it over.
 * Runs on the configured database (SQLite or PostgreSQL), with the in-process and the BullMQ transport.
 */
const LEASE_MS = 3000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MODES = ['in-process', 'bullmq'] as const;
type Mode = (typeof MODES)[number];

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;
let receiverDelayMs = 300;
let slowEvent = '';
let batch = 0;
const children: ChildProcess[] = [];

const dispatcher = () => app.strapi.plugin('distribution').service('dispatcher');
const config = () => app.strapi.config.get('plugin::distribution.dispatcher') as Record<string, number>;

/** `n` webhook notifications for the ganzi channel, each its own delivery row. */
const fill = async (n: number) => {
  const outbox = app.strapi.plugin('distribution').service('outbox');
  const label = `batch-${++batch}`;
  for (let i = 0; i < n; i++) await outbox.notify({ site: 'ganzi', event: 'policy-match.audience.matched', payload: { policy: `甘孜州惠民政策-${label}-${i}`, audience: i } });
  return label;
};

const open = async () => app.strapi.db.query('plugin::distribution.delivery').count({ where: { status: { $in: ['pending', 'in_flight'] } } });
const inFlight = async () => app.strapi.db.query('plugin::distribution.delivery').count({ where: { status: 'in_flight' } });

/** Every row delivered, the receiver saw exactly the rows' keys, and a key came twice at most `maxDuplicates` times. */
const expectDeliveredOnce = async (maxDuplicates: number) => {
  const rows = await deliveries(app);
  expect(rows.every((r) => r.status === 'delivered')).toBe(true);
  expect([...receiver.applied.keys()].sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
  const duplicated = [...receiver.applied.values()].filter((n) => n > 1);
  expect(duplicated.length).toBeLessThanOrEqual(maxDuplicates);
  expect(Math.max(...receiver.applied.values())).toBeLessThanOrEqual(2);
};

/** A second Jiyue process dispatching in `mode` with the short lease; resolves once it is up. */
const startChild = async (mode: Mode) => {
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
};

beforeAll(async () => {
  receiver = await startIdempotentReceiver((req) => ({ status: 200, delayMs: req.json?.data?.policy === slowEvent ? LEASE_MS * 2 : receiverDelayMs }));
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
  await dispatcher()?.stop();
  await app?.stop();
  await receiver?.close();
});

beforeEach(async () => {
  await dispatcher().stop();
  receiver.applied.clear();
  receiver.requests.length = 0;
  receiverDelayMs = 300;
  config().leaseMs = LEASE_MS;
  await app.strapi.db.query('plugin::distribution.delivery').deleteMany({});
});

describe('short leases and clean stops', () => {
  it('defaults to a short lease (15 s), renewed while a delivery runs', () => {
    const { leaseMs } = require('../../plugins/distribution/dist/server/config').default.default.dispatcher;
    expect(leaseMs).toBeLessThanOrEqual(15_000);
  });

  it('keeps the claim of a delivery slower than its lease: the heartbeat renews it and nobody takes it over', async () => {
    const label = await fill(1);
    slowEvent = `甘孜州惠民政策-${label}-0`;
    await dispatcher().start('in-process');
    await waitFor(() => receiver.requests.length === 1);
    // Well past the lease the delivery is still running: the row is in flight with a lease in the future.
    await new Promise((r) => setTimeout(r, LEASE_MS * 1.5));
    const [row] = await deliveries(app);
    expect(row.status).toBe('in_flight');
    expect(Number(row.leaseUntil)).toBeGreaterThan(Date.now());
    // Another instance's claim query finds nothing to take over.
    expect(await app.strapi.plugin('distribution').service('claims').claim(10, LEASE_MS)).toHaveLength(0);
    await waitFor(async () => (await open()) === 0, { timeoutMs: LEASE_MS * 3 });
    expect(receiver.requests).toHaveLength(1);
    await expectDeliveredOnce(0);
    slowEvent = '';
  }, 30_000);

  it.each(MODES)('%s: stop() hands back the rows it claimed but did not start, so the next dispatcher drains with no lease wait', async (mode) => {
    // A long lease: a row left claimed would hold the drain for a minute.
    config().leaseMs = 60_000;
    await fill(120);
    await dispatcher().start(mode);
    await waitFor(() => receiver.requests.length >= 5);
    await dispatcher().stop(5000);
    expect(await inFlight()).toBe(0);
    expect(await open()).toBeGreaterThan(0);

    const restarted = Date.now();
    await dispatcher().start(mode);
    expect(await dispatcher().drain(20_000)).toBe(true);
    expect(Date.now() - restarted).toBeLessThan(20_000);
    await expectDeliveredOnce(0);
  }, 60_000);

  it.each(MODES)('%s: a process killed mid-dispatch (SIGKILL) is drained by a second one about one short lease later, losing nothing', async (mode) => {
    await fill(80);
    const child = await startChild(mode);
    await waitFor(() => receiver.requests.length >= 5, { timeoutMs: 30_000 });
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => child.once('exit', resolve));
    const held = await inFlight();
    expect(held).toBeGreaterThan(0);

    // This process takes over: rows the dead one held come back once their lease runs out.
    await dispatcher().start(mode);
    await waitFor(async () => (await open()) === 0, { timeoutMs: 30_000, intervalMs: 100 });
    const drainMs = Date.now() - killedAt;
    // The held rows waited for their lease (at least the two thirds left after the last beat) and not much longer.
    expect(drainMs).toBeGreaterThanOrEqual((LEASE_MS * 2) / 3 - 100);
    expect(drainMs).toBeLessThan(LEASE_MS + 8000);
    // Only deliveries in flight when the process died are sent again, under the same idempotency key.
    await expectDeliveredOnce(held);
  }, 90_000);
});
