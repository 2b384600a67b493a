import fs from 'fs';
import path from 'path';
import cluster from '../../database/seeds/garze-cluster.json';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { liftRateLimits } from '../helpers/rate-limits';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { seedDemoContent } from '../../database/seeds/demo-content';
import { seedDemoPlacements } from '../../database/seeds/demo-placements';

const ARTICLE = 'api::article.article';
const POLICY = 'api::policy.policy';

/**
 * The search behaviour, written once and run against each engine: the embedded FTS5 index always,
 * Typesense when a server is reachable (otherwise the suite is reported as skipped).
 */
export const searchBehaviour = (engine: 'embedded' | 'typesense') => {
  let app: TestApp;
  let admin: AdminSession;
  let seq = 0;

  const search = (query: Record<string, unknown>) => app.request().get('/api/cluster-search/search').query(query);
  const indexer = () => app.strapi.plugin('cluster-search').service('indexer');
  const fixture = <T>(fn: () => Promise<T>) => asPublishedFixture(app, fn);
  const adminApi = (session: AdminSession) => ({
    get: (path: string, query: Record<string, unknown> = {}) => app.request().get(path).query(query).set('Authorization', `Bearer ${session.jwt}`),
    post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
    put: (path: string, body: object = {}) => app.request().put(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
    delete: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${session.jwt}`),
  });

  const article = async (data: Record<string, unknown>, { publish = true } = {}) =>
    fixture(() =>
      app.strapi.documents(ARTICLE).create({
        data: { summary: null, body: '', publishDate: '2024-05-01T08:00:00.000Z', ...data } as any,
        ...(publish ? { status: 'published' as const } : {}),
      })
    );

  let indexSeq = 0;
  const policy = async (data: Record<string, unknown>) => {
    indexSeq += 1;
    return fixture(() =>
      app.strapi.documents(POLICY).create({
        data: {
          indexNumber: `11513300MB0000000X/2024-${String(90000 + indexSeq)}`,
          issuingAuthority: '甘孜藏族自治州人民政府办公室',
          level: 'prefecture',
          documentKind: 'other',
          publishDate: '2024-03-01T00:00:00.000Z',
          ...data,
        } as any,
        status: 'published',
      })
    );
  };

  /** Polls the search until `accept` holds; returns the time it took (must stay within 2 s). */
  const eventually = async (query: Record<string, unknown>, accept: (body: any) => boolean, limitMs = 2000) => {
    const started = Date.now();
    for (;;) {
      const res = await search(query);
      if (res.status === 200 && accept(res.body)) return Date.now() - started;
      if (Date.now() - started > limitMs) throw new Error(`not in step after ${limitMs} ms: ${JSON.stringify(res.body).slice(0, 400)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const ids = (body: any) => body.hits.map((h: any) => h.documentId);

  beforeAll(async () => {
    app = await bootStrapi(`cluster-search-${engine}`);
    // The sync checks poll search every 50 ms from one address: above its per-client rate limit.
    liftRateLimits(app.strapi);
    await seedDemoSites(app.strapi);
    await fixture(() => seedDemoContent(app.strapi));
    await fixture(() => seedDemoPlacements(app.strapi));
    await indexer().flush();
    admin = await createAdmin(app);
    // Seeding the demo takes ~1 min on an idle machine; with seven developers' suites on 2 cores it
    // took more than 240 s (load average ~20), so the fixture gets a larger budget.
  }, 600_000);
  afterAll(async () => {
    const stats = await app?.strapi.plugin('cluster-search').service('engine').get().stats();
    await app?.stop();
    // Each test file has its own embedded index (named after its database): remove it with the database.
    if (stats?.file) {
      const dir = path.dirname(stats.file);
      const name = path.basename(stats.file).split('.')[0];
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`${name}.`)) fs.rmSync(path.join(dir, f), { force: true });
    }
  });

  describe(`index sync (${engine})`, () => {
    it('finds a published item within 2 s, and loses it again on unpublish and delete', async () => {
      const doc = await article({ title: '泸定县开展桥头堡文化旅游节筹备工作', body: '泸定桥畔游客服务中心开放。', ownerSite: 'luding' });
      const tookPublish = await eventually({ q: '桥头堡文化' }, (b) => ids(b).includes(doc.documentId));
      expect(tookPublish).toBeLessThan(2000);

      await fixture(() => app.strapi.documents(ARTICLE).unpublish({ documentId: doc.documentId }));
      expect(await eventually({ q: '桥头堡文化' }, (b) => !ids(b).includes(doc.documentId))).toBeLessThan(2000);

      await fixture(() => app.strapi.documents(ARTICLE).publish({ documentId: doc.documentId }));
      await eventually({ q: '桥头堡文化' }, (b) => ids(b).includes(doc.documentId));
      await app.strapi.documents(ARTICLE).delete({ documentId: doc.documentId });
      expect(await eventually({ q: '桥头堡文化' }, (b) => b.total === 0)).toBeLessThan(2000);
    });

    it('never finds drafts or items that are not publicly disclosed', async () => {
      const draft = await article({ title: '尚未发布的雪灾应急演练草稿', ownerSite: 'kangding' }, { publish: false });
      const secret = await policy({ title: '关于雪灾应急物资储备的内部通知', disclosure: 'not-public' });
      const visible = await policy({ title: '关于雪灾应急物资储备的公开通知', disclosure: 'proactive' });
      await indexer().flush();
      await eventually({ q: '雪灾应急' }, (b) => ids(b).includes(visible.documentId));
      const res = await search({ q: '雪灾应急' });
      expect(ids(res.body)).not.toContain(draft.documentId);
      expect(ids(res.body)).not.toContain(secret.documentId);
    });

    it('drops a retracted item (unpublished, then distribution.retraction.completed) within 2 s', async () => {
      const doc = await article({ title: '关于虫草采挖季节交通管制的通告', ownerSite: 'kangding' });
      await eventually({ q: '虫草采挖' }, (b) => ids(b).includes(doc.documentId));
      const started = Date.now();
      await fixture(() => app.strapi.documents(ARTICLE).unpublish({ documentId: doc.documentId }));
      app.strapi.eventHub.emit('distribution.retraction.completed', { uid: ARTICLE, documentId: doc.documentId, locale: 'zh-Hans' });
      await eventually({ q: '虫草采挖' }, (b) => !ids(b).includes(doc.documentId));
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe(`scope on the 1+18+19 tree (${engine})`, () => {
    let luding: any;
    let department: any;
    beforeAll(async () => {
      luding = await article({ title: '泸定县牦牛养殖合作社技术培训', ownerSite: 'luding' });
      department = await article({ title: '州发展改革委牦牛产业规划座谈会', ownerSite: 'ganzi-fgw' });
      await indexer().flush();
    });

    it('site: only what the site shows; subtree: the site and everything below; cluster: all', async () => {
      const site = await search({ q: '牦牛', scope: 'site', site: 'luding' });
      expect(site.status).toBe(200);
      expect(ids(site.body)).toEqual([luding.documentId]);
      expect(ids((await search({ q: '牦牛', scope: 'site', site: 'kangding' })).body)).toEqual([]);
      const subtree = await search({ q: '牦牛', scope: 'subtree', site: 'ganzi' });
      expect(new Set(ids(subtree.body))).toEqual(new Set([luding.documentId, department.documentId]));
      expect(ids((await search({ q: '牦牛', scope: 'subtree', site: 'luding' })).body)).toEqual([luding.documentId]);
      expect(ids((await search({ q: '牦牛', scope: 'site', site: 'ganzi' })).body)).toEqual([]);
      const all = await search({ q: '牦牛', scope: 'cluster' });
      expect(all.body.total).toBe(2);
      expect(all.body.scope).toBe('cluster');
    });

    it('follows a placement into another site within 2 s', async () => {
      const placed = await adminApi(admin).post('/site-group/placements', { contentType: ARTICLE, documentId: luding.documentId, site: 'kangding', column: 'ywdt' });
      expect(placed.status).toBe(201);
      const took = await eventually({ q: '牦牛', scope: 'site', site: 'kangding' }, (b) => ids(b).includes(luding.documentId));
      expect(took).toBeLessThan(2000);
      const hit = (await search({ q: '牦牛', scope: 'site', site: 'kangding' })).body.hits[0];
      expect(hit.sites).toEqual(expect.arrayContaining(['luding', 'kangding']));
      expect(hit.columns).toContain('kangding/ywdt');
      const withdrawn = await adminApi(admin).post(`/site-group/placements/${placed.body.data.id}/withdraw`);
      expect(withdrawn.status).toBe(200);
      await eventually({ q: '牦牛', scope: 'site', site: 'kangding' }, (b) => b.total === 0);
    });
  });

  describe(`Chinese and Tibetan (${engine})`, () => {
    it('finds demo service guides, policies and articles by Chinese words', async () => {
      const res = await search({ q: '养老保险 参保登记' });
      expect(res.status).toBe(200);
      expect(res.body.hits[0]).toMatchObject({ type: 'service-guide', title: '城乡居民基本养老保险参保登记' });
      const policyHit = await search({ q: '政务公开工作要点', type: 'policy' });
      expect(policyHit.body.hits.map((h: any) => h.title)).toContain('甘孜藏族自治州人民政府办公室关于印发《甘孜州2025年政务公开工作要点》的通知');
    });

    it('finds Tibetan text by syllables, with or without tsheg and shad, and mixed queries', async () => {
      const county = cluster.counties.find((c) => c.code === 'luding')!;
      const doc = await article({ title: '泸定县双语公告', ownerSite: 'luding' });
      await fixture(() =>
        app.strapi.documents(ARTICLE).update({
          documentId: doc.documentId,
          locale: 'bo',
          data: { title: `${county.bo}གི་སྐད་གཉིས་བརྡ་ཐོ།`, body: 'སློབ་གསོའི་ལས་དོན། ལོ་༢༠༢༤' } as any,
          status: 'published',
        })
      );
      await indexer().flush();
      const boName = county.bo.normalize('NFC').replace(/[་།]+$/u, '');
      const byName = await search({ q: boName, locale: 'bo' });
      expect(ids(byName.body)).toContain(doc.documentId);
      expect(byName.body.hits.find((h: any) => h.documentId === doc.documentId).snippet + byName.body.hits[0].titleHighlighted).toContain('<mark>');
      // The same syllables typed without the final tsheg, and a Tibetan-digit year typed in Arabic digits.
      expect(ids((await search({ q: 'བརྡ་ཐོ', locale: 'bo', site: 'luding' })).body)).toContain(doc.documentId);
      expect(ids((await search({ q: 'སྐད་གཉིས 2024', locale: 'bo' })).body)).toContain(doc.documentId);
      // Mixed: a Chinese word and a Tibetan syllable in one query, across both locales of the document.
      const mixed = await search({ q: `泸定 ${boName}` });
      expect(mixed.status).toBe(200);
      expect((await search({ q: 'སྲིད་གཞུང་ཆ་འཕྲིན', locale: 'bo' })).body.total).toBeGreaterThan(0);
    });

    it('folds full-width characters and Tibetan digits', async () => {
      const doc = await article({ title: 'ＡＢＣ社区2025年度防汛演练', ownerSite: 'kangding' });
      await indexer().flush();
      expect(ids((await search({ q: 'abc社区' })).body)).toContain(doc.documentId);
      expect(ids((await search({ q: '２０２５年度防汛' })).body)).toContain(doc.documentId);
      expect(ids((await search({ q: '༢༠༢༥ 防汛' })).body)).toContain(doc.documentId);
    });
  });

  describe(`ranking (${engine})`, () => {
    it('ranks the document with that exact document number or index number first', async () => {
      const res = await search({ q: '甘府办发〔2023〕18号' });
      expect(res.status).toBe(200);
      expect(res.body.hits[0]).toMatchObject({ type: 'policy', documentNumber: '甘府办发〔2023〕18号', exactMatch: true });
      const squareBrackets = await search({ q: '甘府办发[2023]18号' });
      expect(squareBrackets.body.hits[0].documentNumber).toBe('甘府办发〔2023〕18号');
      const byIndex = await search({ q: res.body.hits[0].indexNumber });
      expect(byIndex.body.hits[0]).toMatchObject({ documentId: res.body.hits[0].documentId, exactMatch: true });
    });

    it('puts the same region first, then the ancestors’ regions', async () => {
      const prefecture = await article({ title: '高原草场防火宣传月活动 全州部署', ownerSite: 'ganzi' });
      const kangding = await article({ title: '高原草场防火宣传月活动 康定开展', ownerSite: 'kangding' });
      const luding = await article({ title: '泸定县 高原草场防火宣传月活动', ownerSite: 'luding' });
      await indexer().flush();
      const res = await search({ q: '草场防火', region: '513322' });
      expect(ids(res.body)).toEqual([luding.documentId, prefecture.documentId, kangding.documentId]);
      expect(res.body.hits.map((h: any) => h.regionTier)).toEqual([0, 1, null]);
      const bySite = await search({ q: '草场防火', site: 'kangding', scope: 'subtree' });
      expect(bySite.body.region).toBe('513301');
      const fromKangding = await search({ q: '草场防火', region: '513301' });
      expect(ids(fromKangding.body)).toEqual([kangding.documentId, prefecture.documentId, luding.documentId]);
    });
  });

  describe(`results (${engine})`, () => {
    it('returns facets by type, site, theme, year and authority', async () => {
      const res = await search({ q: '政务公开' });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(3);
      for (const key of ['type', 'site', 'theme', 'year', 'authority']) expect(Array.isArray(res.body.facets[key])).toBe(true);
      const typeTotal = res.body.facets.type.reduce((a: number, f: any) => a + f.count, 0);
      expect(typeTotal).toBe(res.body.total);
      expect(res.body.facets.type.map((f: any) => f.value)).toContain('policy');
      expect(res.body.facets.year.length).toBeGreaterThan(0);
      expect(res.body.facets.authority.length).toBeGreaterThan(0);
      const policies = res.body.facets.type.find((f: any) => f.value === 'policy').count;
      expect((await search({ q: '政务公开', type: 'policy' })).body.total).toBe(policies);
      const year = res.body.facets.year[0];
      expect((await search({ q: '政务公开', from: `${year.value}-01-01`, to: `${year.value}-12-31` })).body.total).toBe(year.count);
      expect(typeof res.body.tookMs).toBe('number');
    });

    it('browses by filters alone, newest first', async () => {
      const res = await search({ type: 'policy', pageSize: 20 });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.facets.type.find((f: any) => f.value === 'policy').count);
      const dates = res.body.hits.map((h: any) => h.publishDate ?? '');
      expect(dates.length).toBeGreaterThan(5);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('highlights with <mark> and escapes everything else', async () => {
      const doc = await article({ title: '关于<b>冬季</b>取暖安全的提示', body: '请注意<script>alert(1)</script>冬季取暖用电安全 & 防范一氧化碳中毒。', ownerSite: 'kangding' });
      await indexer().flush();
      const res = await search({ q: '取暖安全' });
      const hit = res.body.hits.find((h: any) => h.documentId === doc.documentId);
      expect(hit.titleHighlighted).toBe('关于&lt;b&gt;冬季&lt;/b&gt;<mark>取暖安全</mark>的提示');
      // Markup in a rich-text body is reduced to its text before indexing; what remains is escaped.
      expect(hit.snippet).not.toContain('<script>');
      expect(hit.snippet).toContain('<mark>');
      expect(hit.snippet).toContain('&amp;');
    });

    it('indexes rich text with its entities decoded: &amp; is "&", never the word amp', async () => {
      const doc = await article({ title: '供暖供气安全提示', body: '<p>供暖&amp;供气&nbsp;安全 &lt;提示&gt; &#x0F40;&#x0F0B;&#x0F41;&#x0F0B;</p>', ownerSite: 'kangding' });
      await indexer().flush();
      const amp = await search({ q: 'amp' });
      expect(amp.status).toBe(200);
      expect(amp.body.hits.map((h: any) => h.documentId)).not.toContain(doc.documentId);
      const nbsp = await search({ q: 'nbsp' });
      expect(nbsp.body.hits.map((h: any) => h.documentId)).not.toContain(doc.documentId);
      // The numeric references are Tibetan syllables once decoded, found as such.
      const tibetan = await search({ q: 'ཀ་ཁ' });
      expect(tibetan.body.hits.map((h: any) => h.documentId)).toContain(doc.documentId);
      const hit = (await search({ q: '供暖' })).body.hits.find((h: any) => h.documentId === doc.documentId);
      // Escaped once for display, from the decoded text: "&amp;", not "&amp;amp;".
      expect(hit.snippet).toBe('<mark>供暖</mark>&amp;供气 安全 &lt;提示&gt; ཀ་ཁ་');
      expect(hit.snippet).not.toContain('amp;amp;');
    });

    it('falls back to zh-Hans for documents without a Tibetan version, marked localeFallback', async () => {
      const res = await search({ q: '政务公开', locale: 'bo', fallback: 'zh-Hans' });
      expect(res.status).toBe(200);
      const fallbacks = res.body.hits.filter((h: any) => h.localeFallback);
      expect(fallbacks.length).toBeGreaterThan(0);
      for (const h of fallbacks) expect(h.locale).toBe('zh-Hans');
      expect((await search({ q: '政务公开', locale: 'bo' })).body.hits.every((h: any) => h.locale === 'bo')).toBe(true);
    });
  });

  describe(`knowledge card (${engine})`, () => {
    it('answers a service item by name or alias with its guide, online entry and three-across links', async () => {
      const res = await search({ q: '城乡居民基本养老保险参保登记' });
      expect(res.body.card).toMatchObject({ kind: 'service-guide', name: '城乡居民基本养老保险参保登记' });
      expect(res.body.card.onlineEntryUrl).toMatch(/^https:\/\//);
      expect(res.body.card.conditions).toBeTruthy();
      expect(res.body.card.policies.length).toBeGreaterThan(0);
      expect(res.body.card.faqs.length).toBeGreaterThan(0);
      const byAlias = await search({ q: '城乡居保参保' });
      expect(byAlias.body.card).toMatchObject({ kind: 'service-guide', name: '城乡居民基本养老保险参保登记' });
    });

    it('answers a policy named by its document number', async () => {
      const res = await search({ q: '甘府办发〔2023〕18号' });
      expect(res.body.card).toMatchObject({ kind: 'policy', documentNumber: '甘府办发〔2023〕18号' });
      expect(Array.isArray(res.body.card.interpretations)).toBe(true);
      expect((await search({ q: '防汛' })).body.card).toBeNull();
    });
  });

  describe(`synonyms (${engine})`, () => {
    it('applies the seeded groups: 医保 finds 医疗保险 and 社保 finds 社会保险', async () => {
      const doc = await article({ title: '城乡居民医疗保险集中缴费期延长', ownerSite: 'kangding' });
      const social = await article({ title: '社会保险费征缴工作会议召开', ownerSite: 'luding' });
      await indexer().flush();
      expect(ids((await search({ q: '医保缴费' })).body)).toContain(doc.documentId);
      expect(ids((await search({ q: '社保' })).body)).toContain(social.documentId);
    });

    it('lets admins with the permission manage groups (400 on bad bodies, 403 without the action)', async () => {
      const doc = await article({ title: '预防高原反应健康提示', ownerSite: 'kangding' });
      await indexer().flush();
      expect((await search({ q: '高反' })).body.total).toBe(0);
      expect((await adminApi(admin).post('/cluster-search/synonyms', { terms: ['高反'] })).status).toBe(400);
      expect((await adminApi(admin).post('/cluster-search/synonyms', { terms: ['高反', '高原反应'], color: 'red' })).status).toBe(400);
      const created = await adminApi(admin).post('/cluster-search/synonyms', { terms: ['高反', '高原反应'] });
      expect(created.status).toBe(201);
      expect(ids((await search({ q: '高反' })).body)).toContain(doc.documentId);
      const list = await adminApi(admin).get('/cluster-search/synonyms');
      expect(list.body.data.map((g: any) => g.terms)).toEqual(expect.arrayContaining([['医保', '医疗保险'], ['高反', '高原反应']]));
      expect((await adminApi(admin).delete(`/cluster-search/synonyms/${created.body.data.id}`)).status).toBe(200);
      expect((await search({ q: '高反' })).body.total).toBe(0);

      const role = await createRole(app, 'search reader', [{ action: 'plugin::cluster-search.synonym.read' }]);
      const reader = await createAdmin(app, { roles: [role.id] });
      // Synonyms are cluster-wide (issue #16): the reader is an admin of the root site, so only the RBAC action is missing.
      await app.strapi.plugin('site-group').service('editor-scope').assign(reader.id, 'ganzi', true);
      expect((await adminApi(reader).get('/cluster-search/synonyms')).status).toBe(200);
      expect((await adminApi(reader).post('/cluster-search/synonyms', { terms: ['甲', '乙'] })).status).toBe(403);
      expect((await adminApi(reader).get('/cluster-search/analytics/top-queries')).status).toBe(403);
      expect((await app.request().get('/cluster-search/synonyms')).status).toBe(401);
    });
  });

  describe(`suggestions and analytics (${engine})`, () => {
    it('completes from service names and titles, and popular queries once searched on 3 days', async () => {
      for (let i = 0; i < 3; i += 1) await search({ q: '城乡居民养老', site: 'kangding' });
      const suggested = async () => {
        const res = await app.request().get('/api/cluster-search/suggest').query({ q: '城乡居民' });
        expect(res.status).toBe(200);
        return res.body.suggestions.map((s: any) => s.text);
      };
      expect(await suggested()).toContain('城乡居民基本养老保险参保登记');
      // Searched today only: a visitor query is not suggested before it was searched on 3 distinct days.
      expect(await suggested()).not.toContain('城乡居民养老');
      const analytics = app.strapi.plugin('cluster-search').service('analytics');
      for (const daysAgo of [1, 2]) {
        const day = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
        await analytics.write({ query: '城乡居民养老', site: 'kangding', locale: 'zh-Hans', day, searches: 1, zeroResults: 0, lastTotal: 3 });
      }
      expect(await suggested()).toContain('城乡居民养老');
      const related = await app.request().get('/api/cluster-search/suggest').query({ q: '医保' });
      expect(related.body.related).toContain('医疗保险');
      expect((await app.request().get('/api/cluster-search/suggest')).status).toBe(400);
    });

    it('counts queries per site without personal data; admins read top and zero-result queries', async () => {
      seq += 1;
      const nothing = `不存在的词语${'甲乙丙丁'[seq % 4]}`;
      await search({ q: nothing, site: 'luding' });
      await search({ q: '养老保险', site: 'luding' });
      await search({ q: '养老保险', site: 'luding' });
      const top = await adminApi(admin).get('/cluster-search/analytics/top-queries', { site: 'luding' });
      expect(top.status).toBe(200);
      expect(top.body.data[0]).toMatchObject({ query: '养老保险', searches: 2, zeroResults: 0 });
      // A later search adds to the written row.
      await search({ q: '养老保险', site: 'luding' });
      const again = await adminApi(admin).get('/cluster-search/analytics/top-queries', { site: 'luding' });
      expect(again.body.data[0]).toMatchObject({ query: '养老保险', searches: 3, zeroResults: 0 });
      const zero = await adminApi(admin).get('/cluster-search/analytics/zero-results', { site: 'luding' });
      expect(zero.body.data.map((r: any) => r.query)).toEqual([nothing]);
      const rows = await app.strapi.db.query('plugin::cluster-search.query-stat').findMany({});
      expect(Object.keys(rows[0]).sort()).toEqual(['createdAt', 'day', 'documentId', 'id', 'lastTotal', 'locale', 'publishedAt', 'query', 'searches', 'site', 'updatedAt', 'zeroResults'].sort());
      expect((await adminApi(admin).get('/cluster-search/analytics/top-queries', { days: 'many' })).status).toBe(400);
    });
  });

  describe(`bad parameters (${engine})`, () => {
    it.each([
      [{ q: 'x', scope: 'planet' }, 'scope'],
      [{ q: 'x', scope: 'site' }, 'site'],
      [{ q: 'x', site: 'atlantis' }, 'site'],
      [{ q: 'x', pageSize: 1000 }, 'pageSize'],
      [{ q: 'x', page: 0 }, 'page'],
      [{ q: 'x', page: 'two' }, 'page'],
      [{ q: 'x', from: 'yesterday' }, 'from'],
      [{ q: 'x', from: '2024-02-31' }, 'from'],
      [{ q: 'x', locale: 'xx' }, 'locale'],
      [{ q: 'x', fallback: 'zh-Hans' }, 'fallback'],
      [{ q: 'x', type: 'recipe' }, 'type'],
      [{ q: 'x', sort: 'random' }, 'sort'],
      [{ q: 'x', region: '51' }, 'region'],
      [{ q: 'x', colour: 'red' }, 'colour'],
      [{ q: 'x'.repeat(101) }, 'q'],
    ])('%j → 400 naming %s', async (query, path) => {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    });
  });

  describe(`reindex (${engine})`, () => {
    it('rebuilds into a new index and swaps it in, with the same answers', async () => {
      const before = await search({ q: '依申请公开', pageSize: 50 });
      expect(before.body.total).toBeGreaterThan(3);
      expect(before.body.total).toBeLessThanOrEqual(50);
      let progressCalls = 0;
      const result = await indexer().rebuild({ onProgress: () => (progressCalls += 1), batchSize: 50 });
      expect(result.documents).toBeGreaterThan(100);
      expect(progressCalls).toBeGreaterThan(1);
      const after = await search({ q: '依申请公开', pageSize: 50 });
      expect(after.body.total).toBe(before.body.total);
      expect(new Set(ids(after.body))).toEqual(new Set(ids(before.body)));
      const stats = await adminApi(admin).get('/cluster-search/index');
      expect(stats.status).toBe(200);
      expect(stats.body.data.documents).toBeGreaterThan(100);
    });

    it('keeps serving while it rebuilds, and replays what was published meanwhile after the swap', async () => {
      const rebuilding = indexer().rebuild({ batchSize: 20 });
      // The rebuild yields between batches: this publish lands while it runs.
      const doc = await article({ title: '重建索引期间发布的冰雹灾害预警', ownerSite: 'kangding' });
      await indexer().flush();
      expect(ids((await search({ q: '冰雹灾害预警' })).body)).toContain(doc.documentId);
      await rebuilding;
      expect(ids((await search({ q: '冰雹灾害预警' })).body)).toContain(doc.documentId);
      expect((await search({ q: '政务公开' })).body.total).toBeGreaterThan(10);
    });
  });
};
