import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemo, type SeedDemoResult } from '../../database/seeds';
import { CONTENT_UIDS, INDEX_NUMBER } from '../../database/seeds/demo-content';

const UIDS = Object.values(CONTENT_UIDS);
const TIBETAN = /[\u0F00-\u0FFF]/u;
const ADMIN = { email: 'demo-admin@jiyue.test', password: 'Gz-demo-2025-Seed' };

let app: TestApp;
let first: SeedDemoResult;
let second: SeedDemoResult;
let rowsAfterFirst: Record<string, number>;
let rowsAfterSecond: Record<string, number>;
const logs: string[] = [];

/** Every row of the seeded tables (all locales, drafts and published), to prove a rerun writes nothing. */
const countRows = async () => {
  const counts: Record<string, number> = {};
  for (const uid of [...UIDS, 'plugin::site-group.site', 'plugin::site-group.column', 'plugin::users-permissions.permission', 'admin::user']) {
    counts[uid] = await app.strapi.db.query(uid as any).count();
  }
  return counts;
};

const publishedIn = async (locale: string) => {
  let total = 0;
  for (const uid of UIDS) total += await app.strapi.db.query(uid as any).count({ where: { locale, publishedAt: { $notNull: true } } });
  return total;
};

/** A public (anonymous) GET through the real HTTP stack; fails loudly on anything but 200. */
const get = async (path: string) => {
  const res = await app.request().get(path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

beforeAll(async () => {
  process.env.ADMIN_EMAIL = ADMIN.email;
  process.env.ADMIN_PASSWORD = ADMIN.password;
  app = await bootStrapi();
  first = await seedDemo(app.strapi, { log: (m) => logs.push(m) });
  rowsAfterFirst = await countRows();
  second = await seedDemo(app.strapi, { log: (m) => logs.push(m) });
  rowsAfterSecond = await countRows();
}, 900_000);

afterAll(async () => {
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  await app?.stop();
});

describe('seedDemo', () => {
  it('creates the site tree and at least 200 published items across the five types, 20+ of them also in Tibetan', async () => {
    expect(first.sites).toEqual({ created: 38, columnsCreated: 228, total: 38 });
    const created = Object.values(first.content.created).reduce((a, b) => a + b, 0);
    expect(created).toBeGreaterThanOrEqual(200);
    for (const n of Object.values(first.content.created)) expect(n).toBeGreaterThan(0);
    expect(await publishedIn('zh-Hans')).toBe(created);

    const translated = Object.values(first.content.translated).reduce((a, b) => a + b, 0);
    expect(translated).toBeGreaterThanOrEqual(20);
    expect(await publishedIn('bo')).toBe(translated);
    expect(first.permissionsGranted).toBe(10);
  });

  it('fills every site\'s columns: each item in its owner\'s column, prefecture policies pushed to all 18 counties', async () => {
    expect(first.placements.created).toBeGreaterThan(first.content.documents);
    const news = await app.request().get('/api/site-group/sites/ganzi/columns/zcwj/items?pageSize=5');
    expect(news.status).toBe(200);
    expect(news.body.data.length).toBeGreaterThan(0);
    const pushed = news.body.data[0].documentId;
    const where = await app.request().get(`/api/site-group/items/${pushed}/placements`);
    expect(where.body.data.filter((p: any) => p.column === 'zcwj')).toHaveLength(19);
    const county = await app.request().get('/api/site-group/sites/kangding/columns/zcwj/items');
    expect(county.body.data.map((i: any) => i.documentId)).toContain(pushed);
    const page = await app.request().get(`/api/site-group/sites/kangding/items/${pushed}?locale=bo`);
    expect(page.status).toBe(200);
    expect(page.body.meta.pageMeta.SiteName).toBe('དར་མདོ་གྲོང་ཁྱེར།');
  });

  it('adds nothing on a second run', () => {
    expect(second.sites).toMatchObject({ created: 0, columnsCreated: 0 });
    expect(Object.values(second.content.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(second.content.translated).every((n) => n === 0)).toBe(true);
    expect(second.placements.created).toBe(0);
    expect(second.permissionsGranted).toBe(0);
    expect(second.admin.created).toBe(false);
    expect(rowsAfterSecond).toEqual(rowsAfterFirst);
  });

  it('stores valid disclosure metadata and NFC Tibetan text', async () => {
    const policies = await app.strapi.db.query(CONTENT_UIDS.policy).findMany({ where: { locale: 'zh-Hans', publishedAt: { $notNull: true } } });
    expect(policies.every((p: any) => INDEX_NUMBER.test(p.indexNumber))).toBe(true);
    expect(policies.every((p: any) => !p.summary || p.summary.length <= 100)).toBe(true);
    expect(new Set(policies.map((p: any) => p.level))).toEqual(new Set(['national', 'provincial', 'prefecture', 'county']));

    const tibetan = await app.strapi.db.query(CONTENT_UIDS.article).findMany({ where: { locale: 'bo' }, select: ['title', 'body'] });
    for (const { title, body } of tibetan) {
      expect(title).toMatch(TIBETAN);
      expect(title).toBe(title.normalize('NFC'));
      expect(body).toBe(body.normalize('NFC'));
    }
  });
});

describe('owning sites', () => {
  it('gives every item the site it was written for: county, department or prefecture portal', async () => {
    const sites = new Set((await app.strapi.db.query('plugin::site-group.site').findMany({ select: ['code'] })).map((s: any) => s.code));
    const owners = new Set<string>();
    for (const uid of UIDS) {
      for (const row of await app.strapi.db.query(uid as any).findMany({ select: ['ownerSite'] })) owners.add(row.ownerSite);
    }
    expect([...owners].filter((code) => !sites.has(code))).toEqual([]);
    expect(owners.size).toBeGreaterThan(30);

    const owner = async (uid: string, where: object) => (await app.strapi.db.query(uid as any).findOne({ where, select: ['ownerSite'] })).ownerSite;
    const kangding = await app.strapi.db.query(CONTENT_UIDS.article).findOne({ where: { title: '康定市召开2025年政务公开工作推进会' } });
    expect(kangding.ownerSite).toBe('kangding');
    // The Tibetan version is the same item, so it keeps the owner.
    expect(await owner(CONTENT_UIDS.article, { documentId: kangding.documentId, locale: 'bo' })).toBe('kangding');
    expect(await owner(CONTENT_UIDS.serviceGuide, { itemCode: '513300-RSJ-YLCB-01' })).toBe('ganzi-rsj');
    expect(await owner(CONTENT_UIDS.policy, { title: '中华人民共和国政府信息公开条例' })).toBe('ganzi');
  });
});

describe('the seeded content over the public REST API', () => {
  it('lists policies with their interpretations, and every regulation or normative file has one', async () => {
    const body = await get('/api/policies?locale=zh-Hans&populate=interpretations&pagination[pageSize]=100');
    expect(body.meta.pagination.total).toBe(first.content.created.policy);
    const binding = body.data.filter((p: any) => p.documentKind === 'regulation' || p.documentKind === 'normative');
    expect(binding.length).toBeGreaterThan(20);
    // Named, so a failure says which file went out without its interpretation (退文).
    expect(binding.filter((p: any) => p.interpretations.length === 0).map((p: any) => p.title)).toEqual([]);
    const newest = await get('/api/policies?populate=interpretations&sort=publishDate:desc');
    expect(newest.data[0].interpretations.length).toBeGreaterThan(0);
  });

  it('shows each interpretation with its policy, and the policy lists it back', async () => {
    const body = await get('/api/interpretations?populate=policy&pagination[pageSize]=100');
    expect(body.data.length).toBe(first.content.created.interpretation);
    expect(body.data.every((i: any) => i.policy?.documentId)).toBe(true);

    const graphic = body.data.find((i: any) => i.form === 'graphic');
    const policy = await get(`/api/policies/${graphic.policy.documentId}?populate=interpretations`);
    expect(policy.data.interpretations.map((i: any) => i.documentId)).toContain(graphic.documentId);
  });

  it('links the national → provincial → prefecture → county chain in both directions', async () => {
    const chain = '/api/policies?populate[implements]=true&populate[implementedBy]=true&pagination[pageSize]=100';
    const { data } = await get(chain);
    const byId = new Map(data.map((p: any) => [p.documentId, p]));
    const prefecture: any = data.find((p: any) => p.title.includes('《甘孜州2025年政务公开工作要点》'));

    expect(prefecture.level).toBe('prefecture');
    const provincial: any = byId.get(prefecture.implements[0].documentId);
    expect(provincial.level).toBe('provincial');
    const national: any = byId.get(provincial.implements[0].documentId);
    expect(national.level).toBe('national');
    expect(national.implements).toEqual([]);
    expect(prefecture.implementedBy.map((p: any) => p.level)).toEqual(['county', 'county']);

    // Downwards again through implementedBy.
    expect(national.implementedBy.map((p: any) => p.documentId)).toContain(provincial.documentId);
    expect(provincial.implementedBy.map((p: any) => p.documentId)).toContain(prefecture.documentId);
    const county: any = byId.get(prefecture.implementedBy[0].documentId);
    expect(county.implements.map((p: any) => p.documentId)).toEqual([prefecture.documentId]);

    for (const p of data.filter((x: any) => x.level !== 'national')) expect(p.implements.length).toBe(1);
  });

  it('returns Tibetan articles with locale=bo', async () => {
    const body = await get('/api/articles?locale=bo');
    expect(body.meta.pagination.total).toBe(first.content.translated.article);
    expect(body.data.length).toBeGreaterThan(0);
    for (const article of body.data) {
      expect(article.locale).toBe('bo');
      expect(article.title).toMatch(TIBETAN);
    }
    const sites = await get('/api/site-group/sites?locale=bo');
    expect(sites.data[0].name).toMatch(TIBETAN);
  });

  it('serves service guides with materials, time limits, legal basis and FAQs', async () => {
    const { data: guides } = await get('/api/service-guides?populate[materials]=true&populate[legalBasis]=true&populate[faqs]=true&pagination[pageSize]=100');
    expect(guides.length).toBe(first.content.created.serviceGuide);
    for (const g of guides) {
      expect(g.materials.length).toBeGreaterThan(0);
      expect(g.legalBasis.length).toBeGreaterThan(0);
      expect(g.faqs.length).toBeGreaterThan(0);
      expect(g.promisedTimeLimit).toBeLessThanOrEqual(g.statutoryTimeLimit);
      expect(g.onlineEntryUrl).toMatch(/^https:\/\//);
    }
    const { data: faqs } = await get('/api/faqs?populate[relatedPolicies]=true&populate[relatedServiceGuides]=true&pagination[pageSize]=100');
    expect(faqs.every((f: any) => f.relatedPolicies.length > 0)).toBe(true);
    expect(faqs.filter((f: any) => f.relatedServiceGuides.length > 0).length).toBeGreaterThan(20);
  });
});

describe('the admin account', () => {
  it('creates the Super Admin from ADMIN_EMAIL/ADMIN_PASSWORD, who can log in', async () => {
    expect(first.admin).toEqual({ email: ADMIN.email, created: true, passwordGenerated: false });
    expect(logs.join('\n')).not.toContain(ADMIN.password);
    const res = await app.request().post('/admin/login').send(ADMIN);
    expect(res.status).toBe(200);
    expect(res.body.data.token).toEqual(expect.any(String));
  });

  it('generates a password when none is given, prints it once, and it works', async () => {
    const users = await app.strapi.db.query('admin::user').findMany({ select: ['id'] });
    for (const { id } of users) await app.strapi.db.query('admin::user').delete({ where: { id } });
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;

    const printed: string[] = [];
    const result = await seedDemo(app.strapi, { log: (m) => printed.push(m) });
    expect(result.admin).toMatchObject({ created: true, passwordGenerated: true });
    const password = printed.map((l) => l.match(/^\s*password:\s+(\S+)$/)?.[1]).find(Boolean)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(printed.filter((l) => l.includes(password))).toHaveLength(1);

    const res = await app.request().post('/admin/login').send({ email: result.admin.email, password });
    expect(res.status).toBe(200);

    const again: string[] = [];
    await seedDemo(app.strapi, { log: (m) => again.push(m) });
    expect(again.join('\n')).not.toContain(password);
  });
});
