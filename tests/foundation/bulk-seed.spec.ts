import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { bulkSeed, bulkSites, INDEX_NUMBER_PATTERN, type BulkSeedResult } from '../../database/seeds/bulk';
import { makeTextGenerator, loadVocabulary } from '../../database/seeds/vocabulary';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';

const ARTICLE = 'api::article.article';
const POLICY = 'api::policy.policy';
const ITEMS = 2000;
const DOCUMENT_ID = /^[a-z0-9]{24}$/;

let app: TestApp;
let token: string;
let seeded: BulkSeedResult;

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'read-only');
  // Content belongs to a site in this cluster, so the demo tree comes first, as in a real install.
  await seedDemoSites(app.strapi);
  seeded = await bulkSeed(app.strapi, { items: ITEMS });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const api = (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`);

describe('makeTextGenerator', () => {
  it('is deterministic per seed and ends sentences in 。 or །', () => {
    const a = makeTextGenerator(7);
    const b = makeTextGenerator(7);
    expect([a.zhTitle(), a.boTitle(), ...a.zhParagraphs(2)]).toEqual([b.zhTitle(), b.boTitle(), ...b.zhParagraphs(2)]);
    for (let i = 0; i < 50; i += 1) {
      expect(a.zhSentence()).toMatch(/。$/);
      expect(a.boSentence()).toMatch(/\u0F0D$/);
    }
  });

  it('keeps length limits without cutting a Tibetan syllable', () => {
    const text = makeTextGenerator(3);
    const syllables = new Set(loadVocabulary().bo.map(([s]) => s));
    for (let i = 0; i < 200; i += 1) {
      const title = text.boTitle(40);
      const sentence = text.boSentence(100);
      expect(title.length).toBeLessThanOrEqual(40);
      expect(sentence.length).toBeLessThanOrEqual(100);
      expect(text.zhSentence(100).length).toBeLessThanOrEqual(100);
      for (const part of `${title}\u0F0B${sentence}`.split(/[\u0F0B\u0F0D]+/).filter(Boolean)) expect(syllables).toContain(part);
      expect(sentence.normalize('NFC')).toBe(sentence);
    }
  });
});

describe('bulkSeed', () => {
  it('creates the requested documents: 10 % policies, 10 % of each in Tibetan', () => {
    expect(seeded.items).toBe(ITEMS);
    expect(seeded.articles).toEqual({ 'zh-Hans': 1620, bo: 180 });
    expect(seeded.policies).toEqual({ 'zh-Hans': 180, bo: 20 });
    expect(seeded.rows).toBe(2 * ITEMS);
  });

  it('keeps a draft and a published row per document, as the Document Service does', async () => {
    const { strapi } = app;
    for (const [uid, counts] of [[ARTICLE, seeded.articles], [POLICY, seeded.policies]] as const) {
      for (const locale of ['zh-Hans', 'bo'] as const) {
        expect(await strapi.documents(uid).count({ locale, status: 'draft' })).toBe(counts[locale]);
        expect(await strapi.documents(uid).count({ locale, status: 'published' })).toBe(counts[locale]);
      }
      const rows = await strapi.db.query(uid).findMany({ select: ['documentId', 'locale', 'publishedAt'] });
      const byDocument = new Map<string, { drafts: number; published: number; locales: Set<string> }>();
      for (const row of rows) {
        expect(row.documentId).toMatch(DOCUMENT_ID);
        const entry = byDocument.get(row.documentId) ?? { drafts: 0, published: 0, locales: new Set<string>() };
        entry[row.publishedAt ? 'published' : 'drafts'] += 1;
        entry.locales.add(row.locale);
        byDocument.set(row.documentId, entry);
      }
      expect(byDocument.size).toBe(counts['zh-Hans'] + counts.bo);
      for (const entry of byDocument.values()) {
        expect(entry).toMatchObject({ drafts: 1, published: 1 });
        expect(entry.locales.size).toBe(1);
      }
    }
  });

  it('serves bulk documents over REST, Tibetan ones with locale=bo', async () => {
    const bo = await api('/api/articles?locale=bo&pagination[pageSize]=5');
    expect(bo.status).toBe(200);
    expect(bo.body.meta.pagination.total).toBe(180);
    expect(bo.body.data).toHaveLength(5);
    for (const item of bo.body.data) {
      expect(item.locale).toBe('bo');
      expect(item.title).toMatch(/^[\u0F00-\u0FFF]+$/);
      expect(item.documentId).toMatch(DOCUMENT_ID);
    }

    const zh = await api('/api/articles?pagination[pageSize]=1&sort=publishDate:desc');
    expect(zh.status).toBe(200);
    expect(zh.body.meta.pagination.total).toBe(1620);
    expect(zh.body.data[0].locale).toBe('zh-Hans');
  });

  it('looks like a normally created document to the Document Service and REST', async () => {
    const { strapi } = app;
    const normal = await asPublishedFixture(app, () =>
      strapi.documents(ARTICLE).create({ data: { title: '普通新建的信息', publishDate: new Date() } as any, status: 'published' })
    );
    const [bulk] = await strapi.documents(ARTICLE).findMany({ locale: 'zh-Hans', status: 'published', filters: { documentId: { $ne: normal.documentId } }, limit: 1 });

    const viaService = await strapi.documents(ARTICLE).findOne({ documentId: bulk.documentId, status: 'published' });
    const draft = await strapi.documents(ARTICLE).findOne({ documentId: bulk.documentId, status: 'draft' });
    expect(viaService).toMatchObject({ documentId: bulk.documentId, title: bulk.title, locale: 'zh-Hans' });
    expect(viaService?.publishedAt).toBeTruthy();
    expect(draft).toMatchObject({ documentId: bulk.documentId, title: bulk.title, publishedAt: null });
    // When site-group gives content an owning site, bulk rows carry one as normal writes do.
    if ('ownerSite' in strapi.db.metadata.get(ARTICLE).attributes) {
      expect((bulk as any).ownerSite).toBeTruthy();
      expect((normal as any).ownerSite).toBeTruthy();
    }

    const [bulkRest, normalRest] = await Promise.all([api(`/api/articles/${bulk.documentId}`), api(`/api/articles/${normal.documentId}`)]);
    expect(bulkRest.status).toBe(200);
    expect(normalRest.status).toBe(200);
    expect(Object.keys(bulkRest.body.data).sort()).toEqual(Object.keys(normalRest.body.data).sort());
    expect((await api('/api/articles?pagination[pageSize]=1')).body.meta.pagination.total).toBe(1621);

    // Publishing again through the Document Service treats the bulk document like any other.
    await strapi.documents(ARTICLE).update({ documentId: bulk.documentId, data: { title: '更新后的标题' } as any });
    // (and is gated like any other: an unreviewed change does not publish)
    await expect(strapi.documents(ARTICLE).publish({ documentId: bulk.documentId })).rejects.toMatchObject({ name: 'PolicyError' });
    await asPublishedFixture(app, () => strapi.documents(ARTICLE).publish({ documentId: bulk.documentId }));
    expect((await strapi.documents(ARTICLE).findOne({ documentId: bulk.documentId, status: 'published' }))?.title).toBe('更新后的标题');
    expect(await strapi.documents(ARTICLE).count({ status: 'draft' })).toBe(1621);
    expect(await strapi.documents(ARTICLE).count({ status: 'published' })).toBe(1621);
  });

  it('spreads publishDate over five years', async () => {
    const rows = await app.strapi.db.query(ARTICLE).findMany({ select: ['publishDate'], where: { publishedAt: { $notNull: true } } });
    const years = new Set(rows.filter((r: any) => r.publishDate).map((r: any) => new Date(r.publishDate).getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(5);
    const oldest = Math.min(...rows.map((r: any) => new Date(r.publishDate).getTime()));
    expect(Date.now() - oldest).toBeLessThanOrEqual(5.1 * 365 * 86_400_000);
  });

  it('gives policies unique index numbers of the 索引号 pattern, also across repeated loads', async () => {
    await bulkSeed(app.strapi, { items: 300, policyShare: 1, seed: 1 }); // same seed: same authorities and years again
    const rows = await app.strapi.db.query(POLICY).findMany({ select: ['documentId', 'indexNumber', 'documentNumber', 'publishedAt'] });
    const published = rows.filter((r: any) => r.publishedAt);
    expect(published).toHaveLength(seeded.policies['zh-Hans'] + seeded.policies.bo + 300);
    for (const row of published) {
      expect(row.indexNumber).toMatch(INDEX_NUMBER_PATTERN);
      expect(row.documentNumber).toMatch(/^[\u4e00-\u9fa5A-Za-z0-9]{1,30}〔(?:19|20)[0-9]{2}〕[0-9]{1,5}号$/);
    }
    expect(new Set(published.map((r: any) => r.indexNumber)).size).toBe(published.length);
    const draftIndex = new Map(rows.filter((r: any) => !r.publishedAt).map((r: any) => [r.documentId, r.indexNumber]));
    for (const row of published) expect(draftIndex.get(row.documentId)).toBe(row.indexNumber);
  });
});

describe('bulkSites', () => {
  const walk = (nodes: any[], visit: (node: any, parent: any) => void, parent: any = null) => {
    for (const node of nodes) {
      visit(node, parent);
      walk(node.children, visit, node);
    }
  };

  it('builds a province tree the site API returns nested, with Tibetan names', async () => {
    const result = await bulkSites(app.strapi, { count: 300 });
    expect(result.sites).toBe(300);
    expect(result.byLevel.province).toBe(1);

    const res = await app.request().get('/api/site-group/sites?locale=bo');
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBe(338); // next to the 38 demo sites
    const root = res.body.data.find((n: any) => n.code === result.rootCode);
    expect(root).toMatchObject({ level: 'province', name: 'སི་ཁྲོན་ཞིང་ཆེན།', regionCode: '510000' });

    const below = { province: 'prefecture', prefecture: 'county', county: 'township' } as Record<string, string>;
    const identifiers = new Set<string>();
    let count = 0;
    walk([root], (node, parent) => {
      count += 1;
      identifiers.add(node.siteIdentifier);
      expect(node.siteIdentifier).toMatch(/^[0-9A-Z]{10}$/);
      expect(node.regionCode).toMatch(/^[0-9]{6}$/);
      if (!parent) return;
      expect(node.level).toBe(below[parent.level]);
      if (node.level === 'township') expect(node.regionCode).toBe(parent.regionCode);
      else expect(node.regionCode.slice(0, node.level === 'prefecture' ? 2 : 4)).toBe(parent.regionCode.slice(0, node.level === 'prefecture' ? 2 : 4));
    });
    expect(count).toBe(300);
    expect(identifiers.size).toBe(300);

    const county = root.children[0].children[0];
    expect(county.name).toMatch(/རྫོང་།$/);
    const township = county.children[0];
    const detail = await app.request().get(`/api/site-group/sites/${township.code}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.ancestors.map((a: any) => a.level)).toEqual(['province', 'prefecture', 'county']);
    expect(detail.body.data.name).toMatch(/[镇乡]$/);
  });
});
