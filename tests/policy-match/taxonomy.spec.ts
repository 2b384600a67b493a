/**
 * The taxonomy by dimension (issue #19 item 7): a tag in use keeps its code and dimension and cannot be
 * deleted (409 naming the field, with its uses); names and synonyms stay editable. GET /tags/:code/usage
 * lists the uses: policies (with the path of each use), stored profiles, subscriptions, child tags.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { adminAgent, makeUser, publishedPolicy, userAgent } from './fixtures';

let app: TestApp;
let admin: AdminSession;
let policy: string;

const A = () => adminAgent(app, admin.jwt);
const tagRow = (code: string) => app.strapi.db.query('plugin::policy-match.tag').findOne({ where: { code } });

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  policy = await publishedPolicy(app, '甘孜州高校毕业生就业补贴（分类测试）', { validFrom: '2025-01-01', validTo: '2025-12-31' });
  const put = await A().put(`/policy-match/policies/${policy}/eligibility`, {
    audience: 'individual', tags: ['employment', 'graduate'], jurisdiction: '513301',
    clauses: [{ text: '35岁及以下高校毕业生', benefit: '补贴', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'in', value: ['veteran', 'graduate'] }] } }],
  });
  if (put.status !== 200) throw new Error(`eligibility: ${put.status} ${JSON.stringify(put.body)}`);
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe('tag usage', () => {
  it('lists the policies using a tag with the path of each use', async () => {
    const res = await A().get('/policy-match/tags/graduate/usage');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ code: 'graduate', dimension: 'identity', inUse: true, storedProfiles: 0, subscriptions: 0, children: [] });
    expect(res.body.data.policies).toEqual([{ documentId: policy, title: '甘孜州高校毕业生就业补贴（分类测试）', paths: ['tags.1', 'clauses.0.rule.all.1.value.1'] }]);
    const region = await A().get('/policy-match/tags/513301/usage');
    expect(region.body.data.policies[0].paths).toEqual(['jurisdiction']);
  });

  it('an unused tag is not in use; an unknown tag answers 404', async () => {
    expect((await A().put('/policy-match/tags', { code: 'test-unused', dimension: 'identity', nameZh: '测试身份' })).status).toBe(200);
    expect((await A().get('/policy-match/tags/test-unused/usage')).body.data).toMatchObject({ inUse: false, policies: [], storedProfiles: 0, subscriptions: 0, children: [] });
    expect((await A().get('/policy-match/tags/no-such-tag/usage')).status).toBe(404);
  });

  it('counts stored profiles and subscriptions holding the tag, and child tags', async () => {
    expect((await A().put('/policy-match/tags', { code: 'test-held', dimension: 'identity', nameZh: '测试持有' })).status).toBe(200);
    const user = await makeUser(app);
    const stored = await userAgent(app, user.jwt).put('/api/policy-match/profile', { kind: 'individual', facts: { identityTags: ['test-held'] }, consent: true });
    expect(stored.status).toBe(200);
    expect((await A().get('/policy-match/tags/test-held/usage')).body.data).toMatchObject({ inUse: true, storedProfiles: 1, policies: [] });
    expect((await A().put('/policy-match/tags', { code: 'test-followed', dimension: 'theme', nameZh: '测试订阅' })).status).toBe(200);
    expect((await userAgent(app, user.jwt).post('/api/policy-match/subscriptions', { kind: 'tag', value: 'test-followed' })).status).toBeLessThan(300);
    expect((await A().get('/policy-match/tags/test-followed/usage')).body.data).toMatchObject({ inUse: true, subscriptions: 1 });
    const prefecture = await A().get('/policy-match/tags/513300/usage');
    expect(prefecture.body.data.children).toEqual(expect.arrayContaining(['513301', '513338']));
    expect(prefecture.body.data.inUse).toBe(true);
  });
});

describe('a tag in use is locked: code, dimension and delete; names and synonyms stay editable', () => {
  it('refuses a dimension change with 409 naming the field and the uses; nothing changes', async () => {
    const res = await A().put('/policy-match/tags', { code: 'graduate', dimension: 'life-event', nameZh: '高校毕业生' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.errors[0].path).toEqual(['dimension']);
    expect(res.body.error.details.usage.policies[0].documentId).toBe(policy);
    expect((await tagRow('graduate')).dimension).toBe('identity');
  });

  it('edits names and synonyms of a tag in use', async () => {
    const before = await tagRow('graduate');
    const res = await A().put('/policy-match/tags', { code: 'graduate', dimension: 'identity', nameZh: '高校毕业生', nameBo: before.nameBo, synonyms: ['大学毕业生', '应届毕业生', '离校未就业毕业生'], parentCode: before.parentCode });
    expect(res.status).toBe(200);
    expect(res.body.data.synonyms).toEqual(['大学毕业生', '应届毕业生', '离校未就业毕业生']);
    expect((await tagRow('graduate')).synonyms).toHaveLength(3);
  });

  it('refuses to delete a tag in use (policy, stored profile, subscription, children) with 409 and its uses', async () => {
    for (const code of ['graduate', 'test-held', 'test-followed', '513300']) {
      const res = await A().delete(`/policy-match/tags/${code}`);
      expect(res.status).toBe(409);
      expect(res.body.error.details.errors[0].path).toEqual(['code']);
      expect(res.body.error.details.usage.inUse).toBe(true);
      expect(await tagRow(code)).not.toBeNull();
    }
  });

  it('deletes an unused tag and changes the dimension of an unused one; 404 for an unknown tag', async () => {
    expect((await A().put('/policy-match/tags', { code: 'test-moving', dimension: 'identity', nameZh: '测试移动' })).status).toBe(200);
    const moved = await A().put('/policy-match/tags', { code: 'test-moving', dimension: 'life-event', nameZh: '测试移动' });
    expect(moved.status).toBe(200);
    expect(moved.body.data.dimension).toBe('life-event');
    expect((await A().put('/policy-match/tags', { code: 'test-gone', dimension: 'identity', nameZh: '测试删除' })).status).toBe(200);
    const res = await A().delete('/policy-match/tags/test-gone');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ deleted: true, code: 'test-gone' });
    expect(await tagRow('test-gone')).toBeNull();
    expect((await A().get('/policy-match/tags?dimension=identity')).body.data.map((t: any) => t.code)).not.toContain('test-gone');
    expect((await A().delete('/policy-match/tags/test-gone')).status).toBe(404);
  });
});
