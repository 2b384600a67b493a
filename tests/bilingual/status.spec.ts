import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createRole, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
const KANGDING = cluster.counties.find((c) => c.code === 'kangding')!;
const LUDING = cluster.counties.find((c) => c.code === 'luding')!;

let app: TestApp;
let token: string;
let admin: AdminSession;

const api = () => ({
  post: (path: string, data: object) => app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data }),
  put: (path: string, data: object) => app.request().put(path).set('Authorization', `Bearer ${token}`).send({ data }),
});
const status = (query: Record<string, string> = {}, session = admin) =>
  app.request().get('/bilingual/status').query(query).set('Authorization', `Bearer ${session.jwt}`);

const zhDraft = async (title: string, ownerSite: string) => {
  const res = await api().post('/api/articles?status=draft', { title, summary: `${title}摘要`, body: `${title}。`, ownerSite });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const stateIn = (body: any, site: string, documentId: string, locale = 'bo') => {
  const group = body.data.find((g: any) => g.site === site && g.contentType === ARTICLE);
  for (const state of ['missing', 'up-to-date', 'outdated']) {
    if (group.locales[locale].documents[state].some((d: any) => d.documentId === documentId)) return state;
  }
  return undefined;
};

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  token = await createApiToken(app);
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('translation status', () => {
  it('goes missing → up to date → outdated after a Chinese edit, per site and type', async () => {
    const id = await zhDraft(`${KANGDING.zh}召开政务公开工作会议`, 'kangding');
    const other = await zhDraft(`${LUDING.zh}防汛工作通知`, 'luding');

    let res = await status({ site: 'kangding', contentType: ARTICLE });
    expect(res.status).toBe(200);
    expect(stateIn(res.body, 'kangding', id)).toBe('missing');
    expect(res.body.data.map((g: any) => g.site)).toEqual(['kangding']);

    const bo = await api().put(`/api/articles/${id}?locale=bo&status=draft`, { title: `${KANGDING.bo} ཚོགས་འདུ།`, summary: KANGDING.bo });
    expect(bo.status).toBe(200);
    res = await status({ site: 'kangding' });
    expect(stateIn(res.body, 'kangding', id)).toBe('up-to-date');
    const group = res.body.data.find((g: any) => g.contentType === ARTICLE);
    expect(group.locales.bo).toMatchObject({ 'up-to-date': 1, missing: 0, outdated: 0, coverage: 1 });
    expect(group.locales.bo.documents['up-to-date'][0]).toMatchObject({ documentId: id, machineAssisted: false });

    // A change outside the translatable text (a date) leaves the translation up to date.
    await api().put(`/api/articles/${id}?locale=zh-Hans&status=draft`, { publishDate: '2025-03-01T00:00:00.000Z' });
    expect(stateIn((await status({ site: 'kangding' })).body, 'kangding', id)).toBe('up-to-date');

    await api().put(`/api/articles/${id}?locale=zh-Hans&status=draft`, { summary: '会议部署全市政务公开重点工作。' });
    res = await status({ site: 'kangding' });
    expect(stateIn(res.body, 'kangding', id)).toBe('outdated');

    // Saving the Tibetan text unchanged (as the Content Manager does before a publish) confirms nothing.
    await api().put(`/api/articles/${id}?locale=bo&status=draft`, { title: `${KANGDING.bo} ཚོགས་འདུ།`, summary: KANGDING.bo });
    expect(stateIn((await status({ site: 'kangding' })).body, 'kangding', id)).toBe('outdated');

    // Saving the translation again brings it up to date; the other site is counted apart.
    await api().put(`/api/articles/${id}?locale=bo&status=draft`, { summary: `${KANGDING.bo} ཚོགས་འདུ་ཚོགས་པ།` });
    res = await status();
    expect(stateIn(res.body, 'kangding', id)).toBe('up-to-date');
    expect(stateIn(res.body, 'luding', other)).toBe('missing');
    expect(res.body.meta).toMatchObject({ sourceLocale: 'zh-Hans', locales: expect.arrayContaining(['bo']) });
  });

  it('answers publicly for published versions only, against the published source', async () => {
    const id = await zhDraft(`${LUDING.zh}人民政府关于开展安全生产检查的通知`, 'luding');
    const publicStatus = () => app.request().get(`/api/bilingual/documents/${ARTICLE}/${id}`);
    expect((await publicStatus()).status).toBe(404);

    await asPublishedFixture(app, async () => {
      await app.strapi.documents(ARTICLE).publish({ documentId: id, locale: 'zh-Hans' });
      await app.strapi.documents(ARTICLE).update({ documentId: id, locale: 'bo', data: { title: `${LUDING.bo} བརྡ་ཐོ།` } as any });
      await app.strapi.documents(ARTICLE).publish({ documentId: id, locale: 'bo' });
    });
    let res = await publicStatus();
    expect(res.status).toBe(200);
    expect(res.body.data.locales).toEqual([
      { locale: 'zh-Hans', status: 'source', url: `/api/articles/${id}?locale=zh-Hans` },
      { locale: 'bo', status: 'up-to-date', machineAssisted: false, url: `/api/articles/${id}?locale=bo` },
    ]);

    // An unpublished Chinese edit does not make the public Tibetan page outdated; its publication does.
    await app.strapi.documents(ARTICLE).update({ documentId: id, locale: 'zh-Hans', data: { title: `${LUDING.zh}人民政府关于开展安全生产大检查的通知` } as any });
    expect((await publicStatus()).body.data.locales[1].status).toBe('up-to-date');
    await asPublishedFixture(app, () => app.strapi.documents(ARTICLE).publish({ documentId: id, locale: 'zh-Hans' }));
    res = await publicStatus();
    expect(res.body.data.locales[1].status).toBe('outdated');

    expect((await app.request().get(`/api/bilingual/documents/plugin::bilingual.glossary-term/${id}`)).status).toBe(404);
  });

  it('needs the status.read permission and validates its query', async () => {
    const role = await createRole(app, 'No bilingual', []);
    const editor = await createAdmin(app, { roles: [role.id] });
    expect((await status({}, editor)).status).toBe(403);
    const bad = await status({ contentType: 'api::nope.nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['contentType']);
    const tibetanLimit = await status({ limit: '༡' });
    expect(tibetanLimit.status).toBe(200);
    expect(tibetanLimit.body.meta.limit).toBe(1);
    const unknown = await status({ colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['colour']);
  });
});

describe('one document\'s locales for the Language panel (admin, drafts)', () => {
  const draftStatus = (id: string, session = admin) =>
    app.request().get(`/bilingual/documents/${ARTICLE}/${id}/status`).set('Authorization', `Bearer ${session.jwt}`);
  const localeOf = (body: any, locale: string) => body.data.locales.find((l: any) => l.locale === locale);

  it('goes missing → machine-assisted after glossary pretranslation → outdated after a Chinese edit, from the drafts', async () => {
    const id = await zhDraft(`${KANGDING.zh}人民政府关于做好冬季取暖工作的通知`, 'kangding');
    let res = await draftStatus(id);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ uid: ARTICLE, documentId: id, sourceLocale: 'zh-Hans' });
    expect(localeOf(res.body, 'zh-Hans')).toMatchObject({ status: 'source', published: false });
    expect(localeOf(res.body, 'bo')).toMatchObject({ status: 'missing', published: false, machineAssisted: false });

    const pre = await app.request().post('/bilingual/pretranslate').set('Authorization', `Bearer ${admin.jwt}`).send({ uid: ARTICLE, documentId: id });
    expect(pre.status).toBe(200);
    res = await draftStatus(id);
    expect(localeOf(res.body, 'bo')).toMatchObject({ status: 'up-to-date', machineAssisted: true });
    expect(localeOf(res.body, 'bo').translatedAt).toBeTruthy();

    await api().put(`/api/articles/${id}?locale=zh-Hans&status=draft`, { summary: '部署冬季取暖保障工作。' });
    expect(localeOf((await draftStatus(id)).body, 'bo').status).toBe('outdated');
  });

  it('answers 404 for an unknown document or type, and 403 (naming the site) to an editor of another site', async () => {
    expect((await draftStatus('no-such-document-00000000')).status).toBe(404);
    const unknownType = await app.request().get(`/bilingual/documents/api::nope.nope/abc/status`).set('Authorization', `Bearer ${admin.jwt}`);
    expect(unknownType.status).toBe(404);

    const id = await zhDraft(`${KANGDING.zh}政务服务中心搬迁公告`, 'kangding');
    const role = await createRole(app, `Bilingual reader ${Date.now()}`, [{ action: 'plugin::bilingual.status.read' }]);
    const ludingEditor = await createAdmin(app, { roles: [role.id] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(ludingEditor.id, 'luding', false);
    const refused = await draftStatus(id, ludingEditor);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.site).toBe('kangding');
  });
});
