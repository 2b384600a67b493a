import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites, demoSites } from '../../database/seeds/demo-sites';

const SITE = 'plugin::site-group.site';
const COLUMN = 'plugin::site-group.column';
const CM_SITE = `/content-manager/collection-types/${SITE}`;
const CM_COLUMN = `/content-manager/collection-types/${COLUMN}`;

let app: TestApp;
let admin: AdminSession;
let sites: Map<string, string>;

const siteRow = (code: string) =>
  app.strapi.db.query(SITE).findOne({ where: { code }, populate: { parent: { select: ['documentId', 'code'] } } });

beforeAll(async () => {
  app = await bootStrapi();
  admin = await createAdmin(app);
  ({ sites } = await seedDemoSites(app.strapi));
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/site-group/sites', () => {
  it('returns the 1+18+19 Garzê tree nested under the prefecture, in Chinese by default', async () => {
    const res = await app.request().get('/api/site-group/sites');
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ locale: 'zh-Hans', total: 38 });
    expect(res.body.data).toHaveLength(1);
    const root = res.body.data[0];
    expect(root).toMatchObject({ code: 'ganzi', name: '甘孜藏族自治州人民政府', level: 'prefecture', kind: 'portal', regionCode: '513300' });
    expect(root.children).toHaveLength(37);
    const counties = root.children.filter((c: any) => c.kind === 'portal');
    const departments = root.children.filter((c: any) => c.kind === 'department');
    expect(counties).toHaveLength(18);
    expect(departments).toHaveLength(19);
    expect(counties[0]).toMatchObject({ code: 'kangding', name: '康定市', level: 'county', siteIdentifier: '5133010001' });
    expect(departments.every((d: any) => d.level === 'prefecture' && d.regionCode === '513300')).toBe(true);
  });

  it('gives Tibetan names with locale=bo, and marks the sites that fall back to Chinese', async () => {
    const res = await app.request().get('/api/site-group/sites').query({ locale: 'bo' });
    expect(res.status).toBe(200);
    expect(res.body.meta.locale).toBe('bo');
    const root = res.body.data[0];
    expect(root.name).toBe('དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ་མི་དམངས་སྲིད་གཞུང་།');
    expect(root.localeFallback).toBeUndefined();
    const luding = root.children.find((c: any) => c.code === 'luding');
    expect(luding.name).toBe('ལྕགས་ཟམ་རྫོང་།');
    const department = root.children.find((c: any) => c.kind === 'department');
    expect(department).toMatchObject({ name: '州发展和改革委员会', localeFallback: true });
  });

  it('serves the current tree after every change, and answers 304 to a matching ETag', async () => {
    const first = await app.request().get('/api/site-group/sites');
    expect(first.headers.etag).toBeTruthy();
    const unchanged = await app.request().get('/api/site-group/sites').set('If-None-Match', first.headers.etag);
    expect(unchanged.status).toBe(304);

    await app.strapi.documents(SITE).update({ documentId: sites.get('derong')!, data: { name: '得荣县人民政府' } as any });
    const renamed = await app.request().get('/api/site-group/sites').set('If-None-Match', first.headers.etag);
    expect(renamed.status).toBe(200);
    expect(renamed.body.data[0].children.find((c: any) => c.code === 'derong').name).toBe('得荣县人民政府');
    await app.strapi.documents(SITE).update({ documentId: sites.get('derong')!, data: { name: '得荣县' } as any });
    const restored = await app.request().get('/api/site-group/sites');
    expect(restored.body.data[0].children.find((c: any) => c.code === 'derong').name).toBe('得荣县');
  });

  it('refuses an unknown locale or state with 400 naming the parameter', async () => {
    const bad = await app.request().get('/api/site-group/sites').query({ locale: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('xx');
    expect(bad.body.error.details.errors[0].path).toEqual(['locale']);
    const badStatus = await app.request().get('/api/site-group/sites').query({ state: 'deleted' });
    expect(badStatus.status).toBe(400);
  });
});

describe('GET /api/site-group/sites/:code', () => {
  it('returns one site with its breadcrumb and column tree, names in the locale', async () => {
    const res = await app.request().get('/api/site-group/sites/luding').query({ locale: 'bo' });
    expect(res.status).toBe(200);
    const site = res.body.data;
    expect(site).toMatchObject({ code: 'luding', name: 'ལྕགས་ཟམ་རྫོང་།', regionCode: '513322', domains: ['luding.gzz.gov.cn'] });
    expect(site.parent).toMatchObject({ code: 'ganzi' });
    expect(site.ancestors.map((a: any) => a.code)).toEqual(['ganzi']);
    expect(site.columns.map((c: any) => c.slug)).toEqual(['ywdt', 'tzgg', 'zcwj', 'zcjd', 'bsfw', 'hdjl']);
    expect(site.columns[1]).toMatchObject({ slug: 'tzgg', name: 'བརྡ་ཐོ།', kind: 'list' });

    const zh = await app.request().get('/api/site-group/sites/ganzi');
    expect(zh.body.data.columns[1].name).toBe('通知公告');
    expect(zh.body.data.children).toHaveLength(37);
  });

  it('answers 404 for an unknown code', async () => {
    const res = await app.request().get('/api/site-group/sites/no-such-site');
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});

describe('editing the tree in the admin (Content Manager)', () => {
  const cm = () => ({
    put: (path: string) => app.request().put(path).set('Authorization', `Bearer ${admin.jwt}`),
    post: (path: string) => app.request().post(path).set('Authorization', `Bearer ${admin.jwt}`),
    del: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${admin.jwt}`),
  });

  it('creates a township site under a county and moves it to another county', async () => {
    const created = await cm().post(CM_SITE).send({
      code: 'lucheng', name: '炉城街道', level: 'township', kind: 'portal', regionCode: '513301', state: 'active',
      parent: { connect: [{ documentId: sites.get('kangding') }] },
    });
    expect(created.body.error ?? null).toBeNull();
    expect(created.status).toBe(201);
    const moved = await cm().put(`${CM_SITE}/${created.body.data.documentId}`).send({ parent: { connect: [{ documentId: sites.get('luding') }], disconnect: [] } });
    expect(moved.status).toBe(200);
    expect((await siteRow('lucheng')).parent.code).toBe('luding');
  });

  it('refuses to move a site under its own descendant (400) and changes nothing', async () => {
    const before = await siteRow('ganzi');
    const res = await cm().put(`${CM_SITE}/${sites.get('ganzi')}`).send({
      name: '改名不应生效', parent: { connect: [{ documentId: sites.get('kangding') }], disconnect: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['parent']);
    expect(res.body.error.message).toMatch(/descendant/);
    const after = await siteRow('ganzi');
    expect(after.parent).toBeNull();
    expect(after.name).toBe(before.name);
  });

  it('refuses a site as its own parent, and a grandchild as parent, through the Document Service too', async () => {
    await expect(
      app.strapi.documents(SITE).update({ documentId: sites.get('kangding')!, data: { parent: sites.get('kangding') } as any })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const township = await siteRow('lucheng');
    await expect(
      app.strapi.documents(SITE).update({ documentId: sites.get('ganzi')!, data: { parent: township.documentId } as any })
    ).rejects.toThrow(/descendant/);
    expect((await siteRow('kangding')).parent.code).toBe('ganzi');
  });

  it('refuses bad site values with 400 and the field path, saving nothing', async () => {
    const count = await app.strapi.db.query(SITE).count();
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'bad-region', name: 'x', level: 'county', kind: 'portal', regionCode: '51330' }, 'regionCode'],
      [{ code: 'bad-level', name: 'x', level: 'city', kind: 'portal', regionCode: '513300' }, 'level'],
      [{ code: 'Bad Code', name: 'x', level: 'county', kind: 'portal', regionCode: '513300' }, 'code'],
      [{ code: 'kangding', name: 'dup', level: 'county', kind: 'portal', regionCode: '513301' }, 'code'],
      [{ code: 'bad-ident', name: 'x', level: 'county', kind: 'portal', regionCode: '513300', siteIdentifier: '123' }, 'siteIdentifier'],
      [{ code: 'bad-domain', name: 'x', level: 'county', kind: 'portal', regionCode: '513300', domains: ['https://x.gov.cn/'] }, 'domains'],
      [{ code: 'bad-tr', name: 'x', level: 'county', kind: 'portal', regionCode: '513300', translations: { fr: { name: 'x' } } }, 'translations'],
    ];
    for (const [data, field] of cases) {
      const res = await cm().post(CM_SITE).send(data);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.error.details.errors.map((e: any) => e.path[0])).toContain(field);
    }
    expect(await app.strapi.db.query(SITE).count()).toBe(count);
  });

  it('stores Tibetan translations NFC-normalised', async () => {
    const decomposed = 'ལྕགས་ཟམ་རྫོང་།'.normalize('NFD') + 'ཱི'.normalize('NFD');
    const res = await cm().put(`${CM_SITE}/${sites.get('danba')}`).send({ translations: { bo: { name: decomposed } } });
    expect(res.status).toBe(200);
    const row = await siteRow('danba');
    expect(row.translations.bo.name).toBe(decomposed.normalize('NFC'));
  });

  it('refuses to delete a site that still has child sites or columns', async () => {
    const res = await cm().del(`${CM_SITE}/${sites.get('kangding')}`);
    expect(res.status).toBe(400);
    expect(await siteRow('kangding')).not.toBeNull();
  });

  it('keeps column slugs unique within a site and parent columns inside the same site', async () => {
    const dup = await cm().post(CM_COLUMN).send({ name: '通知公告二', slug: 'tzgg', kind: 'list', site: { connect: [{ documentId: sites.get('luding') }] } });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details.errors[0].path).toEqual(['slug']);

    const elsewhere = await cm().post(CM_COLUMN).send({ name: '专题', slug: 'zt-ganzi', kind: 'topic', site: { connect: [{ documentId: sites.get('ganzi') }] } });
    expect(elsewhere.status).toBe(201);
    const crossSite = await cm().post(CM_COLUMN).send({
      name: '子栏目', slug: 'zlm', kind: 'list',
      site: { connect: [{ documentId: sites.get('luding') }] },
      parent: { connect: [{ documentId: elsewhere.body.data.documentId }] },
    });
    expect(crossSite.status).toBe(400);
    expect(crossSite.body.error.details.errors[0].path).toEqual(['parent']);

    const orphan = await cm().post(CM_COLUMN).send({ name: '无站点', slug: 'orphan', kind: 'list' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details.errors[0].path).toEqual(['site']);

    const sub = await cm().post(CM_COLUMN).send({
      name: '子专题', slug: 'zt-sub', kind: 'topic',
      site: { connect: [{ documentId: sites.get('ganzi') }] },
      parent: { connect: [{ documentId: elsewhere.body.data.documentId }] },
    });
    expect(sub.status).toBe(201);
    const loop = await cm().put(`${CM_COLUMN}/${elsewhere.body.data.documentId}`).send({ parent: { connect: [{ documentId: sub.body.data.documentId }], disconnect: [] } });
    expect(loop.status).toBe(400);
  });

  it('seeding again adds nothing', async () => {
    const sitesBefore = await app.strapi.db.query(SITE).count();
    const columnsBefore = await app.strapi.db.query(COLUMN).count();
    const again = await seedDemoSites(app.strapi);
    expect(again).toMatchObject({ sitesCreated: 0, columnsCreated: 0 });
    expect(await app.strapi.db.query(SITE).count()).toBe(sitesBefore);
    expect(await app.strapi.db.query(COLUMN).count()).toBe(columnsBefore);
    expect(demoSites()).toHaveLength(38);
  });
});
