/**
 * The Language panel's side-by-side view (issue #18): `GET|PUT /bilingual/documents/:uid/:documentId/translation`
 * reads the Chinese source and the Tibetan draft's translatable fields and saves the Tibetan draft through
 * the Document Service, so the same NFC and script checks and the translation record apply; a bad field is
 * a 400 naming `data.<field>`; the route is site-scoped (403 naming the site) and needs `translation.edit`.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';

const ARTICLE = 'api::article.article';
const TITLE_BO = 'དར་རྩེ་མདོ་གྲོང་ཁྱེར་གྱི་ཆུ་ལོག་སྔོན་འགོག་ལས་དོན།';

let app: TestApp;
let admin: AdminSession;

const translation = (id: string, session = admin) => ({
  get: (query = '') => app.request().get(`/bilingual/documents/${ARTICLE}/${id}/translation${query}`).set('Authorization', `Bearer ${session.jwt}`),
  put: (body: unknown) => app.request().put(`/bilingual/documents/${ARTICLE}/${id}/translation`).set('Authorization', `Bearer ${session.jwt}`).send(body as object),
});
const boStatus = async (id: string) => {
  const res = await app.request().get(`/bilingual/documents/${ARTICLE}/${id}/status`).set('Authorization', `Bearer ${admin.jwt}`);
  return res.body.data.locales.find((l: { locale: string }) => l.locale === 'bo');
};
const zhDraft = async (title: string, ownerSite = 'kangding') =>
  (await app.strapi.documents(ARTICLE).create({ data: { title, summary: `${title}。`, ownerSite } as never, locale: 'zh-Hans' })).documentId;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('side-by-side translation', () => {
  it('reads the source beside a missing Tibetan draft, saves a Tibetan field (NFC), and the locale is up to date', async () => {
    const id = await zhDraft('康定市关于做好防汛工作的通知');
    let res = await translation(id).get();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ uid: ARTICLE, documentId: id, sourceLocale: 'zh-Hans', locale: 'bo', target: null });
    expect(res.body.data.source.title).toBe('康定市关于做好防汛工作的通知');
    expect(res.body.data.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['title', 'summary', 'body']));
    expect((await boStatus(id)).status).toBe('missing');

    // Decomposed input (ཱ + ི in the wrong order is still text): stored NFC.
    const decomposed = `${TITLE_BO}`.normalize('NFD');
    res = await translation(id).put({ locale: 'bo', data: { title: decomposed } });
    expect(res.status).toBe(200);
    expect(res.body.data.target.title).toBe(TITLE_BO.normalize('NFC'));
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, locale: 'bo', publishedAt: null } });
    expect(row.title).toBe(TITLE_BO.normalize('NFC'));
    expect(await boStatus(id)).toMatchObject({ status: 'up-to-date', machineAssisted: false });

    await app.strapi.documents(ARTICLE).update({ documentId: id, locale: 'zh-Hans', data: { title: '康定市关于做好2025年防汛工作的通知' } as never });
    expect((await boStatus(id)).status).toBe('outdated');
    // Saving beside the new source confirms it.
    expect((await translation(id).put({ data: { title: TITLE_BO } })).status).toBe(200);
    expect((await boStatus(id)).status).toBe('up-to-date');
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const id = await zhDraft('康定市政务服务中心搬迁公告');
    const before = await app.strapi.db.query(ARTICLE).count({ where: { documentId: id } });
    const cases: [unknown, string[]][] = [
      [{ data: { title: '这是中文标题，不是藏文' } }, ['data', 'title']],
      [{ data: { ownerSite: 'luding' } }, ['data', 'ownerSite']],
      [{ data: { title: 7 } }, ['data', 'title']],
      [{ data: { title: TITLE_BO }, colour: 'red' }, ['colour']],
      [{ locale: 'zh-Hans', data: { title: TITLE_BO } }, ['locale']],
      [{ locale: 'fr', data: { title: TITLE_BO } }, ['locale']],
      [{ data: {} }, ['data']],
    ];
    for (const [body, path] of cases) {
      const res = await translation(id).put(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual(path);
    }
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: id } })).toBe(before);
    expect((await translation('no-such-document-00000000').get()).status).toBe(404);
  });

  it('is scoped: an editor of another site gets 403 naming the site; without translation.edit no save', async () => {
    const id = await zhDraft('康定市关于开展安全生产检查的通知');
    const both = await createRole(app, 'Bilingual editor', [{ action: 'plugin::bilingual.status.read' }, { action: 'plugin::bilingual.translation.edit' }]);
    const ludingEditor = await createAdmin(app, { roles: [both.id] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(ludingEditor.id, 'luding', false);
    for (const res of [await translation(id, ludingEditor).get(), await translation(id, ludingEditor).put({ data: { title: TITLE_BO } })]) {
      expect(res.status).toBe(403);
      expect(res.body.error.details.site).toBe('kangding');
    }

    const readOnly = await createRole(app, 'Bilingual reader', [{ action: 'plugin::bilingual.status.read' }]);
    const reader = await createAdmin(app, { roles: [readOnly.id] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(reader.id, 'kangding', false);
    expect((await translation(id, reader).get()).status).toBe(200);
    expect((await translation(id, reader).put({ data: { title: TITLE_BO } })).status).toBe(403);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: id, locale: 'bo' } })).toBe(0);
  });
});
