import Database from 'better-sqlite3';
import { claimRows, finishClaimed, renewLease, updateClaimed, type LeaseTable } from './lease';

/** A real SQLite database in memory, through a `raw` shaped like knex's (rows for statements that return rows). */
const sqlite = (): LeaseTable & { db: Database.Database } => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE jobs (id INTEGER PRIMARY KEY, status TEXT NOT NULL, claim_token TEXT, lease_until INTEGER, progress INTEGER DEFAULT 0)`);
  for (let i = 0; i < 5; i++) db.prepare(`INSERT INTO jobs (status) VALUES ('queued')`).run();
  return {
    db,
    table: 'jobs',
    postgres: false,
    raw: async (sql, bindings = []) => {
      const st = db.prepare(sql);
      return st.reader ? st.all(...(bindings as unknown[])) : st.run(...(bindings as unknown[]));
    },
  };
};

const claimable = (now: number) => ({ where: `d.status = 'queued' OR (d.status = 'running' AND d.lease_until < ?)`, bindings: [now], set: { status: 'running' } });

describe('kernel database leases', () => {
  it('two claimers never share a row', async () => {
    const t = sqlite();
    const now = Date.now();
    const a = await claimRows(t, { ...claimable(now), limit: 3, leaseMs: 10_000, now });
    const b = await claimRows(t, { ...claimable(now), limit: 3, leaseMs: 10_000, now });
    expect(a.ids).toEqual([1, 2, 3]);
    expect(b.ids).toEqual([4, 5]);
    expect(a.token).not.toBe(b.token);
    expect((await claimRows(t, { ...claimable(now), limit: 3, leaseMs: 10_000, now })).ids).toEqual([]);
    expect(t.db.prepare(`SELECT count(*) n FROM jobs WHERE status = 'running'`).get()).toEqual({ n: 5 });
  });

  it('an expired lease is taken over; the old holder can no longer write or finish', async () => {
    const t = sqlite();
    const now = Date.now();
    const stalled = await claimRows(t, { ...claimable(now), limit: 1, leaseMs: 1000, now });
    expect(await updateClaimed(t, stalled.ids[0], stalled.token, { progress: 10 })).toBe(true);
    // within the lease: nobody else gets row 1
    expect((await claimRows(t, { ...claimable(now + 500), where: `d.id = 1 AND (${claimable(now).where})`, limit: 1, leaseMs: 1000, now: now + 500 })).ids).toEqual([]);
    // after it: taken over
    const later = now + 2000;
    const taker = await claimRows(t, { ...claimable(later), where: `d.id = 1 AND (${claimable(later).where})`, limit: 1, leaseMs: 1000, now: later });
    expect(taker.ids).toEqual([1]);
    expect(await updateClaimed(t, 1, stalled.token, { progress: 99 })).toBe(false);
    expect(await finishClaimed(t, 1, stalled.token, { status: 'done' })).toBe(false);
    expect(t.db.prepare('SELECT status, progress FROM jobs WHERE id = 1').get()).toEqual({ status: 'running', progress: 10 });
    expect(await finishClaimed(t, 1, taker.token, { status: 'done', progress: 100 })).toBe(true);
    expect(t.db.prepare('SELECT status, progress, claim_token, lease_until FROM jobs WHERE id = 1').get()).toEqual({ status: 'done', progress: 100, claim_token: null, lease_until: null });
  });

  it('the heartbeat keeps a slow holder’s rows; a lost claim is not renewed', async () => {
    const t = sqlite();
    const now = Date.now();
    const a = await claimRows(t, { ...claimable(now), limit: 2, leaseMs: 1000, now });
    expect(await renewLease(t, [a.token], 5000, now + 900)).toBe(2);
    expect((await claimRows(t, { ...claimable(now + 2000), where: `d.id <= 2 AND (${claimable(now + 2000).where})`, limit: 2, leaseMs: 1000, now: now + 2000 })).ids).toEqual([]);
    await finishClaimed(t, 1, a.token, { status: 'done' });
    expect(await renewLease(t, [a.token], 5000)).toBe(1);
    expect(await renewLease(t, [], 5000)).toBe(0);
  });

  it('refuses identifiers that are not plain', async () => {
    const t = { ...sqlite(), table: 'jobs; drop table jobs' };
    await expect(claimRows(t, { ...claimable(Date.now()), limit: 1, leaseMs: 1000 })).rejects.toThrow(/identifier/);
    await expect(updateClaimed(sqlite(), 1, 'x', { 'progress = 1 --': 1 })).rejects.toThrow(/identifier/);
  });
});
