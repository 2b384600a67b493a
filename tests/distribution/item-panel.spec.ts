/**
 * The server side of the Distribution panel (issue #18): for one item, the targets its owning site's
 * editor may choose (webhooks, WeChat, Weibo of that site), the policy libraries and feeds that follow
 * it read-only, and after publish its delivery status per target, with the retry of a dead one.
 */
import type { TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { ARTICLE, POLICY, as, bootDistributionApp, cm, deliveries, publishThroughReview, startReceiver, waitFor } from './lib';

let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];
let ludingEditor: AdminSession;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const targets = (uid: string, documentId: string, session = editor, query = '') => as(app, session).get(`/distribution/documents/${uid}/${documentId}/targets${query}`);
const status = (uid: string, documentId: string, session = editor, query = '') => as(app, session).get(`/distribution/documents/${uid}/${documentId}/deliveries${query}`);

beforeAll(async () => {
  ({ app, editor, reviewers } = await bootDistributionApp({
    'kangding-app': { site: 'kangding', secret: 'kangding-panel-secret' },
    'luding-app': { site: 'luding', secret: 'luding-panel-secret' },
  }));
  // The receiver refuses the "broken" hook for good (4xx), so its delivery goes dead at once.
  receiver = await startReceiver((req) => (req.url === '/hooks/broken' ? { status: 410 } : undefined));
  for (const body of [
    { key: 'webhook:kangding-app', site: 'kangding', kind: 'webhook', name: '康定政务App', credential: 'kangding-app', settings: { url: `${receiver.url}/hooks/app` } },
    { key: 'webhook:kangding-broken', site: 'kangding', kind: 'webhook', name: '康定旧系统', credential: 'kangding-app', settings: { url: `${receiver.url}/hooks/broken` } },
    { key: 'webhook:kangding-portal', site: 'kangding', kind: 'webhook', name: '康定门户', credential: 'kangding-app', autoDeliver: true, settings: { url: `${receiver.url}/hooks/portal` } },
    { key: 'webhook:luding-app', site: 'luding', kind: 'webhook', credential: 'luding-app', settings: { url: `${receiver.url}/hooks/luding` } },
    { key: 'feed:kangding', site: 'kangding', kind: 'feed', settings: { columns: ['tzgg'] } },
    { key: 'policy-library:ganzi', site: 'ganzi', kind: 'policy-library', settings: { includeDescendants: true, rules: [{ level: 'county', column: 'zcwj' }] } },
  ]) {
    const res = await as(app, editor).post('/distribution/channels', body);
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 201, error: undefined });
  }
  const role = await createRole(app, 'Luding distribution', [{ action: 'plugin::distribution.delivery.read' }, { action: 'plugin::distribution.delivery.retry' }]);
  ludingEditor = await createAdmin(app, { roles: [role.id] });
  await app.strapi.plugin('site-group').service('editor-scope').assign(ludingEditor.id, 'luding', false);
}, 300_000);
afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

describe('the targets an item can be sent to (GET /distribution/documents/:uid/:documentId/targets)', () => {
  it('lists the owning site\'s webhooks to choose, and nothing of other sites; feeds and libraries are read-only', async () => {
    const created = await as(app, editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title: '康定市关于启用政务服务新平台的通知', ownerSite: 'kangding' });
    const id = created.body.data.documentId;
    const res = await targets(ARTICLE, id);
    expect(res.status).toBe(200);
    expect(res.body.data.ownerSite).toBe('kangding');
    expect(res.body.data.channels).toEqual([
      { key: 'webhook:kangding-app', kind: 'webhook', site: 'kangding', name: '康定政务App', autoDeliver: false },
      { key: 'webhook:kangding-broken', kind: 'webhook', site: 'kangding', name: '康定旧系统', autoDeliver: false },
      { key: 'webhook:kangding-portal', kind: 'webhook', site: 'kangding', name: '康定门户', autoDeliver: true },
    ]);
    // Not a policy, not placed yet: no library, no feed.
    expect(res.body.data.policyLibraries).toEqual([]);
    expect(res.body.data.feeds).toEqual([]);
    expect(res.body.data.chosen).toBeNull();

    // Placed into kangding's 通知公告: the kangding feed follows that column.
    await as(app, editor).post('/site-group/placements', { contentType: ARTICLE, documentId: id, site: 'kangding', column: 'tzgg' });
    await as(app, editor).post('/site-group/placements', { contentType: ARTICLE, documentId: id, site: 'kangding', column: 'ywdt' });
    const placed = await targets(ARTICLE, id, editor, '?locale=zh-Hans');
    expect(placed.body.data.feeds).toEqual([{ site: 'kangding', column: 'tzgg', rss: '/api/distribution/feeds/kangding/tzgg.xml', json: '/api/distribution/feeds/kangding/tzgg.json' }]);
    expect(placed.body.data.chosen).toEqual({ placements: [], channels: [] });
  });

  it('a county policy files into the prefecture\'s policy library (read-only)', async () => {
    const policy = await as(app, editor).post(`${cm(POLICY)}?locale=zh-Hans`, {
      title: '康定市城乡居民临时救助实施办法',
      indexNumber: '11513300MB0000009X/2024-00777',
      issuingAuthority: '康定市人民政府',
      level: 'county',
      documentKind: 'normative',
      ownerSite: 'kangding',
    });
    expect(policy.status).toBe(201);
    const res = await targets(POLICY, policy.body.data.documentId);
    expect(res.body.data.policyLibraries).toEqual([{ key: 'policy-library:ganzi', site: 'ganzi', name: 'policy-library:ganzi', rules: [{ level: 'county', column: 'zcwj' }] }]);
  });

  it('is for the owning site\'s editors: 403 naming the site, 404 for an unknown document or type, 400 for a bad locale', async () => {
    const created = await as(app, editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title: '康定市内部稿件', ownerSite: 'kangding' });
    const id = created.body.data.documentId;
    for (const res of [await targets(ARTICLE, id, ludingEditor), await status(ARTICLE, id, ludingEditor)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.details.site).toBe('kangding');
    }
    expect((await targets(ARTICLE, 'no-such-document')).status).toBe(404);
    expect((await targets('api::nope.nope', id)).status).toBe(404);
    expect((await status('api::nope.nope', id)).status).toBe(404);
    for (const res of [await targets(ARTICLE, id, editor, '?locale=xx'), await status(ARTICLE, id, editor, '?locale=xx')]) {
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['locale']);
    }
    const unknown = await targets(ARTICLE, id, editor, '?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['colour']);
  });
});

describe('delivery status per target after publish (GET /distribution/documents/:uid/:documentId/deliveries)', () => {
  it('shows each target\'s latest delivery, chosen ones and automatic ones; a dead one is retried by the owning site', async () => {
    const id = await publishThroughReview(
      app,
      { editor, reviewers },
      { title: '康定市2024年城乡居民医保参保缴费公告', summary: '参保缴费公告。', body: '<p>参保缴费公告。</p>', ownerSite: 'kangding' },
      { placements: [{ site: 'kangding', column: 'tzgg' }], channels: ['webhook:kangding-app', 'webhook:kangding-broken'] }
    );
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => ['delivered', 'dead'].includes(r.status)));

    const res = await status(ARTICLE, id);
    expect(res.status).toBe(200);
    expect(res.body.data.map((t: any) => [t.channelKey, t.channelKind, t.latest.status])).toEqual([
      ['site-column:kangding/tzgg', 'site-column', 'delivered'],
      ['webhook:kangding-app', 'webhook', 'delivered'],
      ['webhook:kangding-broken', 'webhook', 'dead'],
      ['webhook:kangding-portal', 'webhook', 'delivered'],
    ]);
    const dead = res.body.data.find((t: any) => t.channelKey === 'webhook:kangding-broken').latest;
    expect(dead.lastError).toMatch(/410/);
    expect(res.body.data.find((t: any) => t.channelKey === 'webhook:kangding-app').latest.deliveredAt).toBeTruthy();
    expect((await status(ARTICLE, id, editor, '?locale=bo')).body.data).toEqual([]);

    // The targets route now shows what the submission chose.
    expect((await targets(ARTICLE, id, editor, '?locale=zh-Hans')).body.data.chosen).toEqual({
      placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }],
      channels: ['webhook:kangding-app', 'webhook:kangding-broken'],
    });

    // The luding editor may not retry it; the kangding editor (here a Super Admin) may.
    expect((await as(app, ludingEditor).post(`/distribution/deliveries/${dead.id}/retry`)).status).toBe(403);
    const calls = () => receiver.requests.filter((r) => r.url === '/hooks/broken' && r.json?.document?.documentId === id).length;
    const before = calls();
    const retried = await as(app, editor).post(`/distribution/deliveries/${dead.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.data.id).toBe(dead.id);
    expect(['pending', 'in_flight', 'dead']).toContain(retried.body.data.status);
    // Tried again (the receiver still refuses it for good, so it is dead again).
    await waitFor(async () => calls() > before && (await status(ARTICLE, id)).body.data.find((t: any) => t.channelKey === 'webhook:kangding-broken').latest.status === 'dead');
  });
});
