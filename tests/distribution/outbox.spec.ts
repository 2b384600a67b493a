import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { verifyWebhook } from '../../plugins/distribution/server/src/utils/sign-webhook';
import { ARTICLE, POLICY, as, bootDistributionApp, cm, deliveries, publishThroughReview, review, startReceiver, waitFor } from './lib';

let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];
const SECRET = 'ganzi-app-webhook-secret-值';


/** The real path (a draft with markup to sanitise, submitted with its targets, three reviews, one publish). */
const publishArticle = (title: string, targets: object | undefined, extra: Record<string, unknown> = {}) =>
  publishThroughReview(
    app,
    { editor, reviewers },
    { title, summary: `${title}。摘要`, body: `<p>${title}</p><p onclick="x()">正文<script>alert(1)</script></p>`, source: '甘孜日报社', ownerSite: 'kangding', ...extra },
    targets
  );

const dispatcher = () => app.strapi.plugin('distribution').service('dispatcher');

beforeAll(async () => {
  // A credential is bound to the sites that own it: this one is shared by the receivers of several sites.
  ({ app, editor, reviewers } = await bootDistributionApp({
    'ganzi-app': { site: ['ganzi', 'kangding', 'luding', 'daofu', 'yajiang', 'litang'], secret: SECRET },
    'kangding-app': { site: 'kangding', secret: 'env:JIYUE_CHANNEL_TEST_KANGDING_SECRET' },
  }));
  process.env.JIYUE_CHANNEL_TEST_KANGDING_SECRET = 'kangding-secret';
});
afterAll(async () => {
  await app?.stop();
});

describe('channel configuration', () => {
  it('refuses a bad channel config with 400 naming the field, and stores nothing', async () => {
    const before = (await as(app, editor).get('/distribution/channels')).body.data.length;
    const cases: [object, string[]][] = [
      [{ site: 'kangding', kind: 'webhook', credential: 'ganzi-app', settings: { url: 'ftp://x' } }, ['settings', 'url']],
      [{ site: 'kangding', kind: 'webhook', credential: 'nope', settings: { url: 'http://127.0.0.1:9/x' } }, ['credential']],
      [{ site: 'kangding', kind: 'webhook', credential: 'ganzi-app', settings: { url: 'http://127.0.0.1:9/x', secret: 'clear-text' } }, ['settings', 'secret']],
      [{ site: 'atlantis', kind: 'feed' }, ['site']],
      [{ site: 'kangding', kind: 'telegram' }, ['kind']],
      [{ site: 'kangding', kind: 'feed', colour: 'red' }, ['colour']],
      [{ site: 'kangding', kind: 'policy-library', settings: { rules: [{ level: 'county', column: 'no-such-column' }] } }, ['settings', 'rules', '0', 'column']],
    ];
    for (const [body, path] of cases) {
      const res = await as(app, editor).post('/distribution/channels', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path)).toContainEqual(path);
    }
    expect((await as(app, editor).get('/distribution/channels')).body.data.length).toBe(before);
  });

  it('lets an editor configure channels only for the sites they act for', async () => {
    const role = await createRole(app, 'Channel editor', [{ action: 'plugin::distribution.channel.manage' }]);
    const ludingEditor = await createAdmin(app, { roles: [role.id] });
    await as(app, editor).post('/site-group/assignments', { userId: ludingEditor.id, site: 'luding' });
    const outside = await as(app, ludingEditor).post('/distribution/channels', { site: 'kangding', kind: 'feed' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toMatch(/kangding/);
    const inside = await as(app, ludingEditor).post('/distribution/channels', { key: 'feed:luding-test', site: 'luding', kind: 'feed' });
    expect(inside.status).toBe(201);
    expect((await as(app, ludingEditor).del(`/distribution/channels/${inside.body.data.id}`)).status).toBe(200);
  });

  it('stores the credential name, never the secret', async () => {
    const res = await as(app, editor).post('/distribution/channels', { key: 'webhook:kangding-app', site: 'kangding', kind: 'webhook', credential: 'kangding-app', settings: { url: 'http://127.0.0.1:9/hook' } });
    expect(res.status).toBe(201);
    const row = await app.strapi.db.query('plugin::distribution.channel').findOne({ where: { key: 'webhook:kangding-app' } });
    expect(JSON.stringify(row)).not.toContain('kangding-secret');
    expect(row.credential).toBe('kangding-app');
    await as(app, editor).del(`/distribution/channels/${res.body.data.id}`);
  });
});

describe('one publish delivers to every target (一次生产多源推送)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    for (const body of [
      { key: 'webhook:ganzi-app', site: 'ganzi', kind: 'webhook', credential: 'ganzi-app', settings: { url: `${receiver.url}/hooks/app` } },
      { key: 'webhook:kangding-portal', site: 'kangding', kind: 'webhook', credential: 'ganzi-app', autoDeliver: true, settings: { url: `${receiver.url}/hooks/portal` } },
      { site: 'kangding', kind: 'feed', settings: { title: '康定市人民政府 · 通知公告' } },
    ]) {
      const res = await as(app, editor).post('/distribution/channels', body);
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 201, error: undefined });
    }
  });
  afterAll(async () => receiver.close());

  it('refuses targets that name unknown sites, columns or channels at submission (400 with the path), storing nothing', async () => {
    const created = await as(app, editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title: '目标有误的稿件', ownerSite: 'kangding' });
    const id = created.body.data.documentId;
    const res = await as(app, editor).post(review(ARTICLE, id, 'submit'), {
      locale: 'zh-Hans',
      targets: { placements: [{ site: 'kangding', column: 'nope' }, { site: 'atlantis', column: 'tzgg' }], channels: ['wechat:nowhere'], extra: true },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.errors.map((e: any) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['targets.extra']));
    const again = await as(app, editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans', targets: { placements: [{ site: 'kangding', column: 'nope' }, { site: 'atlantis', column: 'tzgg' }], channels: ['wechat:nowhere'] } });
    expect(again.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['targets.placements.0.column', 'targets.placements.1.site', 'targets.channels.0']);
    const history = await as(app, editor).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`);
    expect(history.body.data.state).toBeNull();
  });

  it("keeps the targets chosen at submission in distribution's own table, read and changed through /distribution/targets", async () => {
    const created = await as(app, editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title: '目标由分发插件保存的稿件', ownerSite: 'kangding' });
    const id = created.body.data.documentId;
    const url = `/distribution/targets/${ARTICLE}/${id}`;
    const none = await as(app, editor).get(`${url}?locale=zh-Hans`);
    expect(none.status).toBe(200);
    expect(none.body.data).toMatchObject({ uid: ARTICLE, documentId: id, locale: 'zh-Hans', placements: [], channels: [], updatedAt: null });

    const submitted = await as(app, editor).post(review(ARTICLE, id, 'submit'), {
      locale: 'zh-Hans',
      targets: { placements: [{ site: 'kangding', column: 'tzgg' }], channels: ['webhook:ganzi-app'] },
    });
    expect(submitted.status).toBe(200);
    // review-workflow keeps none of it: the state has no targets, distribution's table has them.
    expect(submitted.body.data.state).not.toHaveProperty('targets');
    const chosen = await as(app, editor).get(`${url}?locale=zh-Hans`);
    expect(chosen.body.data).toMatchObject({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }], channels: ['webhook:ganzi-app'] });
    expect(chosen.body.data.updatedAt).toEqual(expect.any(String));

    // Bad changes: 400 naming the field, nothing changed.
    const bad: [object, string][] = [
      [{ locale: 'zh-Hans', targets: { placements: [{ site: 'kangding', column: 'nope' }] } }, 'targets.placements.0.column'],
      [{ locale: 'zh-Hans', targets: { colour: 'red' } }, 'targets.colour'],
      [{ locale: 'xx', targets: null }, 'locale'],
      [{ locale: 'zh-Hans' }, 'targets'],
      [{ locale: 'zh-Hans', targets: null, extra: 1 }, 'extra'],
    ];
    for (const [body, path] of bad) {
      const res = await as(app, editor).put(url, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    }
    expect((await as(app, editor).get(`${url}?locale=zh-Hans`)).body.data).toMatchObject({ placements: [{ site: 'kangding', column: 'tzgg' }], channels: ['webhook:ganzi-app'] });
    expect((await as(app, editor).get(`${url}?locale=klingon`)).status).toBe(400);
    expect((await as(app, editor).get(`/distribution/targets/${ARTICLE}/no-such-document?locale=zh-Hans`)).status).toBe(404);

    // A change replaces the choice; null clears it.
    const changed = await as(app, editor).put(url, { locale: 'zh-Hans', targets: { placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }] } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }], channels: [] });
    const cleared = await as(app, editor).put(url, { locale: 'zh-Hans', targets: null });
    expect(cleared.body.data).toMatchObject({ placements: [], channels: [] });
  });

  it('places the item in every chosen column and calls every chosen and automatic webhook, signed', async () => {
    const id = await publishArticle('甘孜州夯实数字底座 不断提升政务公开水平', {
      placements: [{ site: 'kangding', column: 'tzgg' }, { site: 'ganzi', column: 'ywdt' }],
      channels: ['webhook:ganzi-app'],
    });
    const rows = await deliveries(app, { itemDocumentId: id });
    expect(rows.map((r) => r.channelKey).sort()).toEqual(['site-column:ganzi/ywdt', 'site-column:kangding/tzgg', 'webhook:ganzi-app', 'webhook:kangding-portal']);
    expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(['create']));
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));

    const placements = await app.request().get(`/api/site-group/items/${id}/placements`);
    expect(placements.body.data.map((p: any) => `${p.site}/${p.column}`).sort()).toEqual(['ganzi/ywdt', 'kangding/tzgg']);

    const hooks = receiver.requests.filter((r) => r.json?.document?.documentId === id);
    expect(hooks.map((r) => r.url).sort()).toEqual(['/hooks/app', '/hooks/portal']);
    for (const hook of hooks) {
      expect(verifyWebhook(SECRET, String(hook.headers['x-jiyue-timestamp']), hook.text, String(hook.headers['x-jiyue-signature']))).toBe(true);
      expect(hook.headers['idempotency-key']).toMatch(/^[0-9a-f]{48}$/);
      expect(hook.headers['x-jiyue-delivery-id']).toBe(String(hook.json.id));
      expect(hook.json).toMatchObject({ event: 'document.create', document: { uid: ARTICLE, locale: 'zh-Hans', fields: { title: '甘孜州夯实数字底座 不断提升政务公开水平' } } });
    }
  });

  it('serves the column as RSS 2.0 and JSON Feed 1.1 that follow the specs', async () => {
    const rss = await app.request().get('/api/distribution/feeds/kangding/tzgg.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
    expect(XMLValidator.validate(rss.text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(rss.text);
    expect(doc.rss['@_version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.title).toBe('康定市人民政府 · 通知公告');
    expect(typeof channel.link).toBe('string');
    expect(typeof channel.description).toBe('string');
    const items = [channel.item].flat();
    expect(items[0].title).toBe('甘孜州夯实数字底座 不断提升政务公开水平');
    expect(new Date(items[0].pubDate).toUTCString()).toBe(items[0].pubDate);
    expect(items[0].guid['#text']).toBeTruthy();

    const json = await app.request().get('/api/distribution/feeds/kangding/tzgg.json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/application\/feed\+json/);
    const feed = JSON.parse(json.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.items[0]).toMatchObject({ title: '甘孜州夯实数字底座 不断提升政务公开水平' });
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_text ?? item.content_html).toBeTruthy();
      if (item.date_published) expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
    expect((await app.request().get('/api/distribution/feeds/luding/tzgg.xml')).status).toBe(404);
    expect((await app.request().get('/api/distribution/feeds/kangding/tzgg.html')).status).toBe(404);
  });

  it('re-publishing changed content sends an update after the create, never before', async () => {
    const id = await publishArticle('康定市关于做好2024年春节期间安全生产工作的通知', { channels: ['webhook:ganzi-app'] });
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    await as(app, editor).put(`${cm(ARTICLE)}/${id}?locale=zh-Hans`, { title: '康定市关于做好2024年春节期间安全生产工作的通知（修订）' });
    const submitted = await as(app, editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    expect(submitted.status).toBe(200);
    for (const reviewer of reviewers) await as(app, reviewer).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect((await as(app, reviewers[2]).post(`${cm(ARTICLE)}/${id}/actions/publish?locale=zh-Hans`, {})).status).toBe(200);
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    const events = receiver.requests.filter((r) => r.url === '/hooks/app' && r.json?.document?.documentId === id).map((r) => `${r.json.event}:${r.json.document.fields.title}`);
    expect(events).toEqual(['document.create:康定市关于做好2024年春节期间安全生产工作的通知', 'document.update:康定市关于做好2024年春节期间安全生产工作的通知（修订）']);
  });
});

describe('retries, dead letters and the dashboard', () => {
  it('a receiver that fails twice then recovers receives the item exactly once', async () => {
    let failures = 0;
    const flaky = await startReceiver((req) => (req.json?.event === 'document.create' && failures++ < 2 ? { status: 503 } : { status: 200 }));
    try {
      const channel = await as(app, editor).post('/distribution/channels', { key: 'webhook:luding-app', site: 'luding', kind: 'webhook', credential: 'ganzi-app', autoDeliver: true, settings: { url: `${flaky.url}/in` } });
      expect(channel.status).toBe(201);
      const doc = await asPublishedFixture(app, () =>
        app.strapi.documents(ARTICLE).create({ data: { title: '泸定县2024年政府信息公开工作年度报告', ownerSite: 'luding', body: '正文' } as any, status: 'published' })
      );
      const [row] = await waitFor(async () => {
        const rows = await deliveries(app, { itemDocumentId: doc.documentId });
        return rows.length && rows[0].status === 'delivered' ? rows : null;
      });
      expect(row.attempts).toBe(3);
      const keys = flaky.requests.map((r) => r.headers['idempotency-key']);
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
      const accepted = flaky.requests.filter((_, i) => i >= 2);
      expect(accepted).toHaveLength(1);
    } finally {
      await flaky.close();
    }
  });

  it('dead-letters after a refusal, lists it on the dashboard, and a retry delivers it', async () => {
    let refuse = true;
    const picky = await startReceiver(() => (refuse ? { status: 422, json: { error: 'schema' } } : { status: 200 }));
    try {
      await as(app, editor).post('/distribution/channels', { key: 'webhook:daofu-app', site: 'daofu', kind: 'webhook', credential: 'ganzi-app', autoDeliver: true, settings: { url: `${picky.url}/in` } });
      const doc = await asPublishedFixture(app, () =>
        app.strapi.documents(ARTICLE).create({ data: { title: '道孚县关于开展森林草原防灭火工作的通告', ownerSite: 'daofu' } as any, status: 'published' })
      );
      await waitFor(async () => (await deliveries(app, { itemDocumentId: doc.documentId }))[0]?.status === 'dead');
      const dead = await as(app, editor).get('/distribution/deliveries?status=dead&channel=webhook:daofu-app&site=daofu');
      expect(dead.status).toBe(200);
      expect(dead.body.data).toHaveLength(1);
      expect(dead.body.data[0]).toMatchObject({ status: 'dead', attempts: 1, channelKey: 'webhook:daofu-app', itemDocumentId: doc.documentId });
      expect(dead.body.data[0].lastError).toMatch(/422/);
      expect((await as(app, editor).get('/distribution/deliveries?status=lost')).status).toBe(400);
      expect((await as(app, editor).get('/distribution/deliveries?colour=red')).status).toBe(400);

      refuse = false;
      const retried = await as(app, editor).post(`/distribution/deliveries/${dead.body.data[0].id}/retry`);
      expect(retried.status).toBe(200);
      await waitFor(async () => (await deliveries(app, { itemDocumentId: doc.documentId }))[0]?.status === 'delivered');
      expect(picky.requests.filter((r) => r.json?.document?.documentId === doc.documentId)).toHaveLength(2);
      expect((await as(app, editor).post(`/distribution/deliveries/${dead.body.data[0].id}/retry`)).status).toBe(400);
    } finally {
      await picky.close();
    }
  });
});

describe('services for other plugins', () => {
  it('outbox.notify sends one signed webhook per webhook channel of the site', async () => {
    const receiver = await startReceiver();
    try {
      await as(app, editor).post('/distribution/channels', { key: 'webhook:yajiang-a', site: 'yajiang', kind: 'webhook', credential: 'ganzi-app', settings: { url: `${receiver.url}/a` } });
      await as(app, editor).post('/distribution/channels', { key: 'webhook:yajiang-b', site: 'yajiang', kind: 'webhook', credential: 'ganzi-app', settings: { url: `${receiver.url}/b`, events: ['policy-match.audience.matched'] } });
      await as(app, editor).post('/distribution/channels', { key: 'webhook:yajiang-c', site: 'yajiang', kind: 'webhook', credential: 'ganzi-app', settings: { url: `${receiver.url}/c`, events: ['other.thing.happened'] } });
      const outbox = app.strapi.plugin('distribution').service('outbox');
      const payload = { policy: 'abc', audience: 42 };
      await outbox.notify({ site: 'yajiang', event: 'policy-match.audience.matched', payload });
      await outbox.notify({ site: 'yajiang', event: 'policy-match.audience.matched', payload });
      await waitFor(() => receiver.requests.length >= 2);
      await dispatcher().drain();
      expect(receiver.requests.map((r) => r.url).sort()).toEqual(['/a', '/b']);
      expect(receiver.requests[0].json).toMatchObject({ event: 'policy-match.audience.matched', data: payload });
    } finally {
      await receiver.close();
    }
  });

  it('outbox.redeliver sends an update to every target that holds the item', async () => {
    const receiver = await startReceiver();
    try {
      await as(app, editor).post('/distribution/channels', { key: 'webhook:litang-app', site: 'litang', kind: 'webhook', credential: 'ganzi-app', autoDeliver: true, settings: { url: `${receiver.url}/in` } });
      const doc = await asPublishedFixture(app, () =>
        app.strapi.documents(ARTICLE).create({ data: { title: '理塘县关于部暑防汛工作的通知', ownerSite: 'litang' } as any, status: 'published' })
      );
      await waitFor(async () => (await deliveries(app, { itemDocumentId: doc.documentId }))[0]?.status === 'delivered');
      const outbox = app.strapi.plugin('distribution').service('outbox');
      expect(await outbox.redeliver({ uid: ARTICLE, documentId: doc.documentId, locale: 'zh-Hans', reason: 'replacement 7' })).toHaveLength(0); // nothing changed
      // A replacement rewrites the published version in place (as find-and-replace does), then asks for a redelivery.
      await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId }, data: { title: '理塘县关于部署防汛工作的通知' } });
      const queued = await outbox.redeliver({ uid: ARTICLE, documentId: doc.documentId, locale: 'zh-Hans', reason: 'replacement 7' });
      expect(queued.map((r: any) => `${r.channelKey}:${r.operation}`)).toEqual(['webhook:litang-app:update']);
      await waitFor(async () => (await deliveries(app, { itemDocumentId: doc.documentId })).every((r) => r.status === 'delivered'));
      expect(await outbox.redeliver({ uid: ARTICLE, documentId: doc.documentId, locale: 'zh-Hans', reason: 'replacement 7' })).toHaveLength(0); // already delivered
      expect(receiver.requests.map((r) => `${r.json.event}:${r.json.document.fields.title}`)).toEqual(['document.create:理塘县关于部暑防汛工作的通知', 'document.update:理塘县关于部署防汛工作的通知']);
    } finally {
      await receiver.close();
    }
  });
});

describe('policy library (政策文件库)', () => {
  it('files a published county policy into the library column matching its level and theme', async () => {
    const lib = await as(app, editor).post('/distribution/channels', {
      site: 'ganzi',
      kind: 'policy-library',
      settings: { includeDescendants: true, rules: [{ level: 'county', theme: '劳动、人事、监察', column: 'zcwj' }] },
    });
    expect({ status: lib.status, error: lib.body.error }).toEqual({ status: 201, error: undefined });
    const policy = await asPublishedFixture(app, () =>
      app.strapi.documents(POLICY).create({
        data: {
          title: '康定市关于进一步做好稳就业工作的实施意见',
          indexNumber: '11513301MB1234567X/2024-00012',
          issuingAuthority: '康定市人民政府办公室',
          documentKind: 'other',
          level: 'county',
          themeCategory: '劳动、人事、监察/就业',
          ownerSite: 'kangding',
        } as any,
        status: 'published',
      })
    );
    await waitFor(async () => (await deliveries(app, { itemDocumentId: policy.documentId })).some((r) => r.status === 'delivered'));
    const where = await app.request().get(`/api/site-group/items/${policy.documentId}/placements`);
    expect(where.body.data.map((p: any) => `${p.site}/${p.column}`)).toEqual(['ganzi/zcwj']);
  });
});
