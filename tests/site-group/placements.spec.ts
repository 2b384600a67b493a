import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';

const ARTICLE = 'api::article.article';
const PLACEMENT = 'plugin::site-group.placement';

let app: TestApp;
let admin: AdminSession;

const adminApi = (session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
});

const article = async (title: string, ownerSite: string, { publish = true, publishDate = '2024-03-01T08:00:00.000Z' } = {}) =>
  asPublishedFixture(app, () =>
    app.strapi.documents(ARTICLE).create({
      data: { title, summary: `${title}的摘要`, body: `${title}。正文……`, source: '甘孜日报社', publishDate, ownerSite } as any,
      ...(publish ? { status: 'published' as const } : {}),
    })
  );
const fixture = <T>(fn: () => Promise<T>) => asPublishedFixture(app, fn);

const columnItems = (site: string, column: string, query: Record<string, unknown> = {}) =>
  app.request().get(`/api/site-group/sites/${site}/columns/${column}/items`).query(query);

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('ownership', () => {
  it('gives every new item an owning site, never empty', async () => {
    const noOwner = await app.strapi.documents(ARTICLE).create({ data: { title: '无站点归属的稿件' } as any });
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: noOwner.documentId } });
    expect(row.ownerSite).toBe('ganzi');
    await expect(
      app.strapi.documents(ARTICLE).update({ documentId: noOwner.documentId, data: { ownerSite: '' } as any })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      app.strapi.documents(ARTICLE).update({ documentId: noOwner.documentId, data: { ownerSite: 'atlantis' } as any })
    ).rejects.toThrow(/no site with code/);
  });

  it('lets a Tibetan version inherit the owner of its document', async () => {
    const zh = await article('康定市政务公开工作推进会召开', 'kangding');
    await app.strapi.documents(ARTICLE).update({ documentId: zh.documentId, locale: 'bo', data: { title: 'དར་མདོ་གྲོང་ཁྱེར་གྱི་ཚོགས་འདུ།' } as any });
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: zh.documentId } });
    expect(new Set(rows.map((r: any) => r.ownerSite))).toEqual(new Set(['kangding']));
  });
});

describe('placements and the site-builder API', () => {
  let notice: any;
  let draft: any;

  beforeAll(async () => {
    notice = await article('关于做好2024年春节期间安全生产工作的通知', 'kangding', { publishDate: '2024-02-01T00:00:00.000Z' });
    draft = await article('尚未发布的草稿通知', 'kangding', { publish: false });
  });

  it('places an item by reference and lists it in the column; a draft never appears', async () => {
    const placed = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'tzgg' });
    expect(placed.status).toBe(201);
    expect(placed.body.data).toMatchObject({ site: 'kangding', column: 'tzgg', mode: 'reference', state: 'active' });
    const placedDraft = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: draft.documentId, site: 'kangding', column: 'tzgg' });
    expect(placedDraft.status).toBe(201);

    const list = await columnItems('kangding', 'tzgg');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.documentId)).toEqual([notice.documentId]);
    expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    expect(list.body.meta.column).toMatchObject({ slug: 'tzgg', name: '通知公告' });
    expect(list.body.data[0]).toMatchObject({ type: 'article', title: '关于做好2024年春节期间安全生产工作的通知', path: `/kangding/tzgg/${notice.documentId}` });

    const hidden = await app.request().get(`/api/site-group/sites/kangding/items/${draft.documentId}`);
    expect(hidden.status).toBe(404);
    const placements = await app.request().get(`/api/site-group/items/${draft.documentId}/placements`);
    expect(placements.body.data).toEqual([]);

    await fixture(() => app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId }));
    const after = await columnItems('kangding', 'tzgg');
    expect(after.body.data.map((i: any) => i.documentId)).toContain(draft.documentId);
    await fixture(() => app.strapi.documents(ARTICLE).unpublish({ documentId: draft.documentId }));
    expect((await columnItems('kangding', 'tzgg')).body.data.map((i: any) => i.documentId)).not.toContain(draft.documentId);
  });

  it('refuses placing the same item twice in a column, and bad bodies, changing nothing', async () => {
    const before = await app.strapi.db.query(PLACEMENT).count();
    const twice = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'tzgg' });
    expect(twice.status).toBe(400);
    const cases: [object, number][] = [
      [{ contentType: ARTICLE, documentId: notice.documentId, site: 'kangding' }, 400],
      [{ contentType: 'api::nothing.nothing', documentId: notice.documentId, site: 'kangding', column: 'tzgg' }, 400],
      [{ contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'tzgg', mode: 'mirror' }, 400],
      [{ contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'nope' }, 404],
      [{ contentType: ARTICLE, documentId: 'missing', site: 'kangding', column: 'ywdt' }, 404],
      [{ contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'ywdt', extra: 1 }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await adminApi(admin).post('/site-group/placements', body);
      expect({ body, status: res.status }).toEqual({ body, status });
    }
    expect(await app.strapi.db.query(PLACEMENT).count()).toBe(before);
  });

  it('answers 404 for an unknown site or column and 400 for bad paging', async () => {
    expect((await columnItems('atlantis', 'tzgg')).status).toBe(404);
    expect((await columnItems('kangding', 'nope')).status).toBe(404);
    for (const query of [{ page: 0 }, { pageSize: 101 }, { page: 'two' }, { pageSize: 2.5 }]) {
      const res = await columnItems('kangding', 'tzgg', query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  it('lists pinned items first, then newest by the site publish time, with Strapi-style pagination', async () => {
    const older = await article('旧闻：2023年工作总结', 'kangding', { publishDate: '2023-12-01T00:00:00.000Z' });
    const newer = await article('新闻：2024年工作要点', 'kangding', { publishDate: '2024-05-01T00:00:00.000Z' });
    for (const [doc, pinned] of [[older, true], [newer, false]] as const) {
      const res = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: doc.documentId, site: 'kangding', column: 'ywdt', pinned });
      expect(res.status).toBe(201);
    }
    await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: notice.documentId, site: 'kangding', column: 'ywdt' });
    const page1 = await columnItems('kangding', 'ywdt', { pageSize: 2 });
    expect(page1.body.data.map((i: any) => i.title)).toEqual(['旧闻：2023年工作总结', '新闻：2024年工作要点']);
    expect(page1.body.data[0].pinned).toBe(true);
    expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    const page2 = await columnItems('kangding', 'ywdt', { pageSize: 2, page: 2 });
    expect(page2.body.data.map((i: any) => i.documentId)).toEqual([notice.documentId]);
  });

  it('shows the item page with the site identity and the standard page meta tags', async () => {
    const res = await app.request().get(`/api/site-group/sites/kangding/items/${notice.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: '关于做好2024年春节期间安全生产工作的通知', type: 'article' });
    expect(res.body.data.createdBy).toBeUndefined();
    expect(res.body.meta.site).toMatchObject({ code: 'kangding', name: '康定市', siteIdentifier: '5133010001', domain: 'kangding.gzz.gov.cn' });
    expect(res.body.meta.pageMeta).toMatchObject({
      SiteName: '康定市',
      SiteDomain: 'kangding.gzz.gov.cn',
      SiteIDCode: '5133010001',
      ArticleTitle: '关于做好2024年春节期间安全生产工作的通知',
      ContentSource: '甘孜日报社',
      Description: '关于做好2024年春节期间安全生产工作的通知的摘要',
    });
    expect(Object.keys(res.body.meta.pageMeta)).toEqual([
      'SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnType', 'ArticleTitle', 'PubDate',
      'ContentSource', 'Keywords', 'Author', 'Description', 'Image', 'Url',
    ]);
    expect((await app.request().get(`/api/site-group/sites/luding/items/${notice.documentId}`)).status).toBe(404);
  });

  it('keeps a reference in step with the republished source, while a copy keeps its own text and flags the change', async () => {
    const copy = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: notice.documentId, site: 'luding', column: 'tzgg', mode: 'copy' });
    expect(copy.status).toBe(201);
    const copyId = copy.body.data.copyDocumentId;
    expect(copyId).toBeTruthy();
    expect((await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: copyId } })).ownerSite).toBe('luding');

    await app.strapi.documents(ARTICLE).update({ documentId: notice.documentId, data: { title: '关于做好2024年春节期间安全生产工作的通知（修订）' } as any });
    await fixture(() => app.strapi.documents(ARTICLE).publish({ documentId: notice.documentId }));

    const reference = await columnItems('kangding', 'tzgg');
    expect(reference.body.data.find((i: any) => i.documentId === notice.documentId).title).toBe('关于做好2024年春节期间安全生产工作的通知（修订）');
    const copied = await columnItems('luding', 'tzgg');
    expect(copied.body.data[0]).toMatchObject({ documentId: copyId, mode: 'copy', originDocumentId: notice.documentId, title: '关于做好2024年春节期间安全生产工作的通知' });
    const page = await app.request().get(`/api/site-group/sites/luding/items/${copyId}`);
    expect(page.body.data.placement).toMatchObject({ mode: 'copy', originChanged: true, originDocumentId: notice.documentId });

    const where = await app.request().get(`/api/site-group/items/${notice.documentId}/placements`);
    expect(where.body.data.map((p: any) => `${p.site}/${p.column}/${p.mode}`).sort()).toEqual(['kangding/tzgg/reference', 'kangding/ywdt/reference', 'luding/tzgg/copy']);
  });

  it('deleting an item removes its placements (audited); removing a placement keeps the item', async () => {
    const doomed = await article('将被删除的信息', 'kangding');
    const res = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: doomed.documentId, site: 'kangding', column: 'bsfw' });
    const withdrawn = await adminApi(admin).post(`/site-group/placements/${res.body.data.id}/withdraw`);
    expect(withdrawn.body.data.state).toBe('withdrawn');
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: doomed.documentId } })).toBeGreaterThan(0);

    await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: doomed.documentId, site: 'kangding', column: 'hdjl' });
    await app.strapi.documents(ARTICLE).delete({ documentId: doomed.documentId });
    expect(await app.strapi.db.query(PLACEMENT).count({ where: { itemDocumentId: doomed.documentId } })).toBe(0);
    const audit = await adminApi(admin).get(`/site-group/items/${doomed.documentId}/audit`);
    expect(audit.body.data.map((e: any) => e.action)).toEqual([
      'placement.created', 'placement.withdrawn', 'placement.created', 'placement.removed-with-item', 'placement.removed-with-item',
    ]);
  });
});

describe('downward push (下发) and upward submission (报送)', () => {
  it('pushes one item into the tzgg column of all 18 counties in one call, pending where a county reviews pushes', async () => {
    await app.strapi.db.query('plugin::site-group.site').update({ where: { code: 'luding' }, data: { pushAcceptance: 'review' } });
    const item = await article('甘孜州关于开展2024年度政府网站检查的通知', 'ganzi');
    const res = await adminApi(admin).post('/site-group/pushes', { contentType: ARTICLE, documentId: item.documentId, column: 'tzgg', level: 'county' });
    expect(res.status).toBe(201);
    expect(res.body.data.placed).toHaveLength(18);
    expect(res.body.data.skipped).toEqual([]);
    const states = Object.fromEntries(res.body.data.placed.map((p: any) => [p.site, p.state]));
    expect(states.luding).toBe('pending');
    expect(states.kangding).toBe('active');
    expect((await columnItems('daocheng', 'tzgg')).body.data.map((i: any) => i.documentId)).toContain(item.documentId);
    expect((await columnItems('luding', 'tzgg')).body.data.map((i: any) => i.documentId)).not.toContain(item.documentId);

    const again = await adminApi(admin).post('/site-group/pushes', { contentType: ARTICLE, documentId: item.documentId, column: 'tzgg', sites: ['kangding', 'ganzi-fgw'] });
    expect(again.status).toBe(201);
    expect(again.body.data.skipped).toEqual([{ site: 'kangding', reason: 'already placed' }]);

    const upward = await adminApi(admin).post('/site-group/pushes', { contentType: ARTICLE, documentId: (await article('县级稿件', 'kangding')).documentId, column: 'tzgg', sites: ['ganzi'] });
    expect(upward.status).toBe(400);
    expect(upward.body.error.message).toMatch(/down the tree/);
  });
});

describe('site-scoped editors (permission matrix)', () => {
  const CM = `/content-manager/collection-types/${ARTICLE}`;
  let kangdingEditor: AdminSession;
  let ludingEditor: AdminSession;
  let prefectureEditor: AdminSession;
  let siteless: AdminSession;
  let kangdingItem: any;
  let ludingItem: any;

  const editorRole = async (condition: string) => {
    const role = await app.strapi.service('admin::role').create({ name: `Editor ${condition} ${Date.now()}`, description: 'site editor' });
    const cm = ['read', 'create', 'update', 'delete', 'publish'].map((a) => ({
      action: `plugin::content-manager.explorer.${a}`,
      subject: ARTICLE,
      properties: a === 'delete' || a === 'publish' ? { locales: ['zh-Hans', 'bo'] } : { fields: ['title', 'summary', 'body', 'cover', 'source', 'author', 'keywords', 'publishDate', 'ownerSite'], locales: ['zh-Hans', 'bo'] },
      conditions: [`plugin::site-group.${condition}`],
    }));
    const own = ['placement.read', 'placement.place', 'placement.submit', 'placement.review'].map((a) => ({ action: `plugin::site-group.${a}`, conditions: [] }));
    await app.strapi.service('admin::role').assignPermissions(role.id, [...cm, ...own]);
    return role.id;
  };

  const editor = async (roleId: number, site?: string, includeDescendants = false) => {
    const session = await createAdmin(app, { roles: [roleId] });
    if (site) {
      const res = await adminApi(admin).post('/site-group/assignments', { userId: session.id, site, includeDescendants });
      expect(res.status).toBe(201);
    }
    return session;
  };

  beforeAll(async () => {
    const scoped = await editorRole('is-in-my-sites');
    kangdingEditor = await editor(scoped, 'kangding');
    ludingEditor = await editor(scoped, 'luding');
    prefectureEditor = await editor(scoped, 'ganzi', true);
    siteless = await editor(scoped);
    kangdingItem = await article('康定市2024年政府信息公开工作年度报告', 'kangding');
    ludingItem = await article('泸定县2024年政府信息公开工作年度报告', 'luding');
  });

  it('lists only the items of the editor\'s own sites in the Content Manager', async () => {
    const kangding = await adminApi(kangdingEditor).get(`${CM}?locale=zh-Hans&pageSize=100`);
    expect(kangding.status).toBe(200);
    expect(new Set(kangding.body.results.map((r: any) => r.ownerSite))).toEqual(new Set(['kangding']));
    const prefecture = await adminApi(prefectureEditor).get(`${CM}?locale=zh-Hans&pageSize=100`);
    expect(new Set(prefecture.body.results.map((r: any) => r.ownerSite))).toEqual(new Set(['ganzi', 'kangding', 'luding']));
    const none = await adminApi(siteless).get(`${CM}?locale=zh-Hans`);
    expect(none.body.results).toEqual([]);
  });

  it('refuses a county editor opening, updating, publishing, deleting or placing another county\'s item (403)', async () => {
    const id = ludingItem.documentId;
    const session = kangdingEditor;
    expect((await adminApi(session).get(`${CM}/${id}?locale=zh-Hans`)).status).toBe(403);
    expect((await app.request().put(`${CM}/${id}?locale=zh-Hans`).set('Authorization', `Bearer ${session.jwt}`).send({ title: '篡改' })).status).toBe(403);
    expect((await adminApi(session).post(`${CM}/${id}/actions/publish?locale=zh-Hans`)).status).toBe(403);
    expect((await app.request().delete(`${CM}/${id}?locale=zh-Hans`).set('Authorization', `Bearer ${session.jwt}`)).status).toBe(403);
    const place = await adminApi(session).post('/site-group/placements', { contentType: ARTICLE, documentId: id, site: 'kangding', column: 'ywdt' });
    expect(place.status).toBe(403);
    expect(place.body.error.message).toMatch(/luding/);
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, publishedAt: null } });
    expect(row.title).toBe('泸定县2024年政府信息公开工作年度报告');
  });

  it('lets the county editor work on their own item, but not hand it to another county', async () => {
    const id = kangdingItem.documentId;
    const ok = await app.request().put(`${CM}/${id}?locale=zh-Hans`).set('Authorization', `Bearer ${kangdingEditor.jwt}`).send({ title: '康定市2024年政府信息公开工作年度报告（更新）' });
    expect(ok.status).toBe(200);
    const move = await app.request().put(`${CM}/${id}?locale=zh-Hans`).set('Authorization', `Bearer ${kangdingEditor.jwt}`).send({ ownerSite: 'luding' });
    expect(move.status).toBe(403);
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: id } });
    expect(new Set(rows.map((r: any) => r.ownerSite))).toEqual(new Set(['kangding']));
  });

  it('lets a prefecture editor with descendants act across the counties', async () => {
    const res = await app.request().put(`${CM}/${ludingItem.documentId}?locale=zh-Hans`).set('Authorization', `Bearer ${prefectureEditor.jwt}`).send({ summary: '州级编辑修改' });
    expect(res.status).toBe(200);
    const place = await adminApi(prefectureEditor).post('/site-group/placements', { contentType: ARTICLE, documentId: ludingItem.documentId, site: 'ganzi', column: 'ywdt' });
    expect(place.status).toBe(201);
  });

  it('refuses an editor without a site creating content', async () => {
    const res = await app.request().post(`${CM}?locale=zh-Hans`).set('Authorization', `Bearer ${siteless.jwt}`).send({ title: '无站点编辑的稿件' });
    expect(res.status).toBe(403);
  });

  it('runs a submission up the tree: pending, a rejection needs a reason, the submitter sees the outcome', async () => {
    const submit = await adminApi(kangdingEditor).post('/site-group/submissions', { contentType: ARTICLE, documentId: kangdingItem.documentId, site: 'ganzi', column: 'ywdt' });
    expect(submit.status).toBe(201);
    expect(submit.body.data).toMatchObject({ state: 'pending', origin: 'submitted', site: 'ganzi' });
    const id = submit.body.data.id;
    expect((await columnItems('ganzi', 'ywdt')).body.data.map((i: any) => i.documentId)).not.toContain(kangdingItem.documentId);

    const sideways = await adminApi(kangdingEditor).post('/site-group/submissions', { contentType: ARTICLE, documentId: kangdingItem.documentId, site: 'luding', column: 'ywdt' });
    expect(sideways.status).toBe(400);

    expect((await adminApi(kangdingEditor).post(`/site-group/placements/${id}/accept`)).status).toBe(403);
    const noReason = await adminApi(prefectureEditor).post(`/site-group/placements/${id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect((await app.strapi.db.query(PLACEMENT).findOne({ where: { id } })).state).toBe('pending');

    const rejected = await adminApi(prefectureEditor).post(`/site-group/placements/${id}/reject`, { reason: '标题不规范，请修改后重新报送' });
    expect(rejected.status).toBe(200);
    const mine = await adminApi(kangdingEditor).get('/site-group/placements?mine=true');
    expect(mine.body.data.find((p: any) => p.id === id)).toMatchObject({ state: 'rejected', reason: '标题不规范，请修改后重新报送' });
    expect((await adminApi(prefectureEditor).post(`/site-group/placements/${id}/accept`)).status).toBe(400);

    const again = await adminApi(kangdingEditor).post('/site-group/submissions', { contentType: ARTICLE, documentId: kangdingItem.documentId, site: 'ganzi', column: 'ywdt' });
    const accepted = await adminApi(prefectureEditor).post(`/site-group/placements/${again.body.data.id}/accept`);
    expect(accepted.body.data.state).toBe('active');
    expect((await columnItems('ganzi', 'ywdt')).body.data.map((i: any) => i.documentId)).toContain(kangdingItem.documentId);
  });
});
