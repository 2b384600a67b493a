import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
const GLOSSARY = 'plugin::bilingual.glossary-term';
const RECORD = 'plugin::bilingual.translation-record';
const county = (code: string) => cluster.counties.find((c) => c.code === code)!;
const stem = (bo: string) => bo.replace(/\u0F0B?\u0F0D$/u, '');

let app: TestApp;
let admin: AdminSession;
let token: string;

const pretranslate = (body: object, session = admin) =>
  app.request().post('/bilingual/pretranslate').set('Authorization', `Bearer ${session.jwt}`).send(body);
const boDraft = (documentId: string) => app.strapi.db.query(ARTICLE).findOne({ where: { documentId, locale: 'bo', publishedAt: null } });

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  token = await createApiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('glossary', () => {
  it('is seeded with the official names on bootstrap, once', async () => {
    const terms = await app.strapi.db.query(GLOSSARY).findMany({});
    expect(terms).toHaveLength(1 + cluster.counties.length + cluster.departments.length);
    expect(terms.filter((t: any) => t.approved)).toHaveLength(1 + cluster.counties.length);
    expect(terms.find((t: any) => t.zh === '康定市')).toMatchObject({ bo: county('kangding').bo, domain: 'place-name', approved: true });
    expect(terms.find((t: any) => t.zh === '州财政局')).toMatchObject({ bo: null, domain: 'organization', approved: false });

    // A corrected term survives the next boot's seeding.
    const luding = terms.find((t: any) => t.zh === '泸定县');
    await app.strapi.db.query(GLOSSARY).update({ where: { id: luding.id }, data: { note: 'checked by a native reader' } });
    expect(await app.strapi.plugin('bilingual').service('glossary').seedOfficialNames()).toBe(0);
    expect(await app.strapi.db.query(GLOSSARY).count({})).toBe(terms.length);
    expect((await app.strapi.db.query(GLOSSARY).findOne({ where: { id: luding.id } })).note).toBe('checked by a native reader');
  });

  it('stores terms NFC, as edited in the Content Manager', async () => {
    const typed = 'ཀ\u0F72\u0F71་རྫོང་';
    const term = await app.strapi.documents(GLOSSARY).create({ data: { zh: ' 测试县 ', bo: typed, domain: 'place-name', approved: false } as any });
    const row = await app.strapi.db.query(GLOSSARY).findOne({ where: { documentId: term.documentId } });
    expect(row).toMatchObject({ zh: '测试县', bo: typed.normalize('NFC') });
    await app.strapi.documents(GLOSSARY).delete({ documentId: term.documentId });
  });
});

describe('POST /bilingual/pretranslate', () => {
  it('creates a Tibetan draft with approved terms substituted, marked machine-assisted, never published', async () => {
    const zh = await app.strapi.documents(ARTICLE).create({
      locale: 'zh-Hans',
      data: { title: `${cluster.prefecture.zh}关于康定市和甘孜县防汛工作的通知`, summary: '州财政局、泸定县。', ownerSite: 'ganzi' } as any,
    });
    const res = await pretranslate({ uid: ARTICLE, documentId: zh.documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ locale: 'bo', status: 'draft', machineAssisted: true });
    expect(res.body.data.substitutions.map((s: any) => s.zh).sort()).toEqual([cluster.prefecture.zh, '康定市', '泸定县', '甘孜县'].sort());

    const bo = await boDraft(zh.documentId);
    expect(bo.title).toBe(`${stem(cluster.prefecture.bo)}关于${stem(county('kangding').bo)}和${stem(county('ganzi-xian').bo)}防汛工作的通知`);
    // An unapproved term (no Tibetan yet) stays as it is; a name closing a sentence keeps its shad.
    expect(bo.summary).toBe(`州财政局、${county('luding').bo}。`);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: zh.documentId, publishedAt: { $notNull: true } } })).toBe(0);
    expect(await app.strapi.db.query(RECORD).findOne({ where: { itemDocumentId: zh.documentId, itemLocale: 'bo' } })).toMatchObject({ machineAssisted: true });
    const status = await app.request().get('/bilingual/status').query({ site: 'ganzi', contentType: ARTICLE }).set('Authorization', `Bearer ${admin.jwt}`);
    expect(status.body.data[0].locales.bo.documents['up-to-date']).toEqual([expect.objectContaining({ documentId: zh.documentId, machineAssisted: true })]);

    // The Chinese version is untouched.
    const source = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: zh.documentId, locale: 'zh-Hans' } });
    expect(source.title).toBe(`${cluster.prefecture.zh}关于康定市和甘孜县防汛工作的通知`);
  });

  it('refreshes a machine-assisted draft, but not a human translation unless forced', async () => {
    const zh = await app.strapi.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title: '丹巴县通知', ownerSite: 'danba' } as any });
    expect((await pretranslate({ uid: ARTICLE, documentId: zh.documentId })).status).toBe(200);
    await app.strapi.documents(ARTICLE).update({ documentId: zh.documentId, locale: 'zh-Hans', data: { title: '丹巴县公告' } as any });
    expect((await pretranslate({ uid: ARTICLE, documentId: zh.documentId })).status).toBe(200);
    expect((await boDraft(zh.documentId)).title).toBe(`${stem(county('danba').bo)}公告`);

    // A translator saves a real Tibetan title: the draft is no longer machine-assisted.
    const human = `${county('danba').bo} གསལ་བསྒྲགས།`;
    const saved = await app.request().put(`/api/articles/${zh.documentId}?locale=bo&status=draft`).set('Authorization', `Bearer ${token}`).send({ data: { title: human } });
    expect(saved.status).toBe(200);
    expect(await app.strapi.db.query(RECORD).findOne({ where: { itemDocumentId: zh.documentId, itemLocale: 'bo' } })).toMatchObject({ machineAssisted: false });

    const refused = await pretranslate({ uid: ARTICLE, documentId: zh.documentId });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['force']);
    expect((await boDraft(zh.documentId)).title).toBe(human);
    expect((await pretranslate({ uid: ARTICLE, documentId: zh.documentId, force: true })).status).toBe(200);
    expect((await boDraft(zh.documentId)).title).toBe(`${stem(county('danba').bo)}公告`);
  });

  it('validates its body, answers 404 for an unknown document and needs pretranslate.run', async () => {
    expect((await pretranslate({ uid: 'api::nope.nope', documentId: 'x' })).body.error.details.errors[0].path).toEqual(['uid']);
    expect((await pretranslate({ uid: ARTICLE, documentId: 'x', colour: 'red' })).body.error.details.errors[0].path).toEqual(['colour']);
    expect((await pretranslate({ uid: ARTICLE })).status).toBe(400);
    expect((await pretranslate({ uid: ARTICLE, documentId: 'nosuchdocument0000000000' })).status).toBe(404);
    const role = await createRole(app, 'Reader', [{ action: 'plugin::bilingual.status.read' }]);
    const reader = await createAdmin(app, { roles: [role.id] });
    expect((await pretranslate({ uid: ARTICLE, documentId: 'x' }, reader)).status).toBe(403);
  });
});
