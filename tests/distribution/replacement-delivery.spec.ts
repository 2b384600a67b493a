import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { verifyWebhook } from '../../plugins/distribution/server/src/utils/sign-webhook';
import { ARTICLE, as, deliveries, fastRetries, setCredentials, startReceiver, waitFor } from './lib';

/** A cluster replacement re-delivers the new text to the channels that hold the item, once; its rollback again. */
let app: TestApp;
let admin: AdminSession;
let applier: AdminSession;
let hooks: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'replacement-delivery-secret';
const OLD = '甘孜州人力资源和社会保障局';
const NEW = '甘孜藏族自治州人力资源和社会保障局';

const settled = () => waitFor(() => app.strapi.plugin('distribution').service('dispatcher').drain(10_000));
const eventsFor = (documentId: string) => hooks.requests.filter((r) => r.json?.document?.documentId === documentId);

beforeAll(async () => {
  hooks = await startReceiver();
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  // Four eyes: a second admin applies what the first previewed.
  applier = await createAdmin(app);
  fastRetries(app);
  setCredentials(app, { 'luhuo-app': { site: 'luhuo', secret: SECRET } });
  expect((await as(app, admin).post('/distribution/channels', { key: 'webhook:luhuo-app', site: 'luhuo', kind: 'webhook', credential: 'luhuo-app', autoDeliver: true, settings: { url: `${hooks.url}/in` } })).status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
  await hooks?.close();
});

it('an applied replacement reaches the webhook as exactly one update with the new text, and its rollback as one more', async () => {
  const item = await asPublishedFixture(app, () =>
    app.strapi.documents(ARTICLE).create({
      data: { title: `炉霍县转发${OLD}关于做好高校毕业生就业工作的通知`, summary: `${OLD}、炉霍县人民政府`, ownerSite: 'luhuo' } as any,
      status: 'published',
    })
  );
  // An ordinary edit first, so the rollback brings back the text of an earlier *update*.
  await asPublishedFixture(app, () => app.strapi.documents(ARTICLE).update({ documentId: item.documentId, data: { summary: `${OLD}、炉霍县人民政府联合发布` } as any, status: 'published' }));
  await settled();
  expect(eventsFor(item.documentId).map((r) => r.json.event)).toEqual(['document.create', 'document.update']);

  const preview = await as(app, admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'luhuo' }, locales: ['zh-Hans'] });
  expect(preview.status).toBe(201);
  expect(preview.body.data.counts.items).toBe(1);
  const applied = await as(app, applier).post(`/distribution/replacements/${preview.body.data.id}/apply`);
  expect(applied.status).toBe(200);
  expect(applied.body.data).toMatchObject({ applied: 1, republished: 1 });
  await settled();

  const afterApply = eventsFor(item.documentId);
  expect(afterApply.map((r) => r.json.event)).toEqual(['document.create', 'document.update', 'document.update']);
  const update = afterApply[2];
  expect(verifyWebhook(SECRET, String(update.headers['x-jiyue-timestamp']), update.text, String(update.headers['x-jiyue-signature']))).toBe(true);
  expect(update.json.document.fields.title).toBe(`炉霍县转发${NEW}关于做好高校毕业生就业工作的通知`);
  expect(update.json.document.fields.summary).toBe(`${NEW}、炉霍县人民政府联合发布`);
  expect(update.text).not.toContain(`转发${OLD}`);

  const rolledBack = await as(app, admin).post(`/distribution/replacements/${preview.body.data.id}/rollback`);
  expect(rolledBack.status).toBe(200);
  expect(rolledBack.body.data).toMatchObject({ restored: 1, republished: 1 });
  await settled();

  const afterRollback = eventsFor(item.documentId);
  expect(afterRollback.map((r) => r.json.event)).toEqual(['document.create', 'document.update', 'document.update', 'document.update']);
  expect(afterRollback[3].json.document.fields.title).toBe(`炉霍县转发${OLD}关于做好高校毕业生就业工作的通知`);
  expect(afterRollback[3].json.document.fields.summary).toBe(`${OLD}、炉霍县人民政府联合发布`);
  // Four distinct deliveries: the rollback brings back the text of the earlier update, yet it is not taken for a duplicate of it.
  expect(new Set(afterRollback.map((r) => r.headers['idempotency-key'])).size).toBe(4);
  expect(afterRollback[3].json.document.version).toBe(afterRollback[1].json.document.version);
  expect((await deliveries(app, { itemDocumentId: item.documentId })).map((r) => `${r.operation}:${r.status}`)).toEqual(['create:delivered', 'update:delivered', 'update:delivered', 'update:delivered']);
});
