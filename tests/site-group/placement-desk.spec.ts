/**
 * The server side of the Site panel and the placement inbox (issue #18): an item's placements, several
 * sites and columns at once (pending where the editor does not act), arranging a placement (pin, order,
 * site publish time), the inbox of pending placements per site, and the site tree for the pickers.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';
import { as, createSiteEditorRole } from '../security/lib';

const ARTICLE = 'api::article.article';
const PLACEMENT = 'plugin::site-group.placement';

let app: TestApp;
let admin: AdminSession;
let kangding: AdminSession;
let danba: AdminSession;
let jiulong: AdminSession;
let luding: AdminSession;

const article = (title: string, ownerSite: string, publish = true) =>
  asPublishedFixture(app, () =>
    app.strapi.documents(ARTICLE).create({
      data: { title, summary: `${title}的摘要`, body: `${title}。`, publishDate: '2024-05-01T08:00:00.000Z', ownerSite } as any,
      ...(publish ? { status: 'published' as const } : {}),
    })
  );
const placementsOf = (documentId: string) => app.strapi.db.query(PLACEMENT).findMany({ where: { itemDocumentId: documentId }, orderBy: { id: 'asc' } });
const columnItems = (site: string, column: string) => app.request().get(`/api/site-group/sites/${site}/columns/${column}/items`);

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  const role = await createSiteEditorRole(app, 'plugin::site-group.is-in-my-sites');
  const editor = async (site: string) => {
    const session = await createAdmin(app, { roles: [role] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(session.id, site, false);
    return session;
  };
  kangding = await editor('kangding');
  danba = await editor('danba');
  jiulong = await editor('jiulong');
  luding = await editor('luding');
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('placing into several sites and columns at once (POST /site-group/placements/batch)', () => {
  let notice: any;
  beforeAll(async () => {
    notice = await article('康定市关于开展2024年防汛应急演练的通知', 'kangding');
  });

  it('is live at once in the editor\'s own site and pending in the neighbouring counties until their editors accept', async () => {
    const res = await as(app, kangding).post('/site-group/placements/batch', {
      contentType: ARTICLE,
      documentId: notice.documentId,
      targets: [
        { site: 'kangding', column: 'tzgg' },
        { site: 'danba', column: 'tzgg' },
        { site: 'jiulong', column: 'tzgg' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.data.skipped).toEqual([]);
    expect(res.body.data.placed.map((p: any) => [p.site, p.column, p.state, p.origin, p.mode])).toEqual([
      ['kangding', 'tzgg', 'active', 'placed', 'reference'],
      ['danba', 'tzgg', 'pending', 'placed', 'reference'],
      ['jiulong', 'tzgg', 'pending', 'placed', 'reference'],
    ]);
    expect((await columnItems('kangding', 'tzgg')).body.data.map((i: any) => i.documentId)).toContain(notice.documentId);
    expect((await columnItems('danba', 'tzgg')).body.data.map((i: any) => i.documentId)).not.toContain(notice.documentId);

    // Again with one new target: the columns where it already is are skipped, not doubled.
    const again = await as(app, kangding).post('/site-group/placements/batch', {
      contentType: ARTICLE,
      documentId: notice.documentId,
      targets: [{ site: 'danba', column: 'tzgg' }, { site: 'yajiang', column: 'tzgg' }],
    });
    expect(again.status).toBe(201);
    expect(again.body.data.skipped).toEqual([{ site: 'danba', column: 'tzgg', reason: 'already placed' }]);
    expect(again.body.data.placed.map((p: any) => [p.site, p.state])).toEqual([['yajiang', 'pending']]);
  });

  it('shows the pending placement in the danba inbox only; danba\'s editor accepts it and it goes live there', async () => {
    const inbox = await as(app, danba).get('/site-group/inbox');
    expect(inbox.status).toBe(200);
    const entry = inbox.body.data.find((p: any) => p.documentId === notice.documentId);
    expect(entry).toMatchObject({
      contentType: ARTICLE,
      title: '康定市关于开展2024年防汛应急演练的通知',
      ownerSite: 'kangding',
      owner: { code: 'kangding', name: '康定市' },
      site: { code: 'danba', name: '丹巴县' },
      column: { slug: 'tzgg', name: '通知公告' },
      state: 'pending',
      origin: 'placed',
      placedBy: { id: kangding.id },
    });
    expect(inbox.body.data.every((p: any) => p.site.code === 'danba')).toBe(true);
    // Tibetan names on request.
    const bo = await as(app, danba).get('/site-group/inbox?locale=bo');
    expect(bo.body.data.find((p: any) => p.id === entry.id).column.name).not.toBe('通知公告');

    // luding sees none of it; the kangding editor cannot read danba's inbox.
    expect(JSON.stringify((await as(app, luding).get('/site-group/inbox')).body)).not.toContain(notice.documentId);
    const foreign = await as(app, kangding).get('/site-group/inbox?site=danba');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.details.site).toBe('danba');
    expect((await as(app, admin).get('/site-group/inbox?site=nowhere')).status).toBe(404);
    expect((await as(app, admin).get('/site-group/inbox?colour=red')).status).toBe(400);

    // The kangding editor cannot accept it for danba; danba's editor does.
    expect((await as(app, kangding).post(`/site-group/placements/${entry.id}/accept`, {})).status).toBe(403);
    const accepted = await as(app, danba).post(`/site-group/placements/${entry.id}/accept`, { reason: '同意转载' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.state).toBe('active');
    expect((await columnItems('danba', 'tzgg')).body.data.map((i: any) => i.documentId)).toContain(notice.documentId);
    expect((await as(app, danba).get('/site-group/inbox')).body.data.map((p: any) => p.id)).not.toContain(entry.id);
  });

  it('jiulong\'s editor rejects with a reason; the reason is shown in the item\'s placements', async () => {
    const inbox = await as(app, jiulong).get('/site-group/inbox?site=jiulong');
    const entry = inbox.body.data.find((p: any) => p.documentId === notice.documentId);
    expect((await as(app, jiulong).post(`/site-group/placements/${entry.id}/reject`, {})).status).toBe(400);
    expect((await as(app, jiulong).post(`/site-group/placements/${entry.id}/reject`, { reason: '本县未开展此项演练' })).status).toBe(200);

    const res = await as(app, kangding).get(`/site-group/documents/${ARTICLE}/${notice.documentId}/placements`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: any) => [p.site.code, p.column.slug, p.state])).toEqual([
      ['yajiang', 'tzgg', 'pending'],
      ['danba', 'tzgg', 'active'],
      ['kangding', 'tzgg', 'active'],
      ['jiulong', 'tzgg', 'rejected'],
    ]);
    const rejected = res.body.data.find((p: any) => p.state === 'rejected');
    expect(rejected).toMatchObject({ reason: '本县未开展此项演练', decidedBy: { id: jiulong.id }, mode: 'reference', pinned: false, priority: 0 });
    expect(rejected.sitePublishedAt).toBeTruthy();
  });

  it('refuses bad targets with a 400 naming them and writes nothing; another site\'s item is a 403', async () => {
    const draft = await article('康定市待投放的稿件', 'kangding', false);
    const cases: [object, string[]][] = [
      [{ targets: [{ site: 'kangding', column: 'tzgg' }, { site: 'atlantis', column: 'tzgg' }] }, ['targets', '1', 'site']],
      [{ targets: [{ site: 'danba', column: 'no-such-column' }] }, ['targets', '0', 'column']],
      [{ targets: [] }, ['targets']],
      [{ targets: [{ site: 'danba', column: 'tzgg', pinned: true }] }, ['targets', '0', 'pinned']],
      [{ targets: [{ site: 'danba', column: 'tzgg' }], colour: 'red' }, ['colour']],
      [{ targets: [{ site: 'danba', column: 'tzgg' }], mode: 'link' }, ['mode']],
    ];
    for (const [body, path] of cases) {
      const res = await as(app, kangding).post('/site-group/placements/batch', { contentType: ARTICLE, documentId: draft.documentId, ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path.join('.'));
    }
    expect(await placementsOf(draft.documentId)).toEqual([]);

    const ludingItem = await article('泸定县的稿件', 'luding', false);
    const foreign = await as(app, kangding).post('/site-group/placements/batch', { contentType: ARTICLE, documentId: ludingItem.documentId, targets: [{ site: 'kangding', column: 'tzgg' }] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.details.site).toBe('luding');
    expect(await placementsOf(ludingItem.documentId)).toEqual([]);
  });
});

describe('arranging a placement (PUT /site-group/placements/:id)', () => {
  it('pins, orders and sets the site publish time, which the column listing follows; audited', async () => {
    const older = await article('康定市2024年第一季度工作简报', 'kangding');
    const newer = await article('康定市2024年第二季度工作简报', 'kangding');
    const batch = async (documentId: string) =>
      (await as(app, kangding).post('/site-group/placements/batch', { contentType: ARTICLE, documentId, targets: [{ site: 'kangding', column: 'ywdt' }] })).body.data.placed[0];
    const a = await batch(older.documentId);
    const b = await batch(newer.documentId);

    await as(app, kangding).put(`/site-group/placements/${a.id}`, { sitePublishedAt: '2024-01-01T00:00:00.000Z' });
    await as(app, kangding).put(`/site-group/placements/${b.id}`, { sitePublishedAt: '2024-02-01T00:00:00.000Z' });
    const order = async () => (await columnItems('kangding', 'ywdt')).body.data.map((i: any) => i.documentId).filter((id: string) => [older.documentId, newer.documentId].includes(id));
    expect(await order()).toEqual([newer.documentId, older.documentId]);

    const pinned = await as(app, kangding).put(`/site-group/placements/${a.id}`, { pinned: true });
    expect(pinned.status).toBe(200);
    expect(pinned.body.data).toMatchObject({ id: a.id, pinned: true, priority: 0 });
    expect(await order()).toEqual([older.documentId, newer.documentId]);

    await as(app, kangding).put(`/site-group/placements/${a.id}`, { pinned: false });
    const priority = await as(app, kangding).put(`/site-group/placements/${a.id}`, { priority: 10 });
    expect(priority.body.data.priority).toBe(10);
    expect(await order()).toEqual([older.documentId, newer.documentId]);

    const audit = await as(app, kangding).get(`/site-group/items/${older.documentId}/audit`);
    const arranged = audit.body.data.filter((e: any) => e.action === 'placement.arranged');
    expect(arranged.length).toBe(4);
    expect(arranged[1].details).toMatchObject({ before: { pinned: false }, after: { pinned: true } });
  });

  it('refuses an empty or bad body (400 naming the field) and another site\'s placement (403); changes nothing', async () => {
    const item = await article('康定市政务公开专栏更新说明', 'kangding');
    const placed = (await as(app, kangding).post('/site-group/placements/batch', { contentType: ARTICLE, documentId: item.documentId, targets: [{ site: 'kangding', column: 'tzgg' }, { site: 'danba', column: 'tzgg' }] })).body.data.placed;
    const [own, inDanba] = placed;
    const before = await placementsOf(item.documentId);

    expect((await as(app, kangding).put(`/site-group/placements/${own.id}`, {})).status).toBe(400);
    for (const [body, path] of [[{ priority: 5000 }, 'priority'], [{ pinned: 'maybe' }, 'pinned'], [{ sitePublishedAt: 'yesterday' }, 'sitePublishedAt'], [{ colour: 'red' }, 'colour']] as const) {
      const res = await as(app, kangding).put(`/site-group/placements/${own.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([path]);
    }
    // The receiving site arranges its own columns: not the item's owner.
    const foreign = await as(app, kangding).put(`/site-group/placements/${inDanba.id}`, { pinned: true });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.details.site).toBe('danba');
    expect((await as(app, admin).put('/site-group/placements/99999999', { pinned: true })).status).toBe(404);
    expect(await placementsOf(item.documentId)).toEqual(before);

    // A withdrawn placement is not arranged any more.
    await as(app, kangding).post(`/site-group/placements/${own.id}/withdraw`);
    const withdrawn = await as(app, kangding).put(`/site-group/placements/${own.id}`, { pinned: true });
    expect(withdrawn.status).toBe(400);
  });
});

describe('an item\'s placements (GET /site-group/documents/:uid/:documentId/placements)', () => {
  it('is for the owning site\'s editors: 403 naming the site otherwise, 404 for unknown documents or types', async () => {
    const item = await article('康定市关于公布第一批政务服务事项的通知', 'kangding');
    const res = await as(app, luding).get(`/site-group/documents/${ARTICLE}/${item.documentId}/placements`);
    expect(res.status).toBe(403);
    expect(res.body.error.details.site).toBe('kangding');
    expect((await as(app, admin).get(`/site-group/documents/${ARTICLE}/no-such-document/placements`)).status).toBe(404);
    expect((await as(app, admin).get(`/site-group/documents/api::nope.nope/${item.documentId}/placements`)).status).toBe(404);
    const empty = await as(app, kangding).get(`/site-group/documents/${ARTICLE}/${item.documentId}/placements`);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual([]);
  });
});

describe('the site tree for the pickers (GET /site-group/site-tree)', () => {
  const codes = (nodes: any[]): string[] => nodes.flatMap((n) => [n.code, ...codes(n.children)]);

  it('mine=true: only the editor\'s sites, with their columns (the owning-site picker)', async () => {
    const res = await as(app, kangding).get('/site-group/site-tree?mine=true');
    expect(res.status).toBe(200);
    expect(codes(res.body.data)).toEqual(['kangding']);
    const [site] = res.body.data;
    expect(site).toMatchObject({ code: 'kangding', name: '康定市', level: 'county', mine: true });
    expect(site.columns.map((c: any) => c.slug)).toContain('tzgg');
    expect(site.columns.find((c: any) => c.slug === 'tzgg')).toMatchObject({ name: '通知公告', placeable: true });
  });

  it('the whole tree marks the sites the editor acts for (placement targets elsewhere become requests)', async () => {
    const res = await as(app, kangding).get('/site-group/site-tree?locale=bo');
    expect(res.status).toBe(200);
    const all = codes(res.body.data);
    expect(all).toEqual(expect.arrayContaining(['ganzi', 'kangding', 'danba', 'luding']));
    expect(res.body.meta.total).toBe(all.length);
    const [root] = res.body.data;
    expect(root).toMatchObject({ code: 'ganzi', mine: false });
    expect(root.name).toMatch(/[\u0F00-\u0FFF]/);
    expect(root.children.find((c: any) => c.code === 'kangding').mine).toBe(true);
    // A Super Admin acts everywhere.
    const superTree = await as(app, admin).get('/site-group/site-tree?mine=true');
    expect(codes(superTree.body.data).length).toBe(all.length);
  });

  it('validates its query', async () => {
    const bad = await as(app, kangding).get('/site-group/site-tree?mine=perhaps');
    expect(bad.status).toBe(400);
    const locale = await as(app, kangding).get('/site-group/site-tree?locale=xx');
    expect(locale.status).toBe(400);
    expect(locale.body.error.details.errors[0].path).toEqual(['locale']);
  });
});
