import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, grantRoleActions } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
const county = (code: string) => cluster.counties.find((c) => c.code === code)!;
let app: TestApp;
const ids: Record<string, string> = {};

/** A published Chinese article, with a Tibetan version (published, or a draft only) when given. */
const article = async (key: string, zh: string, bo?: { title: string; published: boolean }) => {
  const created = await app.strapi.documents(ARTICLE).create({ data: { title: zh, summary: `${zh}。`, ownerSite: 'ganzi', publishDate: new Date(Date.UTC(2025, 0, Object.keys(ids).length + 1)) } as any, locale: 'zh-Hans' });
  ids[key] = created.documentId;
  await asPublishedFixture(app, async () => {
    await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'zh-Hans' });
    if (!bo) return;
    await app.strapi.documents(ARTICLE).update({ documentId: created.documentId, locale: 'bo', data: { title: bo.title, summary: bo.title } as any });
    if (bo.published) await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bo' });
  });
};

const get = (path: string, query: Record<string, unknown>) => app.request().get(path).query(query);

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  await grantRoleActions(app, [`${ARTICLE}.find`, `${ARTICLE}.findOne`]);
  await article('kangding', '康定市召开政务公开工作会议', { title: `${county('kangding').bo} ཚོགས་འདུ།`, published: true });
  await article('luding', '泸定县防汛工作通知', { title: `${county('luding').bo} བརྡ་ཐོ།`, published: false });
  await article('danba', '丹巴县人民政府工作报告');
});
afterAll(async () => {
  await app?.stop();
});

describe('locale fallback on the REST routes', () => {
  it('lists every document in Tibetan where published in Tibetan, else in Chinese marked localeFallback', async () => {
    const res = await get('/api/articles', { locale: 'bo', fallback: 'zh-Hans', sort: 'publishDate:asc' });
    expect(res.status).toBe(200);
    const byId = new Map<string, Record<string, unknown>>(res.body.data.map((a: any) => [a.documentId, a]));
    expect(res.body.data).toHaveLength(3);
    expect(byId.get(ids.kangding)).toMatchObject({ locale: 'bo', title: `${county('kangding').bo} ཚོགས་འདུ།` });
    expect(byId.get(ids.kangding)).not.toHaveProperty('localeFallback');
    // A Tibetan draft is not public: the Chinese version is shown.
    expect(byId.get(ids.luding)).toMatchObject({ locale: 'zh-Hans', title: '泸定县防汛工作通知', localeFallback: true });
    expect(byId.get(ids.danba)).toMatchObject({ locale: 'zh-Hans', localeFallback: true });
    // The order and pages are those of the list; links point to the other language.
    expect(res.body.data.map((a: any) => a.documentId)).toEqual([ids.kangding, ids.luding, ids.danba]);
    expect(byId.get(ids.kangding)?.alternates).toEqual([{ locale: 'zh-Hans', documentId: ids.kangding, url: `/api/articles/${ids.kangding}?locale=zh-Hans` }]);
    expect(byId.get(ids.danba)?.alternates).toEqual([]);
    expect(res.body.meta).toMatchObject({ locale: 'bo', fallback: 'zh-Hans', pagination: { total: 3 } });
    // Sanitized as REST output: no editor fields.
    for (const item of res.body.data) expect(item).not.toHaveProperty('createdBy');
  });

  it('keeps the requested fields for swapped items', async () => {
    const res = await get('/api/articles', { locale: 'bo', fallback: 'zh-Hans', fields: ['title'] });
    const tibetan = res.body.data.find((a: any) => a.documentId === ids.kangding);
    expect(tibetan.title).toBe(`${county('kangding').bo} ཚོགས་འདུ།`);
    expect(tibetan).not.toHaveProperty('summary');
  });

  it('serves one item in Tibetan where it exists, else in Chinese, with alternates', async () => {
    const bo = await get(`/api/articles/${ids.kangding}`, { locale: 'bo', fallback: 'zh-Hans' });
    expect(bo.status).toBe(200);
    expect(bo.body.data).toMatchObject({ locale: 'bo', alternates: [{ locale: 'zh-Hans', documentId: ids.kangding }] });
    expect(bo.body.data).not.toHaveProperty('localeFallback');

    const zh = await get(`/api/articles/${ids.luding}`, { locale: 'bo', fallback: 'zh-Hans' });
    expect(zh.status).toBe(200);
    expect(zh.body.data).toMatchObject({ locale: 'zh-Hans', title: '泸定县防汛工作通知', localeFallback: true, alternates: [] });

    const chinese = await get(`/api/articles/${ids.kangding}`, { locale: 'zh-Hans', fallback: 'zh-Hans' });
    expect(chinese.body.data.alternates).toEqual([{ locale: 'bo', documentId: ids.kangding, url: `/api/articles/${ids.kangding}?locale=bo` }]);
  });

  it('leaves requests without fallback as Strapi answers them, and refuses an unknown locale', async () => {
    const plain = await get('/api/articles', { locale: 'bo' });
    expect(plain.body.data).toHaveLength(1);
    expect(plain.body.data[0]).not.toHaveProperty('alternates');
    expect((await get(`/api/articles/${ids.danba}`, { locale: 'bo' })).status).toBe(404);

    const bad = await get('/api/articles', { locale: 'bo', fallback: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['fallback']);
  });

  it('reads paging written in Tibetan digits', async () => {
    const res = await get('/api/articles', { locale: 'bo', fallback: 'zh-Hans', sort: 'publishDate:asc', 'pagination[pageSize]': '༢', 'pagination[page]': '༢' });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(res.body.data.map((a: any) => a.documentId)).toEqual([ids.danba]);
  });

  it('works for the other types, with populate kept on swapped items', async () => {
    const FAQ = 'api::faq.faq';
    await grantRoleActions(app, [`${FAQ}.find`]);
    const faq = await app.strapi.documents(FAQ).create({ locale: 'zh-Hans', data: { question: '康定市如何申请最低生活保障？', answer: '向乡镇人民政府提出申请。', ownerSite: 'kangding' } as any });
    await asPublishedFixture(app, async () => {
      await app.strapi.documents(FAQ).publish({ documentId: faq.documentId, locale: 'zh-Hans' });
      await app.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'bo', data: { question: `${county('kangding').bo} དམའ་ཤོས་འཚོ་བའི་འགན་ལེན་ཞུ་ཐབས་ཅི་ཡིན།`, answer: 'ཤང་སྲིད་གཞུང་ལ་ཞུ་བ་འབུལ།' } as any });
      await app.strapi.documents(FAQ).publish({ documentId: faq.documentId, locale: 'bo' });
    });
    await grantRoleActions(app, ['api::policy.policy.find']);
    const res = await get('/api/faqs', { locale: 'bo', fallback: 'zh-Hans', populate: 'relatedPolicies' });
    expect(res.status).toBe(200);
    const { alternates, ...swapped } = res.body.data[0];
    expect(alternates).toEqual([expect.objectContaining({ locale: 'zh-Hans' })]);
    // Exactly what Strapi's own route answers for the Tibetan version, populate and sanitization included.
    const plain = await get('/api/faqs', { locale: 'bo', populate: 'relatedPolicies' });
    expect(swapped).toEqual(plain.body.data[0]);
    expect(swapped).toMatchObject({ locale: 'bo', relatedPolicies: [] });
  });

  it('still enforces the route permissions', async () => {
    expect((await get('/api/service-guides', { locale: 'bo', fallback: 'zh-Hans' })).status).toBe(403);
    expect((await get('/api/interpretations/x', { locale: 'bo', fallback: 'zh-Hans' })).status).toBe(403);
  });
});

describe('locale fallback on the site-group content routes', () => {
  beforeAll(async () => {
    const admin = await createAdmin(app);
    for (const key of ['kangding', 'luding']) {
      const res = await app.request().post('/site-group/placements').set('Authorization', `Bearer ${admin.jwt}`)
        .send({ contentType: ARTICLE, documentId: ids[key], site: 'ganzi', column: 'ywdt' });
      expect(res.status).toBeLessThan(300);
    }
  });

  it('lists a column in Tibetan with Chinese fallbacks, each item linking its other-language page', async () => {
    const res = await get('/api/site-group/sites/ganzi/columns/ywdt/items', { locale: 'bo', fallback: 'zh-Hans' });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.map((a: any) => [a.documentId, a]));
    expect(byId.get(ids.kangding)).toMatchObject({
      locale: 'bo',
      alternates: [{ locale: 'zh-Hans', documentId: ids.kangding, url: `/api/site-group/sites/ganzi/items/${ids.kangding}?locale=zh-Hans` }],
    });
    expect(byId.get(ids.luding)).toMatchObject({ locale: 'zh-Hans', localeFallback: true, alternates: [] });
  });

  it('adds alternates to an item page and refuses a fallback site-group does not apply', async () => {
    const res = await get(`/api/site-group/sites/ganzi/items/${ids.kangding}`, { locale: 'zh-Hans', fallback: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(res.body.data.alternates).toEqual([{ locale: 'bo', documentId: ids.kangding, url: `/api/site-group/sites/ganzi/items/${ids.kangding}?locale=bo` }]);
    expect((await get('/api/site-group/sites/ganzi/columns/ywdt/items', { locale: 'zh-Hans', fallback: 'bo' })).status).toBe(400);
  });
});

describe('locale fallback on cluster-search', () => {
  /** The index follows a publish within moments; wait for the hit rather than for a fixed time. */
  const searchUntilFound = async (query: Record<string, unknown>, documentId: string) => {
    for (let tries = 0; tries < 40; tries++) {
      const res = await get('/api/cluster-search/search', query);
      if (res.status !== 200) return res;
      if (res.body.hits.some((h: any) => h.documentId === documentId)) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no hit for ${documentId}`);
  };

  it('marks hits shown in Chinese for a Tibetan reader and links each hit to its other language', async () => {
    const danba = await searchUntilFound({ q: '丹巴县人民政府工作报告', locale: 'bo', fallback: 'zh-Hans' }, ids.danba);
    const hit = danba.body.hits.find((h: any) => h.documentId === ids.danba);
    expect(hit).toMatchObject({ locale: 'zh-Hans', localeFallback: true, alternates: [] });

    const kangding = await searchUntilFound({ q: '康定市召开政务公开工作会议', locale: 'zh-Hans', fallback: 'zh-Hans' }, ids.kangding);
    const chinese = kangding.body.hits.find((h: any) => h.documentId === ids.kangding);
    expect(chinese.localeFallback).toBeUndefined();
    expect(chinese.alternates).toEqual([{ locale: 'bo', documentId: ids.kangding, url: `/api/articles/${ids.kangding}?locale=bo` }]);
  });
});
