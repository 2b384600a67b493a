import IORedis from 'ioredis';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';
import { ARTICLE, deliveries, fastRetries, startIdempotentReceiver, waitFor } from './lib';

/** The BullMQ transport against the local Redis (127.0.0.1:6379): same outbox, same guarantees. */
let app: TestApp;
let receiver: Awaited<ReturnType<typeof startIdempotentReceiver>>;
let failures = 0;

beforeAll(async () => {
  receiver = await startIdempotentReceiver((req) => (req.json?.document?.fields?.title?.includes('重试') && failures++ < 2 ? { status: 502 } : { status: 200 }));
  process.env.JIYUE_CHANNEL_DAOCHENG_HOOK_SECRET = 'bullmq';
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  fastRetries(app);
  const dispatcher = app.strapi.plugin('distribution').service('dispatcher');
  await dispatcher.stop();
  app.strapi.config.set('plugin::distribution.redisUrl', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await app.strapi.plugin('distribution').service('channels').create({ key: 'webhook:daocheng-app', site: 'daocheng', kind: 'webhook', credential: 'env:JIYUE_CHANNEL_DAOCHENG_HOOK_SECRET', autoDeliver: true, settings: { url: `${receiver.url}/in` } });
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

const publish = (title: string) =>
  asPublishedFixture(app, () => app.strapi.documents(ARTICLE).create({ data: { title, ownerSite: 'daocheng' } as any, status: 'published' }));

describe('BullMQ dispatcher (REDIS_URL set)', () => {
  it('picks up rows written while no dispatcher ran, retries a failing receiver and keeps create before update', async () => {
    const waiting = await publish('稻城县亚丁景区旅游高峰期交通管制通告');
    const dispatcher = app.strapi.plugin('distribution').service('dispatcher');
    await dispatcher.start();
    expect(dispatcher.mode()).toBe('bullmq');

    const flaky = await publish('稻城县重试通知');
    await asPublishedFixture(app, () => app.strapi.documents(ARTICLE).update({ documentId: flaky.documentId, data: { title: '稻城县重试通知（更正）' } as any, status: 'published' }));
    await waitFor(async () => {
      const rows = await deliveries(app);
      return rows.length === 3 && rows.every((r) => r.status === 'delivered');
    }, { timeoutMs: 30_000 });

    const rows = await deliveries(app);
    expect(rows.find((r) => r.itemDocumentId === waiting.documentId)).toMatchObject({ status: 'delivered', attempts: 1 });
    const flakyRows = rows.filter((r) => r.itemDocumentId === flaky.documentId);
    expect(flakyRows.map((r) => `${r.operation}:${r.attempts}`)).toEqual(['create:3', 'update:1']);
    const seen = receiver.requests.filter((r) => r.json?.document?.documentId === flaky.documentId).map((r) => r.json.event);
    expect(seen).toEqual(['document.create', 'document.create', 'document.create', 'document.update']);
    expect(Math.max(...receiver.applied.values())).toBe(3);
    expect(receiver.applied.size).toBe(3);
  });

  it('closes its Redis connection when it stops (BullMQ closes the Worker\'s blocking duplicate itself)', async () => {
    const dispatcher = app.strapi.plugin('distribution').service('dispatcher');
    const name = `jiyue-distribution-${dispatcher.instanceId}`;
    const probe = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const ours = async () => String(await probe.client('LIST')).split('\n').filter((line) => line.includes(`name=${name}`)).length;
    try {
      expect(dispatcher.mode()).toBe('bullmq');
      expect(await ours()).toBe(1);
      await dispatcher.stop();
      await waitFor(async () => (await ours()) === 0, { timeoutMs: 5000 });
    } finally {
      await probe.quit();
    }
  });
});
