import type { TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { ARTICLE, as, bootDistributionApp, deliveries, fastRetries, publishThroughReview, startReceiver, waitFor } from './lib';

let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const events: any[] = [];

beforeAll(async () => {
  ({ app, editor, reviewers } = await bootDistributionApp({ hook: { site: ['ganzi', 'kangding', 'luding', 'yajiang'], secret: 's3cret' } }));
  receiver = await startReceiver((req) => (req.url === '/broken' && req.json?.event === 'document.delete' ? { status: 500 } : { status: 200 }));
  for (const site of ['ganzi', 'kangding', 'luding']) {
    const res = await as(app, editor).post('/distribution/channels', { key: `webhook:${site}-app`, site, kind: 'webhook', credential: 'hook', settings: { url: `${receiver.url}/${site}` } });
    expect(res.status).toBe(201);
  }
  await as(app, editor).post('/distribution/channels', { site: 'kangding', kind: 'feed' });
  app.strapi.eventHub.on('distribution.retraction.completed', async (payload: any) => {
    events.push(payload);
  });
});
afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

const publishEverywhere = (title: string) =>
  publishThroughReview(
    app,
    { editor, reviewers },
    { title, summary: title, body: `<p>${title}</p>`, ownerSite: 'kangding' },
    { placements: [{ site: 'kangding', column: 'tzgg' }, { site: 'ganzi', column: 'ywdt' }, { site: 'luding', column: 'tzgg' }], channels: ['webhook:ganzi-app', 'webhook:kangding-app', 'webhook:luding-app'] }
  );

describe('cluster-wide retraction (错情信息一键全集群删除)', () => {
  it('takes the item out of every column and channel in one request, with a receipt per target', async () => {
    const id = await publishEverywhere('关于2024年康定市机关事业单位工作人员招聘的公告');
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    expect((await app.request().get('/api/distribution/feeds/kangding/tzgg.json')).body.items.map((i: any) => i.title)).toContain('关于2024年康定市机关事业单位工作人员招聘的公告');

    const res = await as(app, editor).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'ganzi', includeDescendants: true }, reason: '招聘人数有误，撤回重发' });
    expect(res.status).toBe(201);
    const retractionId = res.body.data.id;
    const done = await waitFor(async () => {
      const r = await as(app, editor).get(`/distribution/retractions/${retractionId}`);
      return r.body.data.status === 'completed' ? r.body.data : null;
    });
    expect(done.counts).toEqual({ done: 7, failed: 0, pending: 0 });
    expect(done.receipts.map((r: any) => `${r.kind}:${r.target}:${r.status}`).sort()).toEqual(
      [
        'site-column:site-column:ganzi/ywdt:done',
        'site-column:site-column:kangding/tzgg:done',
        'site-column:site-column:luding/tzgg:done',
        `unpublish:document:${id}:done`,
        'webhook:webhook:ganzi-app:done',
        'webhook:webhook:kangding-app:done',
        'webhook:webhook:luding-app:done',
      ].sort()
    );
    expect(done).toMatchObject({ reason: '招聘人数有误，撤回重发', requestedBy: { id: editor.id, email: editor.email } });
    const withdrawals = receiver.requests.filter((r) => r.json?.event === 'document.delete' && r.json.document.documentId === id);
    expect(withdrawals.map((r) => r.url).sort()).toEqual(['/ganzi', '/kangding', '/luding']);
    expect(withdrawals[0].json.reason).toBe('招聘人数有误，撤回重发');

    expect((await app.request().get(`/api/site-group/items/${id}/placements`)).body.data).toEqual([]);
    expect((await app.request().get('/api/distribution/feeds/kangding/tzgg.json')).body.items.map((i: any) => i.title)).not.toContain('关于2024年康定市机关事业单位工作人员招聘的公告');
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: id, publishedAt: { $notNull: true } } })).toBe(0);
    expect(events).toContainEqual(expect.objectContaining({ uid: ARTICLE, documentId: id, retractionId }));
  });

  it('retracts only within the scope: a county retraction leaves the prefecture column alone', async () => {
    const id = await publishEverywhere('泸定县关于桥梁检修期间交通管制的通告');
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    const res = await as(app, editor).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'luding', includeDescendants: false }, reason: '仅泸定县撤稿' });
    expect(res.status).toBe(201);
    const done = await waitFor(async () => {
      const r = await as(app, editor).get(`/distribution/retractions/${res.body.data.id}`);
      return r.body.data.status === 'completed' ? r.body.data : null;
    });
    expect(done.receipts.map((r: any) => r.target).sort()).toEqual(['site-column:luding/tzgg', 'webhook:luding-app']);
    const where = (await app.request().get(`/api/site-group/items/${id}/placements`)).body.data.map((p: any) => `${p.site}/${p.column}`).sort();
    expect(where).toEqual(['ganzi/ywdt', 'kangding/tzgg']);
  });

  it('shows a failing channel as pending while it is retried, then failed, and keeps the others done', async () => {
    const broken = await as(app, editor).post('/distribution/channels', { key: 'webhook:yajiang-broken', site: 'yajiang', kind: 'webhook', credential: 'hook', settings: { url: `${receiver.url}/broken` } });
    expect(broken.status).toBe(201);
    const id = await publishThroughReview(app, { editor, reviewers }, { title: '雅江县通知', ownerSite: 'yajiang' }, { channels: ['webhook:yajiang-broken'] });
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    fastRetries(app, { backoffBaseMs: 300, backoffMaxMs: 300 });
    const res = await as(app, editor).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'yajiang', includeDescendants: true }, reason: '错情' });
    const pending = await waitFor(async () => {
      const r = await as(app, editor).get(`/distribution/retractions/${res.body.data.id}`);
      return r.body.data.receipts.find((x: any) => x.target === 'webhook:yajiang-broken' && x.status === 'pending' && x.attempts >= 1) ? r.body.data : null;
    });
    expect(pending.status).toBe('running');
    await app.strapi.db.query('plugin::distribution.delivery').updateMany({ where: { retractionId: res.body.data.id }, data: { maxAttempts: 2 } });
    const failed = await waitFor(async () => {
      const r = await as(app, editor).get(`/distribution/retractions/${res.body.data.id}`);
      return r.body.data.status !== 'running' ? r.body.data : null;
    });
    fastRetries(app);
    expect(failed.status).toBe('failed');
    expect(failed.counts).toMatchObject({ failed: 1, done: 1 });
  });

  it('needs its own permission, validates its body and changes nothing on bad input', async () => {
    const role = await createRole(app, 'Deliveries reader', [{ action: 'plugin::distribution.delivery.read' }, { action: 'plugin::distribution.retraction.read' }]);
    const reader = await createAdmin(app, { roles: [role.id] });
    const id = await publishThroughReview(app, { editor, reviewers }, { title: '巴塘县通知', ownerSite: 'batang' });
    expect((await as(app, reader).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'batang' }, reason: '错情' })).status).toBe(403);
    for (const body of [
      { uid: ARTICLE, documentId: id, scope: { site: 'batang' } },
      { uid: ARTICLE, documentId: id, scope: { site: 'batang', planet: 'mars' }, reason: '错情' },
      { uid: ARTICLE, documentId: id, scope: { site: 'atlantis' }, reason: '错情' },
      { uid: 'api::nope.nope', documentId: id, scope: { site: 'batang' }, reason: '错情' },
      { uid: ARTICLE, documentId: id, scope: { site: 'batang' }, reason: '错情', force: true },
    ]) {
      const res = await as(app, editor).post('/distribution/retractions', body);
      expect(res.status).toBe(400);
    }
    expect(await app.strapi.db.query('plugin::distribution.retraction').count({ where: { itemDocumentId: id } })).toBe(0);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: id, publishedAt: { $notNull: true } } })).toBe(1);
    expect((await as(app, reader).get('/distribution/retractions/999999')).status).toBe(404);
  });
});
