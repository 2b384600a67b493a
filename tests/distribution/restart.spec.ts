import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';
import { ARTICLE, deliveries, fastRetries, rebootStrapi, startIdempotentReceiver, waitFor } from './lib';

/**
 * A restart between publish and dispatch, and a crash in the middle of a dispatch, lose nothing
 * and duplicate nothing at the receiver. One process, two Strapi instances one after the other on
 * the same database: runs on SQLite and PostgreSQL (the area's shared database is never dropped
 * between the two boots).
 */
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;

const TITLES = ['甘孜州人民政府关于做好冬春季森林草原防灭火工作的通告', '康定市2024年第一季度重点项目建设情况', '泸定县城乡居民医疗保险参保缴费公告', '丹巴县文化旅游节活动安排', '九龙县高标准农田建设项目公示'];

beforeAll(async () => {
  receiver = await startIdempotentReceiver((_req) => ({ status: 200, delayMs: 5 }));
  process.env.JIYUE_CHANNEL_KANGDING_HOOK_SECRET = 'restart-secret';
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

const makeChannel = (strapi: any) =>
  strapi.plugin('distribution').service('channels').create({ key: 'webhook:kangding-app', site: 'kangding', kind: 'webhook', credential: 'env:JIYUE_CHANNEL_KANGDING_HOOK_SECRET', autoDeliver: true, settings: { url: `${receiver.url}/in` } });

describe('restarts and crashes', () => {
  it('delivers everything exactly once after a restart between publish and dispatch and a crash mid-dispatch', async () => {
    // The second boot must find the same database: stop() of the area's app keeps it.
    const first = await bootStrapi();
    await seedDemoSites(first.strapi);
    await makeChannel(first.strapi);
    await first.strapi.plugin('distribution').service('dispatcher').stop();

    for (const title of TITLES) {
      await asPublishedFixture(first, () => first.strapi.documents(ARTICLE).create({ data: { title, ownerSite: 'kangding' } as any, status: 'published' }));
    }
    const rows = await deliveries(first);
    expect(rows).toHaveLength(TITLES.length);
    expect(receiver.requests).toHaveLength(0);

    // Mid-dispatch crash: two rows claimed with a short lease; one of them even reached the receiver
    // before the instance died, without the outcome being recorded.
    const claimed = await first.strapi.plugin('distribution').service('claims').claim(2, 500);
    expect(claimed).toHaveLength(2);
    await fetch(`${receiver.url}/in`, { method: 'POST', headers: { 'idempotency-key': claimed[0].idempotencyKey }, body: '{}' });
    await first.stop();

    app = await rebootStrapi();
    fastRetries(app);
    await waitFor(async () => (await deliveries(app)).every((r) => r.status === 'delivered'), { timeoutMs: 20_000 });
    const after = await deliveries(app);
    expect(after).toHaveLength(TITLES.length);
    expect([...receiver.applied.keys()].sort()).toEqual(after.map((r) => r.idempotencyKey).sort());
    // The row that had reached the receiver came again with the same key: the receiver applies it once.
    expect(receiver.applied.get(claimed[0].idempotencyKey)).toBe(2);
    expect([...receiver.applied.values()].filter((n) => n > 1)).toHaveLength(1);
    const retaken = after.filter((r) => claimed.some((c: any) => c.id === r.id));
    expect(retaken.every((r) => r.attempts === 2)).toBe(true);
  });
});
