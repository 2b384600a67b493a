import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';

const ARTICLE = 'api::article.article';
const POLICY = 'api::policy.policy';
const INTERPRETATION = 'api::interpretation.interpretation';
const EVENT = 'plugin::review-workflow.review-event';
const LOCALES = { locales: ['zh-Hans', 'bo'] };

let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];
let outsider: AdminSession;
let superAdmin: AdminSession;

const as = (session: AdminSession) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  put: (path: string, body: object = {}) => app.request().put(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  del: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${session.jwt}`),
});
const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
const review = (uid: string, documentId: string, action: string) => `/review-workflow/documents/${uid}/${documentId}/${action}`;

const draftArticle = async (title: string, body = '正文。') => {
  const res = await as(editor).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title, body, ownerSite: 'kangding' });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

const approveAll = async (uid: string, documentId: string, sessions = reviewers) => {
  for (const session of sessions) {
    const res = await as(session).post(review(uid, documentId, 'approve'), { locale: 'zh-Hans' });
    expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
  }
};

const stageOf = async (uid: string, documentId: string) =>
  (await as(superAdmin).get(`${review(uid, documentId, 'history')}?locale=zh-Hans`)).body.data.state?.stage;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  superAdmin = await createAdmin(app);
  const cmActions = (uid: string) =>
    ['read', 'create', 'update', 'publish'].map((a) => ({ action: `plugin::content-manager.explorer.${a}`, subject: uid, properties: a === 'publish' ? LOCALES : { ...LOCALES } }));
  const contentPermissions = [ARTICLE, POLICY, INTERPRETATION].flatMap(cmActions);
  const editorRole = await createRole(app, 'Editor', [...contentPermissions, { action: 'plugin::review-workflow.review.submit' }, { action: 'plugin::review-workflow.review.read' }]);
  const reviewerRole = await createRole(app, 'Reviewer', [
    ...contentPermissions,
    { action: 'plugin::review-workflow.review.approve' },
    { action: 'plugin::review-workflow.review.read' },
    { action: 'plugin::review-workflow.check.run' },
  ]);
  editor = await createAdmin(app, { roles: [editorRole.id] });
  reviewers = [await createAdmin(app, { roles: [reviewerRole.id] }), await createAdmin(app, { roles: [reviewerRole.id] }), await createAdmin(app, { roles: [reviewerRole.id] })];
  outsider = await createAdmin(app, { roles: [editorRole.id] });
  // Everyone works for the prefecture and the sites below it, except the outsider (泸定县 only).
  for (const session of [editor, ...reviewers]) {
    await as(superAdmin).post('/site-group/assignments', { userId: session.id, site: 'ganzi', includeDescendants: true });
  }
  await as(superAdmin).post('/site-group/assignments', { userId: outsider.id, site: 'luding' });
});
afterAll(async () => {
  await app?.stop();
});

describe('three reviews before publishing (三审)', () => {
  it('runs draft → 初审 → 复审 → 终审 → approved → published with three distinct reviewers', async () => {
    const id = await draftArticle('康定市关于做好2024年防汛工作的通知');
    const submitted = await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans', comment: '请审核' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.state.stage).toBe('first-review');

    const queue = await as(reviewers[0]).get('/review-workflow/queue?stage=first-review');
    expect(queue.body.data.map((s: any) => s.itemDocumentId)).toContain(id);

    const stages: string[] = [];
    for (const session of reviewers) {
      const res = await as(session).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', comment: '同意' });
      expect(res.status).toBe(200);
      stages.push(res.body.data.state.stage);
    }
    expect(stages).toEqual(['second-review', 'final-review', 'approved']);

    const published = await as(reviewers[2]).post(`${cm(ARTICLE)}/${id}/actions/publish?locale=zh-Hans`, {});
    expect(published.status).toBe(200);
    expect(await stageOf(ARTICLE, id)).toBe('published');
    const token = await createApiToken(app, 'read-only');
    const live = await app.request().get(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`);
    expect(live.body.data.title).toBe('康定市关于做好2024年防汛工作的通知');

    const history = await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`);
    expect(history.body.data.events.map((e: any) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'publish']);
    expect(new Set(history.body.data.events.slice(1, 4).map((e: any) => e.actorId)).size).toBe(3);
    expect(history.body.data.events.every((e: any) => e.contentHash === history.body.data.events[0].contentHash)).toBe(true);
  });

  it('refuses a submit field no submit extension claims (400 naming it), recording nothing', async () => {
    const id = await draftArticle('字段有误的送审稿');
    const res = await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans', priority: 'urgent' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['priority']);
    expect((await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`)).body.data.state).toBeNull();
  });

  it('refuses the same reviewer twice and the item\'s last editor (403), and an outsider to the site', async () => {
    const id = await draftArticle('康定市2024年第二季度重点工作安排');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    await approveAll(ARTICLE, id, [reviewers[0]]);
    const twice = await as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect(twice.status).toBe(403);
    expect(twice.body.error.message).toMatch(/already approved/);

    // The reviewer edits the draft and becomes its last editor: the edit also sends it back to draft.
    await as(reviewers[1]).put(`${cm(ARTICLE)}/${id}?locale=zh-Hans`, { title: '康定市2024年第二季度重点工作安排（修改）' });
    expect(await stageOf(ARTICLE, id)).toBe('draft');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    const own = await as(reviewers[1]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/edited this item last/);

    const noPermission = await as(outsider).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect(noPermission.status).toBe(403);
  });

  it('sends an item back to draft when its content changes after an approval, with the reason recorded', async () => {
    const id = await draftArticle('关于开展安全生产大检查的通知');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    await approveAll(ARTICLE, id, reviewers.slice(0, 2));
    expect(await stageOf(ARTICLE, id)).toBe('final-review');
    const edit = await as(editor).put(`${cm(ARTICLE)}/${id}?locale=zh-Hans`, { body: '修改后的正文。' });
    expect(edit.status).toBe(200);
    const history = await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`);
    expect(history.body.data.state).toMatchObject({ stage: 'draft', approvals: [] });
    const reset = history.body.data.events.at(-1);
    expect(reset).toMatchObject({ action: 'reset', stage: 'final-review' });
    expect(reset.comment).toMatch(/content changed/);
  });

  it('needs a comment to reject, and returns the item to its author with the comment visible', async () => {
    const id = await draftArticle('关于调整办公时间的通知');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    const bare = await as(reviewers[0]).post(review(ARTICLE, id, 'reject'), { locale: 'zh-Hans' });
    expect(bare.status).toBe(400);
    expect(await stageOf(ARTICLE, id)).toBe('first-review');
    const rejected = await as(reviewers[0]).post(review(ARTICLE, id, 'reject'), { locale: 'zh-Hans', comment: '标题应注明执行日期' });
    expect(rejected.status).toBe(200);
    const seen = await as(editor).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`);
    expect(seen.body.data.state).toMatchObject({ stage: 'draft', lastComment: '标题应注明执行日期' });
    expect(seen.body.data.events.at(-1)).toMatchObject({ action: 'reject', comment: '标题应注明执行日期' });
  });
});

describe('the publish gate', () => {
  it('refuses publishing without a final approval through the Content Manager, the Document Service and an API token', async () => {
    const id = await draftArticle('未经审核的稿件');
    const viaCm = await as(superAdmin).post(`${cm(ARTICLE)}/${id}/actions/publish?locale=zh-Hans`, {});
    expect(viaCm.status).toBe(403);
    expect(viaCm.body.error.message).toMatch(/three reviews/);
    const bulk = await as(superAdmin).post(`${cm(ARTICLE)}/actions/bulkPublish?locale=zh-Hans`, { documentIds: [id] });
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    await expect(app.strapi.documents(ARTICLE).publish({ documentId: id })).rejects.toMatchObject({ name: 'PolicyError' });

    const token = await createApiToken(app);
    const create = await app.request().post('/api/articles').set('Authorization', `Bearer ${token}`).send({ data: { title: '令牌直接发布', ownerSite: 'kangding' } });
    expect(create.status).toBe(403);
    const update = await app.request().put(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`).send({ data: { title: '令牌更新即发布' } });
    expect(update.status).toBe(403);
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ publishedAt: null, title: '未经审核的稿件' });
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: '令牌直接发布' } })).toBe(0);
  });

  it('refuses an API-token update that would publish changed content of an approved item, changing nothing', async () => {
    const id = await draftArticle('已审核待发布的稿件');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    await approveAll(ARTICLE, id);
    const token = await createApiToken(app);
    const sneaky = await app.request().put(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`).send({ data: { title: '审核后偷偷修改' } });
    expect(sneaky.status).toBe(403);
    expect(await stageOf(ARTICLE, id)).toBe('approved');
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: id } });
    expect(rows.map((r: any) => [r.title, r.publishedAt])).toEqual([['已审核待发布的稿件', null]]);
    const same = await app.request().put(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`).send({ data: {} });
    expect(same.status).toBe(200);
    expect(await stageOf(ARTICLE, id)).toBe('published');
  });

  it('allows an emergency publish only with its own permission, and flags it in the audit', async () => {
    const id = await draftArticle('突发事件紧急通告');
    const denied = await as(reviewers[0]).post(review(ARTICLE, id, 'emergency-publish'), { locale: 'zh-Hans', reason: '地震预警' });
    expect(denied.status).toBe(403);
    const noReason = await as(superAdmin).post(review(ARTICLE, id, 'emergency-publish'), { locale: 'zh-Hans' });
    expect(noReason.status).toBe(400);
    const ok = await as(superAdmin).post(review(ARTICLE, id, 'emergency-publish'), { locale: 'zh-Hans', reason: '地震预警，须立即发布' });
    expect(ok.status).toBe(200);
    const events = (await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`)).body.data.events;
    expect(events.at(-1)).toMatchObject({ action: 'emergency-publish', flagged: true, comment: '地震预警，须立即发布' });
  });
});

describe('proofreading (三校) and machine pre-checks', () => {
  const ID = '513301199001011235';

  it('finds and masks a valid resident ID number, but not one with a wrong check digit', async () => {
    const res = await as(reviewers[0]).post('/review-workflow/check', { fields: { body: `联系人身份证号${ID}，备用号码513301199001011230。` } });
    expect(res.status).toBe(200);
    const ids = res.body.data.filter((f: any) => f.rule === 'resident-id');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ field: 'body', severity: 'error', suggestion: '513301********1235' });
    expect((await as(reviewers[0]).post('/review-workflow/check', { fields: 'body' })).status).toBe(400);
  });

  it('blocks approval until every finding is settled; a word error is referred up and only 终审 may override it, audited', async () => {
    const id = await draftArticle('关于部暑2024年防汛工作的通知', `请于本周内完成部暑。联系电话13812345678。`);
    const submitted = await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    const findings = submitted.body.data.findings;
    const typo = findings.find((f: any) => f.check === 'word' && f.field === 'title');
    const mobile = findings.find((f: any) => f.rule === 'mobile');
    expect(typo).toMatchObject({ suggestion: '部署' });
    expect(mobile.severity).toBe('warning');

    const unsettled = await as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect(unsettled.status).toBe(400);
    expect(unsettled.body.error.details.findings.length).toBeGreaterThan(0);

    const settle = (resolution: string) => [
      ...findings.filter((f: any) => f.severity === 'warning').map((f: any) => ({ key: f.key, resolution: 'dismissed', reason: '单位公开办公电话' })),
      ...findings.filter((f: any) => f.severity === 'error').map((f: any) => ({ key: f.key, resolution, reason: '经核实为固定用语' })),
    ];
    // Before 终审 an error can only be referred up, not overridden.
    expect((await as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: settle('override') })).status).toBe(400);
    expect((await as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: settle('refer') })).status).toBe(200);
    expect((await as(reviewers[1]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: settle('refer') })).status).toBe(200);
    expect((await as(reviewers[2]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: settle('refer') })).status).toBe(400);
    const final = await as(reviewers[2]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: settle('override') });
    expect(final.status).toBe(200);
    expect(final.body.data.state.stage).toBe('approved');
    const last = (await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`)).body.data.events.at(-1);
    expect(last).toMatchObject({ action: 'approve', flagged: true });
    expect(last.settlements.length).toBeGreaterThan(0);
  });
});

describe('policies and their interpretations (seeds 003/004)', () => {
  const policyBody = (n: number) => ({
    title: `甘孜州行政规范性文件第${n}号`, indexNumber: `11513300MB0000001X/2024-0090${n}`, issuingAuthority: '甘孜藏族自治州人民政府',
    level: 'prefecture', documentKind: 'normative', ownerSite: 'ganzi',
  });

  it('sends back a normative policy without an interpretation, and publishes it only together with its approved interpretation', async () => {
    const created = await as(editor).post(`${cm(POLICY)}?locale=zh-Hans`, policyBody(1));
    expect(created.status).toBe(201);
    const policyId = created.body.data.documentId;
    const sentBack = await as(editor).post(review(POLICY, policyId, 'submit'), { locale: 'zh-Hans' });
    expect(sentBack.status).toBe(400);
    expect(sentBack.body.error.message).toMatch(/^Sent back/);
    expect(await stageOf(POLICY, policyId)).toBeUndefined();

    const interpretation = await as(editor).post(`${cm(INTERPRETATION)}?locale=zh-Hans`, {
      title: '《甘孜州行政规范性文件第1号》政策解读', form: 'text', ownerSite: 'ganzi', policy: { connect: [{ documentId: policyId }] },
    });
    expect(interpretation.status).toBe(201);
    const interpretationId = interpretation.body.data.documentId;

    expect((await as(editor).post(review(POLICY, policyId, 'submit'), { locale: 'zh-Hans' })).status).toBe(200);
    await approveAll(POLICY, policyId);
    const early = await as(reviewers[0]).post(`${cm(POLICY)}/${policyId}/actions/publish?locale=zh-Hans`, {});
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(/interpretation/);

    await as(editor).post(review(INTERPRETATION, interpretationId, 'submit'), { locale: 'zh-Hans' });
    await approveAll(INTERPRETATION, interpretationId);
    const together = await as(reviewers[0]).post(`${cm(POLICY)}/${policyId}/actions/publish?locale=zh-Hans`, {});
    expect(together.status).toBe(200);
    expect(await app.strapi.db.query(INTERPRETATION).count({ where: { documentId: interpretationId, publishedAt: { $notNull: true } } })).toBe(1);
    expect(await stageOf(INTERPRETATION, interpretationId)).toBe('published');
  });
});

describe('the audit trail', () => {
  it('cannot be changed or deleted through the Content Manager or the Document Service', async () => {
    const [event] = await app.strapi.db.query(EVENT).findMany({ limit: 1, orderBy: { id: 'asc' } });
    const before = JSON.stringify(event);
    const put = await as(superAdmin).put(`${cm(EVENT)}/${event.documentId}`, { comment: '篡改' });
    const del = await as(superAdmin).del(`${cm(EVENT)}/${event.documentId}`);
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(del.status).toBeGreaterThanOrEqual(400);
    await expect(app.strapi.documents(EVENT as any).update({ documentId: event.documentId, data: { comment: '篡改' } as any })).rejects.toMatchObject({ name: 'PolicyError' });
    await expect(app.strapi.documents(EVENT as any).delete({ documentId: event.documentId })).rejects.toMatchObject({ name: 'PolicyError' });
    expect(JSON.stringify(await app.strapi.db.query(EVENT).findOne({ where: { id: event.id } }))).toBe(before);
  });
});

describe('two reviewers approving the same stage at once', () => {
  it('lets exactly one succeed; the other gets 409', async () => {
    const id = await draftArticle('并发审核测试稿件');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    // Each reviewer approves the stage they saw: whoever comes second finds it moved on.
    const [a, b] = await Promise.all([
      as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', stage: 'first-review' }),
      as(reviewers[1]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', stage: 'first-review' }),
    ]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toMatch(/changed meanwhile|moved on/);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await stageOf(ARTICLE, id)).toBe('second-review');
  });
});

describe('personal data must be fixed, not waved through', () => {
  it('refuses to refer or override an unmasked ID number at any stage', async () => {
    const id = await draftArticle('低保对象公示', '公示对象：张三，身份证号513301199001011235。');
    const submitted = await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    const pii = submitted.body.data.findings.find((f: any) => f.rule === 'resident-id');
    expect(pii).toMatchObject({ severity: 'error', suggestion: '513301********1235' });
    for (const resolution of ['refer', 'override', 'dismissed']) {
      const res = await as(reviewers[0]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans', settlements: [{ key: pii.key, resolution, reason: '已征得本人同意' }] });
      expect({ resolution, status: res.status }).toEqual({ resolution, status: 400 });
    }
    expect(await stageOf(ARTICLE, id)).toBe('first-review');
  });
});

describe('per-site stage configuration and external sign-offs (OA)', () => {
  it('limits a stage to the configured role, inherited by the sites below', async () => {
    const chiefRole = await createRole(app, 'Chief editor', [{ action: 'plugin::review-workflow.review.approve' }, { action: 'plugin::review-workflow.review.read' }]);
    const chief = await createAdmin(app, { roles: [chiefRole.id] });
    // Review routes act on the item's site (route scope, issue #16): the chief editor works for the prefecture and below.
    await as(superAdmin).post('/site-group/assignments', { userId: chief.id, site: 'ganzi', includeDescendants: true });
    const config = await as(superAdmin).post('/review-workflow/stage-configs', { siteCode: 'ganzi', stage: 'final-review', roles: [chiefRole.code] });
    expect(config.status).toBe(200);
    const id = await draftArticle('需总编终审的稿件');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    await approveAll(ARTICLE, id, reviewers.slice(0, 2));
    const notChief = await as(reviewers[2]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' });
    expect(notChief.status).toBe(403);
    expect(notChief.body.error.message).toMatch(/终审/);
    expect((await as(chief).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' })).status).toBe(200);
    expect((await as(superAdmin).post('/review-workflow/stage-configs', { siteCode: 'ganzi', stage: 'final', roles: [] })).status).toBe(400);
    await as(superAdmin).post('/review-workflow/stage-configs', { siteCode: 'ganzi', stage: 'final-review', roles: [] });
  });

  it('lets a verified office-system sign-off stand in for the stages the site allows, shown as external in the audit', async () => {
    for (const stage of ['first-review', 'second-review']) {
      await as(superAdmin).post('/review-workflow/stage-configs', { siteCode: 'kangding', stage, externalSignOff: true });
    }
    const id = await draftArticle('经OA签发的通知');
    await as(editor).post(review(ARTICLE, id, 'submit'), { locale: 'zh-Hans' });
    const signOffs = app.strapi.plugin('review-workflow').service('external-sign-off');
    const input = {
      uid: ARTICLE, documentId: id, locale: 'zh-Hans', signers: [{ name: '泽仁', role: '办公室主任' }, { name: '王华', role: '分管副县长' }],
      signedAt: '2024-05-06T02:00:00.000Z', sourceSystem: '康定市协同办公系统', sourceDocumentId: 'KD-OA-2024-0518', signature: 'MEUCIQ…',
    };
    await expect(signOffs.record({ ...input, verified: false })).rejects.toMatchObject({ name: 'PolicyError' });
    const result = await signOffs.record({ ...input, verified: true });
    expect(result).toMatchObject({ stage: 'final-review', covered: ['first-review', 'second-review'] });
    const events = (await as(superAdmin).get(`${review(ARTICLE, id, 'history')}?locale=zh-Hans`)).body.data.events;
    expect(events.filter((e: any) => e.action === 'external-sign-off').map((e: any) => e.stage)).toEqual(['first-review', 'second-review']);
    expect((await as(reviewers[2]).post(review(ARTICLE, id, 'approve'), { locale: 'zh-Hans' })).body.data.state.stage).toBe('approved');
  });
});

describe('the managed dictionary and the flagged report', () => {
  it('lets an admin add a dictionary entry in the Content Manager; the next check finds it', async () => {
    const DICT = 'plugin::review-workflow.dictionary-entry';
    const before = await as(reviewers[0]).post('/review-workflow/check', { fields: { body: '请到甘孜州政务中心办理。' } });
    expect(before.body.data.filter((f: any) => f.check === 'word')).toEqual([]);
    const added = await as(superAdmin).post(cm(DICT), { term: '甘孜州政务中心', category: 'outdated-name', severity: 'warning', correction: '甘孜州政务服务中心', enabled: true });
    expect(added.status).toBe(201);
    const after = await as(reviewers[0]).post('/review-workflow/check', { fields: { body: '请到甘孜州政务中心办理。' } });
    expect(after.body.data.find((f: any) => f.check === 'word')).toMatchObject({ suggestion: '甘孜州政务服务中心', offset: 2 });
  });

  it('lists flagged events (emergency publishes, overrides) for supervisors', async () => {
    const res = await as(superAdmin).get('/review-workflow/reports/flagged');
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: any) => e.action)).toEqual(expect.arrayContaining(['emergency-publish', 'approve']));
    expect(res.body.data.every((e: any) => e.flagged)).toBe(true);
    expect((await as(superAdmin).get('/review-workflow/reports/flagged?since=yesterday')).status).toBe(400);
  });
});
