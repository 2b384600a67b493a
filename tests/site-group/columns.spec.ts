import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';

const COLUMN = 'plugin::site-group.column';
const CM_COLUMN = `/content-manager/collection-types/${COLUMN}`;

let app: TestApp;
let admin: AdminSession;
let sites: Map<string, string>;

const asAdmin = (session: AdminSession = admin) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
});

const policy = (n: number, ownerSite: string, themeCategory: string, publishDate: string, publish = true) =>
  asPublishedFixture(app, () => app.strapi.documents('api::policy.policy').create({
    data: {
      title: `${ownerSite}关于支持高校毕业生就业创业的若干措施（第${n}号）`,
      indexNumber: `11513300MB0000001X/2024-${String(n).padStart(5, '0')}`,
      issuingAuthority: '甘孜州人力资源和社会保障局',
      level: 'county',
      documentKind: 'other',
      themeCategory,
      publishDate,
      ownerSite,
    } as any,
    ...(publish ? { status: 'published' as const } : {}),
  }));

const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString();

beforeAll(async () => {
  app = await bootStrapi();
  ({ sites } = await seedDemoSites(app.strapi));
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('smart columns filled by a saved rule', () => {
  it('lists what the rule matches across the cluster: county employment policies, newest first, drafts never', async () => {
    await policy(1, 'kangding', '劳动、人事、监察/就业', '2024-03-01T00:00:00.000Z');
    await policy(2, 'luding', '劳动、人事、监察/就业', '2024-04-01T00:00:00.000Z');
    await policy(3, 'ganzi', '劳动、人事、监察/就业', '2024-05-01T00:00:00.000Z');
    await policy(4, 'danba', '城乡建设、环境保护/住房', '2024-06-01T00:00:00.000Z');
    await policy(5, 'jiulong', '劳动、人事、监察/就业', '2024-07-01T00:00:00.000Z', false);

    const created = await asAdmin().post(CM_COLUMN, {
      name: '就业创业政策专题', slug: 'jycy', kind: 'topic', fill: 'rule',
      rule: { types: ['policy'], levels: ['county'], themes: ['劳动、人事、监察/就业'] },
      site: { connect: [{ documentId: sites.get('ganzi') }] },
    });
    expect(created.status).toBe(201);

    const list = await app.request().get('/api/site-group/sites/ganzi/columns/jycy/items');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.title)).toEqual([
      'luding关于支持高校毕业生就业创业的若干措施（第2号）',
      'kangding关于支持高校毕业生就业创业的若干措施（第1号）',
    ]);
    expect(list.body.data[0]).toMatchObject({ type: 'policy', mode: 'rule' });
    expect(list.body.meta.pagination.total).toBe(2);
    expect(list.body.meta.column).toMatchObject({ fill: 'rule', kind: 'topic' });

    const page = await app.request().get(`/api/site-group/sites/ganzi/items/${list.body.data[0].documentId}`);
    expect(page.status).toBe(200);
    expect(page.body.data.placement).toMatchObject({ mode: 'rule', column: 'jycy' });
  });

  it('refuses a rule naming unknown types, sites, levels or keys (400, nothing saved)', async () => {
    const before = await app.strapi.db.query(COLUMN).count();
    const cases: [object, string][] = [
      [{ types: ['novel'] }, 'types'],
      [{ types: [] }, 'types'],
      [{ types: ['policy'], sites: ['atlantis'] }, 'sites'],
      [{ types: ['policy'], levels: ['city'] }, 'levels'],
      [{ types: ['policy'], sql: 'drop table' }, 'sql'],
    ];
    for (const [rule, field] of cases) {
      const res = await asAdmin().post(CM_COLUMN, { name: '坏规则', slug: `bad-${field}`, kind: 'list', fill: 'rule', rule, site: { connect: [{ documentId: sites.get('ganzi') }] } });
      expect({ rule, status: res.status }).toEqual({ rule, status: 400 });
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(`rule.${field}`);
    }
    expect(await app.strapi.db.query(COLUMN).count()).toBe(before);
  });
});

describe('special topics and stale columns', () => {
  it('archives a special topic past its expiry: no longer listed in the site, still reachable and marked archived', async () => {
    const expired = await asAdmin().post(CM_COLUMN, {
      name: '2023年脱贫攻坚专题', slug: 'tpgj-2023', kind: 'topic', expiresAt: daysAgo(1),
      site: { connect: [{ documentId: sites.get('kangding') }] },
    });
    expect(expired.status).toBe(201);
    await asAdmin().post(CM_COLUMN, {
      name: '2025年乡村振兴专题', slug: 'xczx-2025', kind: 'topic', expiresAt: new Date(Date.now() + 86400000 * 30).toISOString(),
      site: { connect: [{ documentId: sites.get('kangding') }] },
    });

    const site = await app.request().get('/api/site-group/sites/kangding');
    const slugs = site.body.data.columns.map((c: any) => c.slug);
    expect(slugs).toContain('xczx-2025');
    expect(slugs).not.toContain('tpgj-2023');
    const withArchived = await app.request().get('/api/site-group/sites/kangding?archived=true');
    expect(withArchived.body.data.columns.find((c: any) => c.slug === 'tpgj-2023')).toMatchObject({ archived: true });
    const direct = await app.request().get('/api/site-group/sites/kangding/columns/tpgj-2023/items');
    expect(direct.status).toBe(200);
    expect(direct.body.meta.column).toMatchObject({ slug: 'tpgj-2023', archived: true });
    expect((await app.request().get('/api/site-group/sites/kangding?archived=maybe')).status).toBe(400);
  });

  it('reports columns with no newly published item within the threshold', async () => {
    const fresh = await asPublishedFixture(app, () => app.strapi.documents('api::article.article').create({
      data: { title: '康定市最新动态', publishDate: daysAgo(2), ownerSite: 'kangding' } as any, status: 'published',
    }));
    const old = await asPublishedFixture(app, () => app.strapi.documents('api::article.article').create({
      data: { title: '康定市一年前的通知', publishDate: daysAgo(400), ownerSite: 'kangding' } as any, status: 'published',
    }));
    await asAdmin().post('/site-group/placements', { contentType: 'api::article.article', documentId: fresh.documentId, site: 'kangding', column: 'ywdt' });
    await asAdmin().post('/site-group/placements', { contentType: 'api::article.article', documentId: old.documentId, site: 'kangding', column: 'tzgg' });

    const report = await asAdmin().get('/site-group/reports/stale-columns?site=kangding');
    expect(report.status).toBe(200);
    const byColumn = Object.fromEntries(report.body.data.map((r: any) => [r.column, r]));
    expect(byColumn.ywdt).toBeUndefined();
    expect(byColumn.tzgg).toMatchObject({ site: 'kangding', thresholdDays: 180 });
    expect(byColumn.tzgg.daysSinceLastPublished).toBeGreaterThanOrEqual(399);
    expect(byColumn.zcwj).toMatchObject({ lastPublishedAt: null, daysSinceLastPublished: null });
    expect(byColumn['tpgj-2023']).toBeUndefined();

    const strict = await asAdmin().get('/site-group/reports/stale-columns?site=kangding&days=1');
    expect(strict.body.data.map((r: any) => r.column)).toContain('ywdt');
    expect((await asAdmin().get('/site-group/reports/stale-columns?days=-3')).status).toBe(400);
    expect((await asAdmin().get('/site-group/reports/stale-columns?site=atlantis')).status).toBe(404);
  });
});

describe('the disclosure catalogue (公开目录)', () => {
  it('is a column tree whose classes carry entry instructions for editors', async () => {
    const root = await asAdmin().post(CM_COLUMN, {
      name: '法定主动公开内容', slug: 'fdzdgk', kind: 'catalogue', entryInstructions: '按《政府信息公开条例》第二十条要求录入。',
      site: { connect: [{ documentId: sites.get('luding') }] },
    });
    const child = await asAdmin().post(CM_COLUMN, {
      name: '行政规范性文件', slug: 'xzgfxwj', kind: 'catalogue', entryInstructions: '录入本机关制发的行政规范性文件，须同时关联政策解读。',
      site: { connect: [{ documentId: sites.get('luding') }] },
      parent: { connect: [{ documentId: root.body.data.documentId }] },
    });
    expect(child.status).toBe(201);
    const catalogue = await asAdmin().get('/site-group/sites/luding/catalogue');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.data).toEqual([
      expect.objectContaining({
        slug: 'fdzdgk',
        entryInstructions: '按《政府信息公开条例》第二十条要求录入。',
        children: [expect.objectContaining({ slug: 'xzgfxwj', entryInstructions: '录入本机关制发的行政规范性文件，须同时关联政策解读。' })],
      }),
    ]);
    const publicSite = await app.request().get('/api/site-group/sites/luding');
    expect(JSON.stringify(publicSite.body)).not.toContain('entryInstructions');
  });
});
