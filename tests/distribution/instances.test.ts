import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { isPostgres } from '../helpers/database';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { deliveries, startIdempotentReceiver, waitFor } from './lib';

/**
 * Two Strapi instances (this process and a child process) dispatching one outbox on one
 * PostgreSQL database. Rows are claimed with FOR UPDATE SKIP LOCKED, so each is delivered once.
 * Several processes writing one SQLite file is not a supported deployment, so this runs on PostgreSQL.
 */
const maybe = isPostgres() ? describe : describe.skip;

let app: TestApp;
let child: ChildProcess | null = null;
let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;
const ROWS = 400;

maybe('two instances on one PostgreSQL database', () => {
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
