/**
 * Issue #16 item 8: the review gate's side doors. Each hole of the probe is a named case:
 * (a) an interpretation published with its policy on a stale approval, (b) unpublish and retraction
 * leaving the approval in force, (c) cluster find-and-replace without four eyes or flags,
 * (d) Strapi's remote data transfer past the gate, (e) the audit trail changed at the database, and a
 * forged state row taken for an approval.
 */
import { ARTICLE, POLICY, as, bootSecurityApp, cm, rejectionMessage, INTERPRETATION, REVIEW_EVENT_UID, REVIEW_STATE_UID, type SecurityCast } from './lib';
import type { AdminSession } from '../helpers/auth';


let cast: SecurityCast;
const review = (uid: string, documentId: string, action: string) => `/review-workflow/documents/${uid}/${documentId}/${action}`;

// One boot; generous, as the shared machine is often loaded.
beforeAll(async () => {
  cast = await bootSecurityApp();
}, 600_000);
afterAll(async () => {
  await cast?.app.stop();
});

/** The root-site admin writes; the three reviewers approve; nothing is checked but success. */
const draft = async (uid: string, data: Record<string, unknown>, editor: AdminSession = cast.rootAdmin) => {
  const res = await as(cast.app, editor).post(`${cm(uid)}?locale=zh-Hans`, data);
  expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 201, error: undefined });
  return res.body.data.documentId as string;
};
const submitAndApprove = async (uid: string, documentId: string, editor: AdminSession = cast.rootAdmin, approvers: AdminSession[] = cast.reviewers) => {
  const submitted = await as(cast.app, editor).post(review(uid, documentId, 'submit'), { locale: 'zh-Hans' });
  expect({ status: submitted.status, error: submitted.body.error?.message }).toEqual({ status: 200, error: undefined });
  for (const reviewer of approvers) {
    const res = await as(cast.app, reviewer).post(review(uid, documentId, 'approve'), { locale: 'zh-Hans' });
    expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
  }
};
const publish = (uid: string, documentId: string, session: AdminSession = cast.reviewers[0]) =>
  as(cast.app, session).post(`${cm(uid)}/${documentId}/actions/publish?locale=zh-Hans`, {});
const isPublished = async (uid: string, documentId: string) =>
  (await cast.app.strapi.db.query(uid as any).count({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } })) > 0;
const stageOf = async (uid: string, documentId: string) =>
  (await cast.app.strapi.db.query(REVIEW_STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: 'zh-Hans' } }))?.stage;

const publishedArticle = async (title: string, ownerSite = 'kangding') => {
  const id = await draft(ARTICLE, { title, body: `${title}。正文。`, ownerSite });
  await submitAndApprove(ARTICLE, id);
  const res = await publish(ARTICLE, id);
  expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
  return id;
};

describe('8(a) a document published alongside another is re-checked against its own approved hash', () => {
  const policyBody = (n: number) => ({
    title: `甘孜州行政规范性文件第${n}号`, indexNumber: `11513300MB0000001X/2024-0090${n}`, issuingAuthority: '甘孜藏族自治州人民政府',
    level: 'prefecture', documentKind: 'normative', ownerSite: 'ganzi',
  });
  const approvedInterpretation = async (title: string) => {
    const id = await draft(INTERPRETATION, { title, form: 'text', ownerSite: 'ganzi' });
    await submitAndApprove(INTERPRETATION, id);
    expect(await stageOf(INTERPRETATION, id)).toBe('approved');
    return id;
  };
  const approvedHash = async (id: string) =>
    (await cast.app.strapi.db.query(REVIEW_STATE_UID).findOne({ where: { contentType: INTERPRETATION, itemDocumentId: id } })).contentHash;
  const hashNow = (id: string) => cast.app.strapi.plugin('review-workflow').service('content').hash(INTERPRETATION, id, 'zh-Hans');

  it('linking an approved interpretation from the policy side changes it: it goes back to draft, and the policy waits for its new review', async () => {
    const interpretationId = await approvedInterpretation('《甘孜州规范性文件第8号》政策解读');
    // The probe's path: the policy links it (Content Manager, policy side); the interpretation's `policy` changes.
    const policyId = await draft(POLICY, { ...policyBody(8), interpretations: { connect: [{ documentId: interpretationId }] } });
    expect(await hashNow(interpretationId)).not.toBe(await approvedHash(interpretationId));
    expect(await stageOf(INTERPRETATION, interpretationId)).toBe('draft');
    const history = await cast.app.strapi.plugin('review-workflow').service('audit-trail').history(INTERPRETATION, interpretationId, 'zh-Hans');
    expect(history.map((e: any) => e.action)).toContain('reset');

    await submitAndApprove(POLICY, policyId);
    const refused = await publish(POLICY, policyId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/interpretation/);
    expect(await isPublished(POLICY, policyId)).toBe(false);
    expect(await isPublished(INTERPRETATION, interpretationId)).toBe(false);

    // Reviewed again as it is now, the two publish together.
    await submitAndApprove(INTERPRETATION, interpretationId);
    const together = await publish(POLICY, policyId);
    expect({ status: together.status, error: together.body.error?.message }).toEqual({ status: 200, error: undefined });
    expect(await isPublished(INTERPRETATION, interpretationId)).toBe(true);
    expect(await stageOf(INTERPRETATION, interpretationId)).toBe('published');
  });

  it('an interpretation changed past the Document Service is caught when its policy publishes: re-checked against its own approved hash', async () => {
    const interpretationId = await draft(INTERPRETATION, { title: '《甘孜州规范性文件第9号》政策解读', form: 'text', ownerSite: 'ganzi' });
    const policyId = await draft(POLICY, { ...policyBody(9), interpretations: { connect: [{ documentId: interpretationId }] } });
    await submitAndApprove(INTERPRETATION, interpretationId);
    await submitAndApprove(POLICY, policyId);
    // Changed with the Query Engine (as a data import would): no middleware sees it, its state still says approved.
    const row = await cast.app.strapi.db.query(INTERPRETATION).findOne({ where: { documentId: interpretationId, locale: 'zh-Hans', publishedAt: null } });
    await cast.app.strapi.db.query(INTERPRETATION).update({ where: { id: row.id }, data: { summary: '未经审核的解读要点' } });
    expect(await stageOf(INTERPRETATION, interpretationId)).toBe('approved');
    expect(await hashNow(interpretationId)).not.toBe(await approvedHash(interpretationId));

    // Bulk publish sends the policy's publish alone (the single publish saves the draft first, and that
    // save already sends the changed interpretation back to draft).
    const refused = await as(cast.app, cast.reviewers[0]).post(`${cm(POLICY)}/actions/bulkPublish?locale=zh-Hans`, { documentIds: [policyId] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(new RegExp(`${INTERPRETATION} ${interpretationId}.*changed after the final approval`));
    expect(await isPublished(POLICY, policyId)).toBe(false);
    expect(await isPublished(INTERPRETATION, interpretationId)).toBe(false);

    // And through the single publish (draft save, then publish, in one transaction): refused as well.
    const single = await publish(POLICY, policyId);
    expect(single.status).toBe(403);
    expect(single.body.error.message).toMatch(/interpretation/);
    expect(await isPublished(POLICY, policyId)).toBe(false);
    expect(await isPublished(INTERPRETATION, interpretationId)).toBe(false);
  });
});

describe('8(b) after an unpublish or a retraction, publishing needs a new final approval', () => {
  const takeDown: Record<string, (id: string) => Promise<void>> = {
    'Content Manager unpublish': async (id) => {
      const res = await as(cast.app, cast.rootAdmin).post(`${cm(ARTICLE)}/${id}/actions/unpublish?locale=zh-Hans`, {});
      expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
    },
    'cluster retraction (distribution)': async (id) => {
      const res = await as(cast.app, cast.rootAdmin).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'kangding', includeDescendants: false }, reason: '错情撤稿' });
      expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 201, error: undefined });
    },
  };

  it.each(Object.keys(takeDown))('%s: the same text cannot be published again without review', async (how) => {
    const id = await publishedArticle(`撤下后重新发布：${how}`);
    await takeDown[how](id);
    expect(await isPublished(ARTICLE, id)).toBe(false);
    expect(await stageOf(ARTICLE, id)).toBe('draft');
    const history = await cast.app.strapi.plugin('review-workflow').service('audit-trail').history(ARTICLE, id, 'zh-Hans');
    expect(history.map((e: any) => e.action)).toContain('unpublish');

    const again = await publish(ARTICLE, id);
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/三审三校/);
    expect(await isPublished(ARTICLE, id)).toBe(false);

    // A forged state row (approved, current hash) does not help either: the old approval predates the unpublish.
    await cast.app.strapi.db.query(REVIEW_STATE_UID).updateMany({ where: { contentType: ARTICLE, itemDocumentId: id }, data: { stage: 'approved' } });
    const forged = await publish(ARTICLE, id);
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/audit trail holds no final approval/);

    // A new review opens the way again.
    await cast.app.strapi.db.query(REVIEW_STATE_UID).updateMany({ where: { contentType: ARTICLE, itemDocumentId: id }, data: { stage: 'draft' } });
    // reviewers[0] published it last time, which saved the draft: they are its last editor now.
    await submitAndApprove(ARTICLE, id, cast.rootAdmin, [cast.reviewers[1], cast.reviewers[2], cast.superAdmin]);
    expect((await publish(ARTICLE, id, cast.reviewers[1])).status).toBe(200);
  });
});

describe('8(c) cluster find-and-replace: four eyes, and every republished item flagged', () => {
  it('refuses the apply by the admin who previewed; another admin applies; each changed item is flagged and listed in the flagged report', async () => {
    const id = await publishedArticle('泸定县转发甘孜州人力资源和社会保障局通知', 'luding');
    const preview = await as(cast.app, cast.rootAdmin).post('/distribution/replacements/preview', {
      find: '甘孜州人力资源和社会保障局', replace: '甘孜州人社局', scope: { site: 'luding' }, locales: ['zh-Hans'],
    });
    expect(preview.status).toBe(201);
    const replacementId = preview.body.data.id;
    expect(preview.body.data.counts.items).toBe(1);

    const same = await as(cast.app, cast.rootAdmin).post(`/distribution/replacements/${replacementId}/apply`);
    expect(same.status).toBe(403);
    expect(same.body.error.message).toMatch(/other than the one who previewed/);
    expect((await cast.app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })).title).toContain('甘孜州人力资源和社会保障局');

    const other = await as(cast.app, cast.superAdmin).post(`/distribution/replacements/${replacementId}/apply`);
    expect({ status: other.status, error: other.body.error?.message }).toEqual({ status: 200, error: undefined });
    expect(other.body.data).toMatchObject({ applied: 1, republished: 1 });
    expect((await cast.app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })).title).toContain('甘孜州人社局');

    const rolledBack = await as(cast.app, cast.superAdmin).post(`/distribution/replacements/${replacementId}/rollback`);
    expect(rolledBack.status).toBe(200);

    const flagged = await as(cast.app, cast.reviewers[0]).get('/review-workflow/reports/flagged');
    expect(flagged.status).toBe(200);
    const mine = flagged.body.data.filter((e: any) => e.itemDocumentId === id);
    expect(mine.map((e: any) => e.action).sort()).toEqual(['cluster-replacement', 'cluster-replacement-rollback']);
    expect(mine.every((e: any) => e.flagged === true)).toBe(true);
  });
});

describe('8(d) Strapi data transfer is off unless configured', () => {
  let transferKey: string;
  beforeAll(async () => {
    // A transfer token left from before (or made with database access): the routes must refuse it too.
    const token = await cast.app.strapi.service('admin::transfer').token.create({ name: `leftover-${Date.now()}`, description: '', permissions: ['push', 'pull'], lifespan: null });
    transferKey = token.accessKey;
  });

  it.each([
    ['GET', '/admin/transfer/runner/push'],
    ['GET', '/admin/transfer/runner/pull'],
  ])('%s %s with a valid transfer token answers 404', async (_method, path) => {
    expect(cast.app.strapi.config.get('server.transfer.remote.enabled')).toBe(false);
    const res = await cast.app.request().get(path).set('Authorization', `Bearer ${transferKey}`);
    expect(res.status).toBe(404);
  });

  it('POST /admin/transfer/tokens answers 404 even to a Super Admin, and makes no token', async () => {
    const before = await cast.app.strapi.db.query('admin::transfer-token').count();
    const res = await as(cast.app, cast.superAdmin).post('/admin/transfer/tokens', { name: 'migration', permissions: ['push'], lifespan: null });
    expect(res.status).toBe(404);
    expect(await cast.app.strapi.db.query('admin::transfer-token').count()).toBe(before);
  });
});

describe('8(e) the audit trail at the database, and the gate reading it', () => {
  let event: any;
  beforeAll(async () => {
    await publishedArticle('审计记录不可篡改');
    [event] = await cast.app.strapi.db.query(REVIEW_EVENT_UID).findMany({ where: { action: 'approve' }, limit: 1, orderBy: { id: 'asc' } });
  });

  it.each([
    ['Query Engine update', () => cast.app.strapi.db.query(REVIEW_EVENT_UID).update({ where: { id: event.id }, data: { comment: '篡改', stage: 'final-review' } })],
    ['Query Engine updateMany', () => cast.app.strapi.db.query(REVIEW_EVENT_UID).updateMany({ where: { id: event.id }, data: { flagged: true } })],
    ['Query Engine delete', () => cast.app.strapi.db.query(REVIEW_EVENT_UID).delete({ where: { id: event.id } })],
    ['Query Engine deleteMany', () => cast.app.strapi.db.query(REVIEW_EVENT_UID).deleteMany({ where: { id: { $gte: event.id } } })],
    ['raw SQL update', () => cast.app.strapi.db.connection(cast.app.strapi.db.metadata.get(REVIEW_EVENT_UID).tableName).where({ id: event.id }).update({ comment: '篡改' })],
  ])('%s is refused by the database and changes nothing', async (_name, attempt) => {
    const before = JSON.stringify(await cast.app.strapi.db.query(REVIEW_EVENT_UID).findOne({ where: { id: event.id } }));
    const count = await cast.app.strapi.db.query(REVIEW_EVENT_UID).count();
    expect(await rejectionMessage(attempt())).toMatch(/append-only/);
    expect(JSON.stringify(await cast.app.strapi.db.query(REVIEW_EVENT_UID).findOne({ where: { id: event.id } }))).toBe(before);
    expect(await cast.app.strapi.db.query(REVIEW_EVENT_UID).count()).toBe(count);
  });

  it('installing the triggers again at boot is a no-op', async () => {
    const { installAppendOnlyTriggers } = require('@jiyue/kernel/dist/db/append-only');
    const db = cast.app.strapi.db;
    await installAppendOnlyTriggers(db.connection, db.dialect.client, db.metadata.get(REVIEW_EVENT_UID).tableName, { schema: db.getSchemaName?.() || null });
    expect(await rejectionMessage(db.query(REVIEW_EVENT_UID).update({ where: { id: event.id }, data: { comment: 'x' } }))).toMatch(/append-only/);
  });

  it('refuses a publish whose approved state row has no final approval in the audit trail', async () => {
    const id = await draft(ARTICLE, { title: '伪造审核状态', body: '未经审核。', ownerSite: 'kangding' });
    const contentHash = await cast.app.strapi.plugin('review-workflow').service('content').hash(ARTICLE, id, 'zh-Hans');
    await cast.app.strapi.db.query(REVIEW_STATE_UID).create({
      data: { contentType: ARTICLE, itemDocumentId: id, itemLocale: 'zh-Hans', stage: 'approved', contentHash, approvals: [], cycle: 1, version: 0, ownerSite: 'kangding' },
    });
    const res = await publish(ARTICLE, id);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/audit trail holds no final approval/);
    expect(await isPublished(ARTICLE, id)).toBe(false);
  });
});
