import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
const LOCALES = { locales: ['zh-Hans', 'bo'] };
const KANGDING = cluster.counties.find((c) => c.code === 'kangding')!;

let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];
let superAdmin: AdminSession;

const as = (session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  put: (path: string, body: object = {}) => app.request().put(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
});
const cm = `/content-manager/collection-types/${ARTICLE}`;
const review = (documentId: string, action: string) => `/review-workflow/documents/${ARTICLE}/${documentId}/${action}`;

const passReview = async (documentId: string, locale: string) => {
  const submitted = await as(editor).post(review(documentId, 'submit'), { locale });
  expect({ status: submitted.status, error: submitted.body.error?.message }).toEqual({ status: 200, error: undefined });
  for (const session of reviewers) {
    const res = await as(session).post(review(documentId, 'approve'), { locale });
    expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
  }
};
const state = async (documentId: string, locale: string) => (await as(superAdmin).get(`${review(documentId, 'history')}?locale=${locale}`)).body.data.state;
const published = (documentId: string, locale: string) =>
  app.strapi.db.query(ARTICLE).findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, select: ['title', 'publishedAt'] });
const publish = (documentId: string, locale: string, session = reviewers[2]) => as(session).post(`${cm}/${documentId}/actions/publish?locale=${locale}`, {});

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  superAdmin = await createAdmin(app);
  const content = ['read', 'create', 'update', 'publish'].map((a) => ({ action: `plugin::content-manager.explorer.${a}`, subject: ARTICLE, properties: a === 'publish' ? LOCALES : { ...LOCALES } }));
  const editorRole = await createRole(app, 'Editor', [...content, { action: 'plugin::review-workflow.review.submit' }, { action: 'plugin::review-workflow.review.read' }]);
  const reviewerRole = await createRole(app, 'Reviewer', [...content, { action: 'plugin::review-workflow.review.approve' }, { action: 'plugin::review-workflow.review.read' }]);
  editor = await createAdmin(app, { roles: [editorRole.id] });
  reviewers = [await createAdmin(app, { roles: [reviewerRole.id] }), await createAdmin(app, { roles: [reviewerRole.id] }), await createAdmin(app, { roles: [reviewerRole.id] })];
  for (const session of [editor, ...reviewers]) {
    await as(superAdmin).post('/site-group/assignments', { userId: session.id, site: 'ganzi', includeDescendants: true });
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('per-locale review (一网双语 + 三审)', () => {
  it('reviews the Tibetan version on its own hash; publishing one language never publishes the other', async () => {
    const zhTitle = `${KANGDING.zh}关于做好2025年防汛工作的通知`;
    const boTitle = `${KANGDING.bo} ༢༠༢༥ ལོའི་ཆུ་ལོག་སྔོན་འགོག་ལས་དོན་སྐོར་གྱི་བརྡ་ཐོ།`;
    const created = await as(editor).post(`${cm}?locale=zh-Hans`, { title: zhTitle, body: '各乡镇要做好防汛工作。', ownerSite: 'kangding' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const bo = await as(editor).put(`${cm}/${id}?locale=bo`, { title: boTitle, body: 'ཆུ་ལོག་སྔོན་འགོག' });
    expect(bo.status).toBe(200);

    // Chinese passes review and is published: the Tibetan draft stays a draft, unreviewed.
    await passReview(id, 'zh-Hans');
    expect((await publish(id, 'zh-Hans')).status).toBe(200);
    expect((await published(id, 'zh-Hans'))?.title).toBe(zhTitle);
    expect(await published(id, 'bo')).toBeNull();
    expect((await state(id, 'bo'))?.stage ?? 'draft').toBe('draft');

    // The Tibetan version cannot ride on the Chinese approval.
    const early = await publish(id, 'bo');
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(/\(bo\)/);
    expect(await published(id, 'bo')).toBeNull();

    await passReview(id, 'bo');
    const [zhState, boState] = [await state(id, 'zh-Hans'), await state(id, 'bo')];
    expect(boState.stage).toBe('approved');
    expect(boState.contentHash).not.toBe(zhState.contentHash);

    // A Chinese edit sends only the Chinese version back to draft; the Tibetan approval stands.
    expect((await as(editor).put(`${cm}/${id}?locale=zh-Hans`, { title: `${zhTitle}（修订）` })).status).toBe(200);
    expect((await state(id, 'zh-Hans')).stage).toBe('draft');
    expect((await state(id, 'bo')).stage).toBe('approved');

    // Publishing Tibetan publishes Tibetan only: the live Chinese page keeps the reviewed text.
    const zhBefore = await published(id, 'zh-Hans');
    expect((await publish(id, 'bo')).status).toBe(200);
    expect((await published(id, 'bo'))?.title).toBe(boTitle);
    expect(await published(id, 'zh-Hans')).toEqual(zhBefore);
    expect((await state(id, 'bo')).stage).toBe('published');

    // And the edited Chinese draft still needs its own review.
    expect((await publish(id, 'zh-Hans')).status).toBe(403);
    expect(await published(id, 'zh-Hans')).toEqual(zhBefore);
  });

  it('publishing Chinese first leaves an approved Tibetan version unpublished', async () => {
    const created = await as(editor).post(`${cm}?locale=zh-Hans`, { title: `${KANGDING.zh}政务公开工作要点`, ownerSite: 'kangding' });
    const id = created.body.data.documentId;
    expect((await as(editor).put(`${cm}/${id}?locale=bo`, { title: `${KANGDING.bo} གཞུང་དོན་གསལ་བསྒྲགས།` })).status).toBe(200);
    await passReview(id, 'bo');
    await passReview(id, 'zh-Hans');
    expect((await publish(id, 'zh-Hans')).status).toBe(200);
    expect(await published(id, 'bo')).toBeNull();
    expect((await state(id, 'bo')).stage).toBe('approved');
  });
});
