import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, grantRoleActions, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const REPLACEMENT = 'plugin::distribution.replacement';
const CHANGE = 'plugin::distribution.replacement-change';
const EVENT = 'plugin::distribution.replacement-event';

// 甘孜州人力资源和社会保障局 is the short form; pages must carry the full official name.
const OLD = '甘孜州人力资源和社会保障局';
const NEW = '甘孜藏族自治州人力资源和社会保障局';

let app: TestApp;
let admin: AdminSession;
let applier: AdminSession;

const api = (session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
});

const publishedArticle = (data: Record<string, unknown>) =>
  asPublishedFixture(app, () => app.strapi.documents(ARTICLE).create({ data: { publishDate: '2024-03-01T08:00:00.000Z', ...data } as any, status: 'published' }));

const draftOf = (uid: string, documentId: string, locale = 'zh-Hans') =>
  app.strapi.db.query(uid as any).findOne({ where: { documentId, locale, publishedAt: null } });
const publishedOf = (uid: string, documentId: string, locale = 'zh-Hans') =>
  app.strapi.db.query(uid as any).findOne({ where: { documentId, locale, publishedAt: { $notNull: true } } });

const counts = async () => ({
  replacements: await app.strapi.db.query(REPLACEMENT).count(),
  changes: await app.strapi.db.query(CHANGE).count(),
  events: await app.strapi.db.query(EVENT).count(),
});

const itemsOf = (res: any) => res.body.data.items as any[];
const ludingId = () => luding.documentId as string;

// Fixtures: several counties' items naming the old department, in titles, summaries, sources and richtext.
const BODY_KANGDING =
  `为促进高校毕业生就业，由${OLD}主办的春季招聘月活动在康定市举行。\n\n` +
  `详情见[${OLD}网站](https://rsj.gzz.gov.cn/${OLD}/notice "${OLD}")。<span title="${OLD}">咨询电话：0836-2822000（${OLD}就业科）</span>`;

let kangding: any;
let luding: any;
let danbaFaq: any;
let jiulongDraft: any;
let yajiang: any;
let prefectureItem: any;
let laterEdited: any;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  // Four eyes: a second admin applies what the first previewed.
  applier = await createAdmin(app);
  await grantRoleActions(app, ['api::article.article.findOne', 'api::article.article.find']);

  kangding = await publishedArticle({ title: '康定市举办2024年春季招聘月活动', summary: `${OLD}、康定市人民政府联合举办`, body: BODY_KANGDING, source: OLD, ownerSite: 'kangding' });
  await app.strapi.documents(ARTICLE).update({ documentId: kangding.documentId, locale: 'bo', data: { title: `དར་མདོ་གྲོང་ཁྱེར། ${OLD}`, body: `${OLD} དང་དར་མདོ་གྲོང་ཁྱེར་གྱིས་མཉམ་དུ་ལས་ཞིབ་ཚོགས་འདུ་ཚོགས་པ།` } as any });
  luding = await publishedArticle({ title: '泸定县开展农民工工资支付专项检查', body: `根据${OLD}统一部署，泸定县开展专项检查。`, source: OLD, ownerSite: 'luding' });
  danbaFaq = await asPublishedFixture(app, () =>
    app.strapi.documents(FAQ).create({ data: { question: '社保卡在哪里办理？', answer: `可到丹巴县政务服务中心或${OLD}社保窗口办理。`, ownerSite: 'danba' } as any, status: 'published' })
  );
  jiulongDraft = await app.strapi.documents(ARTICLE).create({ data: { title: `九龙县转发${OLD}关于做好失业保险稳岗返还工作的通知`, body: '草稿', ownerSite: 'jiulong' } as any });
  yajiang = await publishedArticle({ title: '雅江县就业服务进乡村', body: `${OLD}指导雅江县开展就业服务。`, ownerSite: 'yajiang' });
  prefectureItem = await publishedArticle({ title: `${OLD}关于2024年度职称评审工作的通知`, body: '各县（市）人社局：……', ownerSite: 'ganzi' });
  laterEdited = await publishedArticle({ title: '理塘县举办创业培训班', body: `${OLD}派员授课。`, ownerSite: 'litang' });
  // The prefecture item is placed by reference in 康定市's notice column.
  const placed = await api(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: prefectureItem.documentId, site: 'kangding', column: 'tzgg' });
  expect(placed.status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
});

describe('preview', () => {
  it('lists every match in context across the counties and changes nothing', async () => {
    const before = { kangding: await draftOf(ARTICLE, kangding.documentId), luding: await publishedOf(ARTICLE, luding.documentId) };
    const res = await api(admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'ganzi', includeDescendants: true } });
    expect(res.status).toBe(201);
    const data = res.body.data;
    expect(data.status).toBe('previewed');
    const keys = itemsOf(res).map((i) => `${i.uid}|${i.documentId}|${i.locale}`).sort();
    expect(keys).toEqual(
      [
        `${ARTICLE}|${kangding.documentId}|zh-Hans`,
        `${ARTICLE}|${kangding.documentId}|bo`,
        `${ARTICLE}|${luding.documentId}|zh-Hans`,
        `${FAQ}|${danbaFaq.documentId}|zh-Hans`,
        `${ARTICLE}|${jiulongDraft.documentId}|zh-Hans`,
        `${ARTICLE}|${yajiang.documentId}|zh-Hans`,
        `${ARTICLE}|${prefectureItem.documentId}|zh-Hans`,
        `${ARTICLE}|${laterEdited.documentId}|zh-Hans`,
      ].sort()
    );
    const k = itemsOf(res).find((i) => i.documentId === kangding.documentId && i.locale === 'zh-Hans');
    expect(k).toMatchObject({ site: 'kangding', title: '康定市举办2024年春季招聘月活动', published: true });
    // summary, source, and in the body: the sentence, the link text and the span text, never the link target, its title or the attribute.
    expect(k.matches.map((m: any) => m.field).sort()).toEqual(['body', 'body', 'body', 'source', 'summary']);
    const bodyMatch = k.matches.find((m: any) => m.field === 'body');
    expect(bodyMatch.before).toContain(`由${OLD}主办`);
    expect(bodyMatch.after).toContain(`由${NEW}主办`);
    // 康定 zh 5 (summary, source, three in the body), 康定 bo 2, 泸定 2, and one in each of the other five.
    expect(data.counts).toMatchObject({ items: 8, matches: 14 });
    // Nothing changed.
    expect(await draftOf(ARTICLE, kangding.documentId)).toEqual(before.kangding);
    expect(await publishedOf(ARTICLE, luding.documentId)).toEqual(before.luding);
    // The preview can be read again, page by page.
    const again = await api(admin).get(`/distribution/replacements/${data.id}?pageSize=3&page=2`);
    expect(again.status).toBe(200);
    expect(again.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 3, total: 8 });
  });

  it('limits the scope to a site, adding items placed there from elsewhere, and filters types and locales', async () => {
    const res = await api(admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'kangding', includeDescendants: false }, locales: ['zh-Hans'], contentTypes: [ARTICLE] });
    expect(res.status).toBe(201);
    const items = itemsOf(res);
    expect(items.map((i) => i.documentId).sort()).toEqual([kangding.documentId, prefectureItem.documentId].sort());
    expect(items.find((i) => i.documentId === prefectureItem.documentId)).toMatchObject({ site: 'ganzi', placedIn: ['kangding'] });
    expect(items.every((i) => i.locale === 'zh-Hans')).toBe(true);
  });

  it('finds the same set with an RE2 pattern, expanding groups in the replacement', async () => {
    const res = await api(admin).post('/distribution/replacements/preview', {
      find: '甘孜州(人力资源和社会保障)局',
      replace: '甘孜藏族自治州$1局',
      regex: true,
      scope: { site: 'ganzi', includeDescendants: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.counts).toMatchObject({ items: 8, matches: 14 });
    const luding = itemsOf(res).find((i) => i.documentId === ludingId());
    expect(luding.matches[0].after).toContain(NEW);
  });

  it('refuses bad bodies with the field path, storing nothing', async () => {
    const before = await counts();
    const cases: [object, (string | number)[]][] = [
      [{ find: OLD, replace: NEW, scope: { site: 'ganzi' }, extra: 1 }, ['extra']],
      [{ find: OLD, replace: NEW, scope: { site: 'ganzi', depth: 2 } }, ['scope', 'depth']],
      [{ find: '', replace: NEW, scope: { site: 'ganzi' } }, ['find']],
      [{ find: OLD, scope: { site: 'ganzi' } }, ['replace']],
      [{ find: OLD, replace: NEW, scope: { site: 'atlantis' } }, ['scope', 'site']],
      [{ find: OLD, replace: NEW, scope: { site: 'ganzi' }, contentTypes: [ARTICLE, 'api::nothing.nothing'] }, ['contentTypes', '1']],
      [{ find: OLD, replace: NEW, scope: { site: 'ganzi' }, contentTypes: ['plugin::site-group.site'] }, ['contentTypes', '0']],
      [{ find: OLD, replace: NEW, scope: { site: 'ganzi' }, locales: ['zh-Hans', 'xx'] }, ['locales', '1']],
      [{ find: '(人社)局\\1', replace: NEW, regex: true, scope: { site: 'ganzi' } }, ['find']],
      [{ find: '(?<=甘孜州)人社局', replace: NEW, regex: true, scope: { site: 'ganzi' } }, ['find']],
      [{ find: '(a)', replace: '$2', regex: true, scope: { site: 'ganzi' } }, ['replace']],
      [{ find: 'x'.repeat(501), replace: NEW, scope: { site: 'ganzi' } }, ['find']],
    ];
    for (const [body, path] of cases) {
      const res = await api(admin).post('/distribution/replacements/preview', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.details.errors.map((e: any) => e.path)).toContainEqual(path);
    }
    const backreference = await api(admin).post('/distribution/replacements/preview', { find: '(人社)局\\1', replace: NEW, regex: true, scope: { site: 'ganzi' } });
    expect(backreference.body.error.message).toMatch(/Backreferences .* are not supported/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a preview with more matches than the cap', async () => {
    const config = app.strapi.config.get('plugin::distribution') as any;
    const saved = config.replacement.maxMatches;
    config.replacement.maxMatches = 3;
    try {
      const before = await counts();
      const res = await api(admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'ganzi', includeDescendants: true } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/more than 3 matches/);
      expect(await counts()).toEqual(before);
    } finally {
      config.replacement.maxMatches = saved;
    }
  });

  it('runs a catastrophic pattern over a long input on RE2, fast', async () => {
    const long = await app.strapi.documents(ARTICLE).create({ data: { title: '长文本测试', body: `${'a'.repeat(60_000)}!`, ownerSite: 'batang' } as any });
    const started = Date.now();
    const res = await api(admin).post('/distribution/replacements/preview', { find: '(a+)+$', replace: 'b', regex: true, scope: { site: 'batang' } });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.body.data.counts.items).toBe(0);
    await app.strapi.documents(ARTICLE).delete({ documentId: long.documentId });
  });
});

describe('apply and rollback', () => {
  let id: number;

  it('changes exactly the previewed set, skips an item edited since, and republishes the new text', async () => {
    const preview = await api(admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'ganzi', includeDescendants: true }, locales: ['zh-Hans'] });
    id = preview.body.data.id;
    expect(preview.body.data.counts.items).toBe(7);
    // After the preview: an editor changes one item, and a new item with the phrase appears.
    await asPublishedFixture(app, async () => {
      await app.strapi.documents(ARTICLE).update({ documentId: laterEdited.documentId, locale: 'zh-Hans', data: { body: `${OLD}派员授课，共培训120人。` } as any });
    });
    const newcomer = await publishedArticle({ title: `稻城县转发${OLD}通知`, body: '新稿件', ownerSite: 'daocheng' });

    const res = await api(applier).post(`/distribution/replacements/${id}/apply`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ applied: 6, skipped: 1, failed: 0, republished: 5 });
    expect(res.body.data.notes).toContainEqual({ uid: ARTICLE, documentId: laterEdited.documentId, locale: 'zh-Hans', state: 'skipped', reason: 'edited since the preview' });

    const k = await draftOf(ARTICLE, kangding.documentId);
    expect(k.summary).toBe(`${NEW}、康定市人民政府联合举办`);
    expect(k.source).toBe(NEW);
    // Plain text replaced, markup untouched: link target and title, span attribute.
    expect(k.body).toBe(
      `为促进高校毕业生就业，由${NEW}主办的春季招聘月活动在康定市举行。\n\n` +
        `详情见[${NEW}网站](https://rsj.gzz.gov.cn/${OLD}/notice "${OLD}")。<span title="${OLD}">咨询电话：0836-2822000（${NEW}就业科）</span>`
    );
    // Published versions carry the new text, over the public REST API.
    const rest = await app.request().get(`/api/articles/${kangding.documentId}`);
    expect(rest.status).toBe(200);
    expect(rest.body.data.source).toBe(NEW);
    expect(rest.body.data.body).toContain(`由${NEW}主办`);
    expect((await publishedOf(FAQ, danbaFaq.documentId)).answer).toBe(`可到丹巴县政务服务中心或${NEW}社保窗口办理。`);
    expect((await publishedOf(ARTICLE, prefectureItem.documentId)).title).toBe(`${NEW}关于2024年度职称评审工作的通知`);
    // The draft-only item is changed and stays a draft; the Tibetan locale was not in the set.
    expect((await draftOf(ARTICLE, jiulongDraft.documentId)).title).toContain(NEW);
    expect(await publishedOf(ARTICLE, jiulongDraft.documentId)).toBeNull();
    expect((await draftOf(ARTICLE, kangding.documentId, 'bo')).title).toContain(OLD);
    // The edited item and the newcomer are untouched.
    expect((await draftOf(ARTICLE, laterEdited.documentId)).body).toBe(`${OLD}派员授课，共培训120人。`);
    expect((await publishedOf(ARTICLE, newcomer.documentId)).title).toContain(OLD);

    // Audited here (who, what, counts) and in review-workflow's trail (a trusted publish with the replacement as its reason).
    const audit = await api(admin).get(`/distribution/replacements/${id}/audit`);
    expect(audit.body.data.map((e: any) => e.action)).toEqual(['preview', 'apply']);
    expect(audit.body.data[1]).toMatchObject({ actorId: applier.id, find: OLD, replace: NEW, counts: { applied: 6, skipped: 1, failed: 0, republished: 5 } });
    const trail = await app.strapi.plugin('review-workflow').service('audit-trail').history(ARTICLE, kangding.documentId, 'zh-Hans');
    expect(trail.map((e: any) => e.action)).toEqual(expect.arrayContaining(['cluster-replacement', 'trusted-publish']));
    expect(trail.find((e: any) => e.action === 'trusted-publish' && /cluster replacement #/.test(e.comment))).toBeTruthy();

    const again = await api(applier).post(`/distribution/replacements/${id}/apply`);
    expect(again.status).toBe(409);
  });

  it('rolls back to the exact previous values, republishing, and skips an item edited since the apply', async () => {
    await app.strapi.documents(ARTICLE).update({ documentId: jiulongDraft.documentId, locale: 'zh-Hans', data: { body: '草稿（已修改）' } as any });
    const res = await api(admin).post(`/distribution/replacements/${id}/rollback`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ restored: 5, skipped: 1, failed: 0, republished: 5 });
    expect(res.body.data.notes).toContainEqual({ uid: ARTICLE, documentId: jiulongDraft.documentId, locale: 'zh-Hans', state: 'rollback-skipped', reason: 'edited since the apply' });

    expect((await draftOf(ARTICLE, kangding.documentId)).body).toBe(BODY_KANGDING);
    const rest = await app.request().get(`/api/articles/${kangding.documentId}`);
    expect(rest.body.data.body).toBe(BODY_KANGDING);
    expect(rest.body.data.source).toBe(OLD);
    expect((await publishedOf(FAQ, danbaFaq.documentId)).answer).toBe(`可到丹巴县政务服务中心或${OLD}社保窗口办理。`);
    expect((await draftOf(ARTICLE, jiulongDraft.documentId)).title).toContain(NEW);

    const state = await api(admin).get(`/distribution/replacements/${id}?state=rolled-back`);
    expect(state.body.data.status).toBe('rolled-back');
    expect(state.body.meta.pagination.total).toBe(5);
    expect((await api(admin).post(`/distribution/replacements/${id}/rollback`)).status).toBe(409);
  });

  it('does not republish a draft with unreviewed changes, and lets only one of two concurrent applies run', async () => {
    const pending = await publishedArticle({ title: '炉霍县举办就业援助月活动', body: `${OLD}到场指导。`, ownerSite: 'luhuo' });
    // An unpublished edit waits for review in the draft: republishing would release it unreviewed.
    await app.strapi.documents(ARTICLE).update({ documentId: pending.documentId, locale: 'zh-Hans', data: { summary: '待审核的修改' } as any });
    const preview = await api(admin).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'luhuo' }, locales: ['zh-Hans'] });
    expect(preview.body.data.counts.items).toBe(1);
    const both = await Promise.all([1, 2].map(() => api(applier).post(`/distribution/replacements/${preview.body.data.id}/apply`)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const applied = both.find((r) => r.status === 200)!.body.data;
    expect(applied).toMatchObject({ applied: 1, republished: 0 });
    expect(applied.notes[0].reason).toMatch(/not published yet/);
    expect((await draftOf(ARTICLE, pending.documentId)).body).toBe(`${NEW}到场指导。`);
    expect((await publishedOf(ARTICLE, pending.documentId)).body).toBe(`${OLD}到场指导。`);
    expect((await publishedOf(ARTICLE, pending.documentId)).summary).toBeNull();
  });

  it('keeps its audit append-only', async () => {
    await expect(app.strapi.documents(EVENT as any).create({ data: { replacementId: 1, action: 'forged' } as any })).rejects.toMatchObject({ name: 'PolicyError' });
  });
});

describe('permissions', () => {
  let editor: AdminSession;
  let viewer: AdminSession;

  beforeAll(async () => {
    const replacer = await createRole(app, '替换编辑', [
      { action: 'plugin::distribution.replacement.preview' },
      { action: 'plugin::distribution.replacement.apply' },
    ]);
    editor = await createAdmin(app, { roles: [replacer.id] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(editor.id, 'kangding', false);
    const reader = await createRole(app, '只读', [{ action: 'plugin::distribution.replacement.preview' }]);
    viewer = await createAdmin(app, { roles: [reader.id] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(viewer.id, 'kangding', false);
  });

  it('lets an editor replace only in the sites they may act for', async () => {
    const wide = await api(editor).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'ganzi', includeDescendants: true } });
    expect(wide.status).toBe(403);
    expect(wide.body.error.message).toMatch(/outside the sites assigned to you/);

    const own = await api(editor).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'kangding' }, locales: ['zh-Hans'] });
    expect(own.status).toBe(201);
    // The prefecture item placed in 康定市 belongs to a site the editor may not act for: reported, not included.
    expect(itemsOf(own).map((i) => i.documentId)).toEqual([kangding.documentId]);
    expect(own.body.data.excluded).toEqual([expect.objectContaining({ documentId: prefectureItem.documentId, site: 'ganzi' })]);
  });

  it('needs the RBAC action for each route', async () => {
    const preview = await api(viewer).post('/distribution/replacements/preview', { find: OLD, replace: NEW, scope: { site: 'kangding' } });
    expect(preview.status).toBe(201);
    const apply = await api(viewer).post(`/distribution/replacements/${preview.body.data.id}/apply`);
    expect(apply.status).toBe(403);
    expect((await app.strapi.db.query(REPLACEMENT).findOne({ where: { id: preview.body.data.id } })).status).toBe('previewed');
    const anonymous = await app.request().post('/distribution/replacements/preview').send({ find: OLD, replace: NEW, scope: { site: 'kangding' } });
    expect(anonymous.status).toBe(401);
  });
});
