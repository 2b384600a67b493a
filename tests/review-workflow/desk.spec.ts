import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';

// GET /review-workflow/desk: the review desk page's data (queue by stage/site/type oldest first, my
// submissions, items sent back to me with the reviewer's comment), limited to the caller's sites.

const ARTICLE = 'api::article.article';
const LOCALES = { locales: ['zh-Hans', 'bo'] };

let app: TestApp;
let editor: AdminSession;
let reviewer: AdminSession;
let ludingReviewer: AdminSession;
let noReadRight: AdminSession;
let superAdmin: AdminSession;

const as = (session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
});
const review = (documentId: string, action: string) => `/review-workflow/documents/${ARTICLE}/${documentId}/${action}`;

const submittedArticle = async (title: string) => {
  const created = await as(editor).post(`/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, { title, body: '正文。', ownerSite: 'kangding' });
  expect(created.status).toBe(201);
  const id = created.body.data.documentId as string;
  const submitted = await as(editor).post(review(id, 'submit'), { locale: 'zh-Hans', comment: '请审核' });
  expect(submitted.status).toBe(200);
  return id;
};

const desk = async (session: AdminSession) => {
  const res = await as(session).get('/review-workflow/desk');
  expect(res.status).toBe(200);
  return res.body.data;
};

let first: string;
let second: string;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  superAdmin = await createAdmin(app);
  const cm = ['read', 'create', 'update', 'publish'].map((a) => ({ action: `plugin::content-manager.explorer.${a}`, subject: ARTICLE, properties: { ...LOCALES } }));
  const editorRole = await createRole(app, 'Editor', [...cm, { action: 'plugin::review-workflow.review.submit' }, { action: 'plugin::review-workflow.review.read' }]);
  const reviewerRole = await createRole(app, 'Reviewer', [...cm, { action: 'plugin::review-workflow.review.approve' }, { action: 'plugin::review-workflow.review.read' }]);
  const bareRole = await createRole(app, 'Bare', cm);
  editor = await createAdmin(app, { roles: [editorRole.id] });
  reviewer = await createAdmin(app, { roles: [reviewerRole.id] });
  ludingReviewer = await createAdmin(app, { roles: [editorRole.id, reviewerRole.id] });
  noReadRight = await createAdmin(app, { roles: [bareRole.id] });
  for (const session of [editor, reviewer, noReadRight]) {
    await as(superAdmin).post('/site-group/assignments', { userId: session.id, site: 'kangding' });
  }
  await as(superAdmin).post('/site-group/assignments', { userId: ludingReviewer.id, site: 'luding' });
  first = await submittedArticle('康定市第一份待审通知');
  second = await submittedArticle('康定市第二份待审通知');
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /review-workflow/desk', () => {
  it("lists what the reviewer may act on, oldest first, with titles and counts by stage, site and type", async () => {
    const data = await desk(reviewer);
    const ids = data.queue.map((item: any) => item.documentId);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(data.queue.find((item: any) => item.documentId === first)).toMatchObject({
      uid: ARTICLE,
      locale: 'zh-Hans',
      site: 'kangding',
      stage: 'first-review',
      title: '康定市第一份待审通知',
    });
    expect(data.counts).toEqual({ byStage: { 'first-review': 2 }, bySite: { kangding: 2 }, byType: { [ARTICLE]: 2 } });
  });

  it("shows the editor their submissions, and not what they cannot act on (their own items)", async () => {
    const data = await desk(editor);
    expect(data.mine.map((item: any) => item.documentId).sort()).toEqual([first, second].sort());
    expect(data.mine.every((item: any) => item.stage === 'first-review')).toBe(true);
    expect(data.queue).toEqual([]);
    expect(data.sentBack).toEqual([]);
  });

  it("returns a rejected item to its submitter's desk with the reviewer's comment", async () => {
    const rejected = await as(reviewer).post(review(first, 'reject'), { locale: 'zh-Hans', comment: '标题应注明执行日期' });
    expect(rejected.status).toBe(200);
    const data = await desk(editor);
    expect(data.sentBack).toHaveLength(1);
    expect(data.sentBack[0]).toMatchObject({ documentId: first, stage: 'draft', action: 'reject', comment: '标题应注明执行日期', title: '康定市第一份待审通知' });
    expect(data.sentBack[0].by).toBeTruthy();
    expect(data.mine.find((item: any) => item.documentId === first).stage).toBe('draft');
    // Off the reviewers' queue.
    expect((await desk(reviewer)).queue.map((item: any) => item.documentId)).toEqual([second]);
  });

  it('shows an admin of 泸定 nothing of 康定', async () => {
    const data = await desk(ludingReviewer);
    expect(data).toEqual({ queue: [], counts: { byStage: {}, bySite: {}, byType: {} }, mine: [], sentBack: [] });
  });

  it('refuses an admin without review.read (403)', async () => {
    const res = await as(noReadRight).get('/review-workflow/desk');
    expect(res.status).toBe(403);
  });
});
