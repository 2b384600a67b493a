import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import { bootStrapi, shareOneBoot, type TestApp } from '../helpers/strapi';
import { isPostgres } from '../helpers/database';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { deliveries, startIdempotentReceiver, waitFor } from './lib';
import { LEASE_MS, MODES, leaseFixture } from './leases';

/**
 * Everything that needs several Jiyue processes on one database: two instances dispatching one
 * outbox, and an instance killed mid-dispatch whose claims a second process takes over. Several
 * processes writing one SQLite file is not a supported deployment, so this file runs on PostgreSQL
 * only (on SQLite every test is reported as skipped, with the reason in its name). What of this
 * matters on SQLite too runs there in one process: the lease heartbeat and clean stops
 * (lease.spec.ts) and a crash whose claims are retaken after their lease (restart.spec.ts).
 * The two suites share one boot, as an area does (tests/helpers/area.ts).
 */
shareOneBoot('distribution-multi-process');
const REASON = '(PostgreSQL only: several processes on one SQLite file is not a supported deployment)';
const onPostgres = isPostgres() ? describe : describe.skip;
if (!isPostgres()) console.warn(`tests/distribution/multi-process.test.ts skipped ${REASON}`);

/**
 * Two Strapi instances (this process and a child process) dispatching one outbox on one
 * PostgreSQL database. Rows are claimed with FOR UPDATE SKIP LOCKED, so each is delivered once.
 */
onPostgres(`two instances on one PostgreSQL database ${isPostgres() ? '' : REASON}`.trim(), () => {
  let app: TestApp;
  let child: ChildProcess | null = null;
  let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;
  const ROWS = 400;

  beforeAll(async () => {
    receiver = await startIdempotentReceiver(() => ({ status: 200, delayMs: 15 }));
    process.env.JIYUE_CHANNEL_GANZI_HOOK_SECRET = 'two-instances';
    app = await bootStrapi();
    await seedDemoSites(app.strapi);
    await app.strapi.plugin('distribution').service('dispatcher').stop();
    await app.strapi.plugin('distribution').service('channels').create({ key: 'webhook:ganzi-app', site: 'ganzi', kind: 'webhook', credential: 'env:JIYUE_CHANNEL_GANZI_HOOK_SECRET', settings: { url: `${receiver.url}/in` } });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.send('stop');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await app?.stop();
    await receiver?.close();
  });

  it('delivers every row exactly once while both instances dispatch', async () => {
    const outbox = app.strapi.plugin('distribution').service('outbox');
    for (let i = 0; i < ROWS; i++) await outbox.notify({ site: 'ganzi', event: 'policy-match.audience.matched', payload: { policy: `甘孜州惠民政策-${i}`, audience: i } });
    expect(await deliveries(app)).toHaveLength(ROWS);

    // The child boots with its dispatcher on; this instance starts dispatching as soon as it is up.
    child = fork(path.join(__dirname, 'fixtures/second-instance.js'), [], { env: { ...process.env }, stdio: 'inherit' });
    const childInstance = await new Promise<string>((resolve, reject) => {
      child!.once('message', (m: any) => resolve(m.instance));
      child!.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
    });
    await app.strapi.plugin('distribution').service('dispatcher').start('in-process');

    await waitFor(async () => (await deliveries(app)).every((r) => r.status === 'delivered'), { timeoutMs: 60_000, intervalMs: 200 });
    const rows = await deliveries(app);
    expect(receiver.applied.size).toBe(ROWS);
    expect(Math.max(...receiver.applied.values())).toBe(1);
    expect(receiver.requests).toHaveLength(ROWS);
    const byInstance = new Map<string, number>();
    for (const row of rows) byInstance.set(row.receipt.instance, (byInstance.get(row.receipt.instance) ?? 0) + 1);
    const mine = app.strapi.plugin('distribution').service('dispatcher').instanceId;
    expect([...byInstance.keys()].sort()).toEqual([childInstance, mine].sort());
  });
});

/**
 * Short leases (issue #16 item 15): an instance killed with SIGKILL mid-dispatch leaves its claims
 * to a second process, which drains them about one short lease later (not the old 60 s), losing
 * nothing, every duplicate under the same idempotency key. In-process and BullMQ transport.
 */
onPostgres(`a process killed mid-dispatch ${isPostgres() ? '' : REASON}`.trim(), () => {
  const f = leaseFixture();

  it.each(MODES)('%s: a process killed mid-dispatch (SIGKILL) is drained by a second one about one short lease later, losing nothing', async (mode) => {
    await f.fill(80);
    const child = await f.startChild(mode);
    await waitFor(() => f.receiver().requests.length >= 5, { timeoutMs: 30_000 });
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => child.once('exit', resolve));
    const held = await f.inFlight();
    expect(held).toBeGreaterThan(0);

    // This process takes over: rows the dead one held come back once their lease runs out.
    await f.dispatcher().start(mode);
    await waitFor(async () => (await f.open()) === 0, { timeoutMs: 30_000, intervalMs: 100 });
    const drainMs = Date.now() - killedAt;
    // The held rows waited for their lease (at least the two thirds left after the last beat) and not much longer.
    expect(drainMs).toBeGreaterThanOrEqual((LEASE_MS * 2) / 3 - 100);
    expect(drainMs).toBeLessThan(LEASE_MS + 8000);
    // Only deliveries in flight when the process died are sent again, under the same idempotency key.
    await f.expectDeliveredOnce(held);
  }, 90_000);
});
