import { deliveries } from './lib';
import { LEASE_MS, MODES, leaseFixture } from './leases';

/**
 * Short-lived boots and short leases (issue #16 item 15), in one process:
 * - a graceful stop() hands back every claimed row it did not start, in-process and on BullMQ, so the
 *   next dispatcher drains at once, with no lease to wait out;
 * - a delivery slower than the lease keeps its claim: no other instance takes it over.
 * Runs on the configured database (SQLite or PostgreSQL). An instance killed mid-dispatch and drained
 * by a second process is in tests/distribution/multi-process.test.ts (PostgreSQL); a crash taken over
 * after its lease ran out, in one process, is in restart.spec.ts (both databases).
 */
describe('short leases and clean stops', () => {
  const f = leaseFixture();

  it('defaults to a short lease (15 s), renewed while a delivery runs', () => {
    const { leaseMs } = require('../../plugins/distribution/dist/server/config').default.default.dispatcher;
    expect(leaseMs).toBeLessThanOrEqual(15_000);
  });

  it('keeps the claim of a delivery slower than its lease: the heartbeat renews it and nobody takes it over', async () => {
    const label = await f.fill(1);
    f.state.slowEvent = `甘孜州惠民政策-${label}-0`;
    await f.dispatcher().start('in-process');
    await f.waitFor(() => f.receiver().requests.length === 1);
    // Well past the lease the delivery is still running: the row is in flight with a lease in the future.
    await new Promise((r) => setTimeout(r, LEASE_MS * 1.5));
    const [row] = await deliveries(f.app());
    expect(row.status).toBe('in_flight');
    expect(Number(row.leaseUntil)).toBeGreaterThan(Date.now());
    // Another instance's claim query finds nothing to take over.
    expect(await f.app().strapi.plugin('distribution').service('claims').claim(10, LEASE_MS)).toHaveLength(0);
    await f.waitFor(async () => (await f.open()) === 0, { timeoutMs: LEASE_MS * 3 });
    expect(f.receiver().requests).toHaveLength(1);
    await f.expectDeliveredOnce(0);
    f.state.slowEvent = '';
  }, 30_000);

  it.each(MODES)('%s: stop() hands back the rows it claimed but did not start, so the next dispatcher drains with no lease wait', async (mode) => {
    // A long lease: a row left claimed would hold the drain for a minute.
    f.config().leaseMs = 60_000;
    await f.fill(120);
    await f.dispatcher().start(mode);
    await f.waitFor(() => f.receiver().requests.length >= 5);
    await f.dispatcher().stop(5000);
    expect(await f.inFlight()).toBe(0);
    expect(await f.open()).toBeGreaterThan(0);

    const restarted = Date.now();
    await f.dispatcher().start(mode);
    expect(await f.dispatcher().drain(20_000)).toBe(true);
    expect(Date.now() - restarted).toBeLessThan(20_000);
    await f.expectDeliveredOnce(0);
  }, 60_000);
});
