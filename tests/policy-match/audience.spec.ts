import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { adminAgent, publishedPolicy } from './fixtures';

/**
 * Reverse match without a cliff (issue #19, deliver 5): an exact condition is counted inline by SQL
 * and stored; a heavy one answers at once with the last stored result and its age while a
 * background run (one instance, database lease, checkpoints) computes the current one.
 */
let app: TestApp;
let admin: AdminSession;
const service = (name: string) => app.strapi.plugin('policy-match').service(name);
const runs = () => app.strapi.db.query('plugin::policy-match.audience-run');
const setConfig = (key: string, value: unknown) => app.strapi.config.set(`plugin::policy-match.${key}`, value);

const years = (n: number) => `${new Date().getUTCFullYear() - n}-03-01`;
const ratioRule = (threshold: number) => ({
  audience: 'enterprise', jurisdiction: '513300',
  clauses: [{ text: '当年新招用人数达到在职职工15%', benefit: '一次性吸纳就业补贴', rule: { all: [{ field: 'enterpriseSize', op: 'in', value: ['small', 'micro'] }, { field: 'newHireRatio', op: 'gte', value: threshold }] } }],
});

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  const profiles = service('profiles');
  const regions = ['513301', '513322', '513338', '513401'];
  for (let i = 0; i < 24; i++) {
    await profiles.saveOwn(300_000 + i, {
      kind: 'individual', subscribed: true, consents: { disabilityGrade: true },
      facts: { householdRegion: regions[i % 4], birthDate: years(20 + i), identityTags: i % 3 ? ['graduate'] : [], ...(i % 2 ? { disabilityGrade: ['grade1', 'grade2', 'grade3'][i % 3] } : {}) },
    });
  }
  for (let i = 0; i < 20; i++) {
    // employees 10..29, new hires 0..9: ratios from 0 to 90 %
    await profiles.saveOwn(310_000 + i, {
      kind: 'enterprise', subscribed: true,
      facts: { region: regions[i % 3], enterpriseSize: i % 5 === 0 ? 'large' : 'small', employees: 10 + i, newHires: i % 10 },
    });
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('audience: inline, background, lease takeover', () => {
  it('counts an exact condition inline by SQL alone, agreeing with evaluating everyone, and stores it', async () => {
    const doc = await publishedPolicy(app, '甘孜州高校毕业生求职创业补贴（受众）');
    const rule = { audience: 'individual', jurisdiction: '513300', clauses: [{ text: '35岁以下高校毕业生', benefit: '补贴', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { not: { field: 'identityTags', op: 'exists', value: false } }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }] };
    expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, rule)).status).toBe(200);
    const res = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
    expect(res.status).toBe(200);
    const everyone = await service('audience').audience(doc, { prefilter: false });
    expect(everyone.count).toBeGreaterThan(3);
    expect(res.body.data).toMatchObject({ documentId: doc, count: everyone.count, exact: true, source: 'computed', current: true, ageSeconds: 0, run: null, sampleWithheld: null });
    expect(res.body.data.byRegion.reduce((n: number, c: any) => n + c.count, 0)).toBe(everyone.count);
    expect(await runs().count({ where: { policyDocumentId: doc, status: 'done' } })).toBe(1);
  });

  it('a heavy condition answers at once with the last stored result and its age; the run is background, per policy version', async () => {
    setConfig('audienceInlineMax', 3);
    try {
      const doc = await publishedPolicy(app, '甘孜州小微企业吸纳就业补贴（受众）');
      expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, ratioRule(15))).status).toBe(200);
      const expected = (await service('audience').audience(doc, { prefilter: false })).count;
      expect(expected).toBeGreaterThan(3);

      const first = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(first.status).toBe(200);
      expect(first.body.data).toMatchObject({ count: null, source: 'pending', computedAt: null, run: { status: 'queued' } });
      // asking again queues nothing more
      const again = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(again.body.data.run.id).toBe(first.body.data.run.id);
      expect(await runs().count({ where: { policyDocumentId: doc } })).toBe(1);

      expect(await service('audience-jobs').runOnce()).toMatchObject({ id: first.body.data.run.id, status: 'done' });
      const stored = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(stored.body.data).toMatchObject({ count: expected, source: 'stored', current: true, exact: false, run: null });
      expect(stored.body.data.ageSeconds).toBeGreaterThanOrEqual(0);
      expect(Date.parse(stored.body.data.computedAt)).toBeLessThanOrEqual(Date.now());
      expect(stored.body.data.byRegion.reduce((n: number, c: any) => n + c.count, 0)).toBe(expected);
      // current: no new run until one is asked for
      expect(await runs().count({ where: { policyDocumentId: doc, status: { $in: ['queued', 'running'] } } })).toBe(0);

      // the rules change: the old result is still answered at once, marked not current, and a run is queued
      expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, ratioRule(30))).status).toBe(200);
      const changed = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(changed.body.data).toMatchObject({ count: expected, source: 'stored', current: false, run: { status: 'queued' } });
      expect(changed.body.data.policyVersion).not.toBe(stored.body.data.policyVersion);
      await service('audience-jobs').runOnce();
      const recomputed = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(recomputed.body.data).toMatchObject({ count: (await service('audience').audience(doc, { prefilter: false })).count, current: true, source: 'stored' });
    } finally {
      setConfig('audienceInlineMax', 100_000);
    }
  });

  it('a stalled run is taken over once its lease has run out, and resumes from its checkpoint', async () => {
    setConfig('audienceInlineMax', 3);
    setConfig('audienceBatchSize', 3);
    try {
      const doc = await publishedPolicy(app, '甘孜州小微企业吸纳就业补贴（接管）');
      expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, ratioRule(10))).status).toBe(200);
      const expected = await service('audience').audience(doc, { prefilter: false });
      const forced = await adminAgent(app, admin.jwt).post(`/policy-match/policies/${doc}/audience/runs`);
      expect(forced.status).toBe(202);
      expect(forced.body.data).toMatchObject({ status: 'queued' });
      const id = forced.body.data.id;

      // the first holder works two pages and stops beating (a crash): its lease still holds
      expect(await service('audience-jobs').runOnce({ stopAfterPages: 2 })).toMatchObject({ id, status: 'stopped' });
      const stalled = await runs().findOne({ where: { id } });
      expect(stalled).toMatchObject({ status: 'running', evaluated: 6 });
      expect(stalled.lastProfileId).toBeGreaterThan(0);
      expect(stalled.estimated).toBeGreaterThan(6);
      expect(await service('audience-jobs').runOnce()).toBeNull();
      const progress = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(progress.body.data).toMatchObject({ source: 'pending', run: { id, status: 'running', evaluated: 6, estimated: stalled.estimated } });

      // its heartbeat is old: the next claimer takes the run over and continues after the checkpoint
      await runs().update({ where: { id }, data: { leaseUntil: Date.now() - 1000 } });
      expect(await service('audience-jobs').runOnce()).toMatchObject({ id, status: 'done' });
      const done = await runs().findOne({ where: { id } });
      expect(done).toMatchObject({ status: 'done', count: expected.count, evaluated: stalled.estimated, claimToken: null });
      expect(done.evaluated).toBeLessThan(stalled.estimated + 6);
      // the old holder's token no longer writes
      expect((await runs().updateMany({ where: { id, claimToken: stalled.claimToken }, data: { count: 999 } })).count).toBe(0);
      const answer = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
      expect(answer.body.data).toMatchObject({ count: expected.count, source: 'stored', current: true });
    } finally {
      setConfig('audienceInlineMax', 100_000);
      setConfig('audienceBatchSize', 5000);
    }
  });

  it('never shows a sample, nor small region cells, for a policy over a sensitive fact', async () => {
    const doc = await publishedPolicy(app, '甘孜州残疾人生活补贴（受众）');
    const rule = { audience: 'individual', jurisdiction: '513300', clauses: [{ text: '一级、二级残疾人', benefit: '生活补贴', rule: { field: 'disabilityGrade', op: 'gte', value: 'grade2' } }] };
    expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, rule)).status).toBe(200);
    const res = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
    expect(res.status).toBe(200);
    expect(res.body.data.count).toBe((await service('audience').audience(doc, { prefilter: false })).count);
    expect(res.body.data.count).toBeGreaterThan(0);
    expect(res.body.data).toMatchObject({ sample: [], sampleWithheld: 'sensitive' });
    expect(res.body.data.byRegion.length).toBeGreaterThan(0);
    for (const cell of res.body.data.byRegion) expect(cell).toMatchObject({ count: null, belowThreshold: true });
    const stored = await runs().findOne({ where: { policyDocumentId: doc, status: 'done' } });
    expect(stored.sample).toEqual([]);
  });

  it('asks the same permission as the count: a role without audience.read gets 403 on both routes', async () => {
    const doc = await publishedPolicy(app, '甘孜州就业补贴（权限）');
    await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, ratioRule(15));
    const role = await createRole(app, 'rules only', [{ action: 'plugin::policy-match.eligibility.read' }]);
    const other = await createAdmin(app, { roles: [role.id] });
    expect((await adminAgent(app, other.jwt).get(`/policy-match/policies/${doc}/audience`)).status).toBe(403);
    expect((await adminAgent(app, other.jwt).post(`/policy-match/policies/${doc}/audience/runs`)).status).toBe(403);
    expect(await runs().count({ where: { policyDocumentId: doc } })).toBe(0);
  });
});
