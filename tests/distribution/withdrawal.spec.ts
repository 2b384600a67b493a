import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { verifyWebhook } from '../../plugins/distribution/server/src/utils/sign-webhook';
import { ARTICLE, as, deliveries, fastRetries, setCredentials, startReceiver, waitFor } from './lib';

/**
 * A plain unpublish or delete (Content Manager, Document Service, REST) withdraws the item from
 * every channel that received it, through the outbox, after whatever was still pending for it.
 */
let app: TestApp;
let editor: AdminSession;
const SECRET = 'withdrawal-secret';

let hooks: Awaited<ReturnType<typeof startReceiver>>;
let wechat: Awaited<ReturnType<typeof startReceiver>>;
let published = 0;

/** A WeChat fake that checks each call: stable_token, cover upload, draft, submit, get, delete. */
const wechatServer = () =>
  startReceiver((req) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/cgi-bin/stable_token') {
      return req.json?.appid === 'wx-daofu' && req.json?.secret === 'wx-daofu-secret' ? { json: { access_token: 'T1', expires_in: 7200 } } : { json: { errcode: 40125, errmsg: 'invalid appsecret' } };
    }
    if (url.searchParams.get('access_token') !== 'T1') return { json: { errcode: 40001, errmsg: 'invalid credential' } };
    switch (url.pathname) {
      case '/cgi-bin/material/add_material':
        return { json: { media_id: 'thumb-1' } };
      case '/cgi-bin/draft/add':
        return req.json?.articles?.[0]?.title ? { json: { media_id: `draft-${published + 1}` } } : { json: { errcode: 40007, errmsg: 'missing fields' } };
      case '/cgi-bin/freepublish/submit':
        published += 1;
        return { json: { errcode: 0, errmsg: 'ok', publish_id: `P${published}` } };
      case '/cgi-bin/freepublish/get':
        return { json: { publish_id: req.json?.publish_id, publish_status: 0, article_id: `A-${req.json?.publish_id}` } };
      case '/cgi-bin/freepublish/delete':
        return /^A-P\d+$/.test(req.json?.article_id) && req.json?.index === 0 ? { json: { errcode: 0, errmsg: 'ok' } } : { json: { errcode: 40007, errmsg: 'invalid article' } };
      default:
        return { status: 404 };
    }
  });

const dispatcher = () => app.strapi.plugin('distribution').service('dispatcher');
const publish = (title: string) =>
  asPublishedFixture(app, () => app.strapi.documents(ARTICLE).create({ data: { title, summary: '道孚县人民政府', ownerSite: 'daofu' } as any, status: 'published' }));
const hooksFor = (documentId: string) => hooks.requests.filter((r) => r.json?.document?.documentId === documentId);
const wechatDeletes = () => wechat.requests.filter((r) => r.url.startsWith('/cgi-bin/freepublish/delete')).map((r) => r.json.article_id);
const settled = () => waitFor(() => dispatcher().drain(10_000));

beforeAll(async () => {
  hooks = await startReceiver();
  wechat = await wechatServer();
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  editor = await createAdmin(app);
  fastRetries(app);
  process.env.JIYUE_CHANNEL_TEST_WX_DAOFU = 'wx-daofu-secret';
  app.strapi.config.set('plugin::distribution.wechat.baseUrl', wechat.url);
  setCredentials(app, { 'daofu-app': { site: 'daofu', secret: SECRET }, 'wechat-daofu': { site: 'daofu', appId: 'wx-daofu', appSecret: 'env:JIYUE_CHANNEL_TEST_WX_DAOFU' } });
  expect((await as(app, editor).post('/distribution/channels', { key: 'webhook:daofu-app', site: 'daofu', kind: 'webhook', credential: 'daofu-app', autoDeliver: true, settings: { url: `${hooks.url}/in` } })).status).toBe(201);
  expect((await as(app, editor).post('/distribution/channels', { key: 'wechat:daofu', site: 'daofu', kind: 'wechat', credential: 'wechat-daofu', autoDeliver: true, settings: {} })).status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
  await hooks?.close();
  await wechat?.close();
});

describe('withdrawal on unpublish and delete', () => {
  it('a Content Manager unpublish sends a signed `withdraw` to the webhook and deletes the WeChat article', async () => {
    const item = await publish('道孚县2024年森林草原防灭火通告');
    await settled();
    expect(hooksFor(item.documentId).map((r) => r.json.event)).toEqual(['document.create']);
    const before = wechatDeletes().length;

    const res = await as(app, editor).post(`/content-manager/collection-types/${ARTICLE}/${item.documentId}/actions/unpublish?locale=zh-Hans`, {});
    expect(res.status).toBe(200);
    await settled();

    const received = hooksFor(item.documentId);
    expect(received.map((r) => r.json.event)).toEqual(['document.create', 'document.withdraw']);
    const withdrawal = received[1];
    expect(withdrawal.headers['x-jiyue-event']).toBe('document.withdraw');
    expect(verifyWebhook(SECRET, String(withdrawal.headers['x-jiyue-timestamp']), withdrawal.text, String(withdrawal.headers['x-jiyue-signature']))).toBe(true);
    expect(withdrawal.headers['idempotency-key']).not.toBe(received[0].headers['idempotency-key']);
    expect(withdrawal.json.document).toMatchObject({ uid: ARTICLE, documentId: item.documentId, locale: 'zh-Hans' });

    // The WeChat article published for this item is the one deleted.
    const wechatRows = await deliveries(app, { itemDocumentId: item.documentId, channelKind: 'wechat' });
    expect(wechatRows.map((r) => `${r.operation}:${r.status}`)).toEqual(['create:delivered', 'delete:delivered']);
    expect(wechatDeletes().slice(before)).toEqual([`A-${wechatRows[0].receipt.publishId}`]);

    // A second unpublish owes nothing more.
    await app.strapi.documents(ARTICLE).unpublish({ documentId: item.documentId, locale: 'zh-Hans' } as any);
    await settled();
    expect(hooksFor(item.documentId)).toHaveLength(2);
  });

  it('writes the withdrawal in the unpublish transaction: a rolled-back unpublish leaves no row', async () => {
    const item = await publish('道孚县开展安全生产大检查');
    await settled();
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.documents(ARTICLE).unpublish({ documentId: item.documentId, locale: 'zh-Hans' } as any);
        expect((await deliveries(app, { itemDocumentId: item.documentId, operation: 'delete' })).length).toBe(2);
        throw new Error('roll back');
      })
    ).rejects.toThrow('roll back');
    expect(await deliveries(app, { itemDocumentId: item.documentId, operation: 'delete' })).toHaveLength(0);
    expect(await app.strapi.documents(ARTICLE).findOne({ documentId: item.documentId, status: 'published' })).not.toBeNull();
  });

  it('queues the withdrawal behind a publish and an update still pending for the same target', async () => {
    await dispatcher().stop();
    try {
      const item = await publish('道孚县城区供水管网改造停水通知');
      await asPublishedFixture(app, () => app.strapi.documents(ARTICLE).update({ documentId: item.documentId, data: { title: '道孚县城区供水管网改造停水通知（更正）' } as any, status: 'published' }));
      await app.strapi.documents(ARTICLE).unpublish({ documentId: item.documentId, locale: 'zh-Hans' } as any);
      const queued = await deliveries(app, { itemDocumentId: item.documentId, channelKind: 'webhook' });
      expect(queued.map((r) => `${r.operation}:${r.status}`)).toEqual(['create:pending', 'update:pending', 'delete:pending']);

      await dispatcher().start();
      await settled();
      expect(hooksFor(item.documentId).map((r) => r.json.event)).toEqual(['document.create', 'document.update', 'document.withdraw']);
    } finally {
      await dispatcher().start();
    }
  });

  it('a REST delete sends `document.delete` to the webhook and deletes the WeChat article; a re-publish after a withdrawal is a create', async () => {
    const token = await createApiToken(app);
    const item = await publish('道孚县春季动物防疫工作通知');
    await settled();
    const res = await app.request().delete(`/api/articles/${item.documentId}?locale=zh-Hans`).set('Authorization', `Bearer ${token}`);
    expect([200, 204]).toContain(res.status);
    await settled();
    const received = hooksFor(item.documentId);
    expect(received.map((r) => r.json.event)).toEqual(['document.create', 'document.delete']);
    expect(verifyWebhook(SECRET, String(received[1].headers['x-jiyue-timestamp']), received[1].text, String(received[1].headers['x-jiyue-signature']))).toBe(true);
    const wechatRows = await deliveries(app, { itemDocumentId: item.documentId, channelKind: 'wechat' });
    expect(wechatRows.map((r) => `${r.operation}:${r.status}`)).toEqual(['create:delivered', 'delete:delivered']);
    expect(wechatDeletes()).toContain(`A-${wechatRows[0].receipt.publishId}`);

    // Unpublished, then published again: the channels get a fresh create.
    const again = await publish('道孚县农村饮水安全巡查通知');
    await settled();
    await app.strapi.documents(ARTICLE).unpublish({ documentId: again.documentId, locale: 'zh-Hans' } as any);
    await asPublishedFixture(app, () => app.strapi.documents(ARTICLE).publish({ documentId: again.documentId, locale: 'zh-Hans' } as any));
    await settled();
    expect(hooksFor(again.documentId).map((r) => r.json.event)).toEqual(['document.create', 'document.withdraw', 'document.create']);
  });
});
