import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { adminAgent, makeUser, publishedPolicy, userAgent } from './fixtures';

let app: TestApp;
let admin: AdminSession;
let policy: string;
let u1: Awaited<ReturnType<typeof makeUser>>;
let u2: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  policy = await publishedPolicy(app, '关于进一步支持甘孜州小微企业发展的若干措施');
  [u1, u2] = [await makeUser(app), await makeUser(app)];
});
afterAll(async () => {
  await app?.stop();
});

describe('ratings', () => {
  it('one rating per user and policy: a second one updates it; the aggregate is public', async () => {
    expect((await userAgent(app, u1.jwt).put(`/api/policy-match/policies/${policy}/rating`, { stars: 2 })).status).toBe(200);
    const second = await userAgent(app, u1.jwt).put(`/api/policy-match/policies/${policy}/rating`, { stars: 5 });
    expect(second.status).toBe(200);
    await userAgent(app, u2.jwt).put(`/api/policy-match/policies/${policy}/rating`, { stars: 4 });
    expect(await app.strapi.db.query('plugin::policy-match.rating').count({ where: { policyDocumentId: policy } })).toBe(2);
    const agg = await app.request().get(`/api/policy-match/policies/${policy}/ratings`);
    expect(agg.status).toBe(200);
    expect(agg.body.data).toEqual({ count: 2, average: 4.5, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
  });

  it('refuses bad ratings (400) and anonymous writes (401/403); nothing written', async () => {
    for (const body of [{ stars: 6 }, { stars: 0 }, { stars: '5' }, { stars: 3.5 }, {}, { stars: 3, userId: u2.id }]) {
      expect((await userAgent(app, u2.jwt).put(`/api/policy-match/policies/${policy}/rating`, body)).status).toBe(400);
    }
    expect([401, 403]).toContain((await userAgent(app).put(`/api/policy-match/policies/${policy}/rating`, { stars: 1 })).status);
    expect((await userAgent(app, u2.jwt).put('/api/policy-match/policies/nosuchpolicy/rating', { stars: 1 })).status).toBe(404);
    const rows = await app.strapi.db.query('plugin::policy-match.rating').findMany({ where: { policyDocumentId: policy }, orderBy: { userId: 'asc' } });
    expect(rows.map((r: any) => r.stars)).toEqual([5, 4]);
  });
});

describe('comments held for moderation', () => {
  it('a pending comment is not public; approval by a moderator makes it public; rejection never', async () => {
    const posted = await userAgent(app, u1.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: '措施很实用，希望简化申请材料。' });
    expect(posted.status).toBe(201);
    expect(posted.body.data).toMatchObject({ status: 'pending', flagged: false });
    const rejected = await userAgent(app, u2.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: '广告：代办补贴，加微信。' });
    expect((await app.request().get(`/api/policy-match/policies/${policy}/comments`)).body.data).toEqual([]);

    const queue = await adminAgent(app, admin.jwt).get('/policy-match/comments?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((c: any) => c.id).sort()).toEqual([posted.body.data.id, rejected.body.data.id].sort());

    const noRight = await createAdmin(app, { roles: [(await createRole(app, 'tagger', [{ action: 'plugin::policy-match.tag.read' }])).id] });
    expect((await adminAgent(app, noRight.jwt).post(`/policy-match/comments/${posted.body.data.id}/approve`)).status).toBe(403);

    expect((await adminAgent(app, admin.jwt).post(`/policy-match/comments/${posted.body.data.id}/approve`, {})).status).toBe(200);
    expect((await adminAgent(app, admin.jwt).post(`/policy-match/comments/${rejected.body.data.id}/reject`, { note: '广告' })).status).toBe(200);
    const pub = await app.request().get(`/api/policy-match/policies/${policy}/comments`);
    expect(pub.body.data).toEqual([expect.objectContaining({ body: '措施很实用，希望简化申请材料。' })]);
    expect(pub.body.data[0]).not.toHaveProperty('userId');
  });

  it('a site editor moderates comments on their own sites’ policies only', async () => {
    const posted = await userAgent(app, u1.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: '请问个体工商户能否申请？' });
    const role = await createRole(app, 'site moderator', [{ action: 'plugin::policy-match.comment.moderate' }]);
    const [kangding, ganzi] = [await createAdmin(app, { roles: [role.id] }), await createAdmin(app, { roles: [role.id] })];
    await app.strapi.plugin('site-group').service('editor-scope').assign(kangding.id, 'kangding');
    await app.strapi.plugin('site-group').service('editor-scope').assign(ganzi.id, 'ganzi');
    const refused = await adminAgent(app, kangding.jwt).post(`/policy-match/comments/${posted.body.data.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ganzi');
    expect((await adminAgent(app, ganzi.jwt).post(`/policy-match/comments/${posted.body.data.id}/approve`, {})).status).toBe(200);
  });

  it('pre-checks with the review-workflow word checker and flags error findings for the editor', async () => {
    const res = await userAgent(app, u2.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: '这份文件是绝密的吗？' });
    expect(res.status).toBe(201);
    expect(res.body.data.flagged).toBe(true);
    expect(res.body.data.findings).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'word', excerpt: expect.stringContaining('绝密'), severity: 'error' })]));
    const queue = await adminAgent(app, admin.jwt).get('/policy-match/comments');
    expect(queue.body.data[0]).toMatchObject({ id: res.body.data.id, flagged: true });
  });

  it('refuses empty or unknown-key comment bodies with nothing written', async () => {
    const before = await app.strapi.db.query('plugin::policy-match.comment').count();
    for (const body of [{}, { body: ' ' }, { body: 'x'.repeat(2001) }, { body: '好', status: 'approved' }]) {
      expect((await userAgent(app, u1.jwt).post(`/api/policy-match/policies/${policy}/comments`, body)).status).toBe(400);
    }
    expect(await app.strapi.db.query('plugin::policy-match.comment').count()).toBe(before);
  });
});

describe('favourites, subscriptions and rate limits', () => {
  it('keeps favourites per user', async () => {
    expect((await userAgent(app, u1.jwt).put(`/api/policy-match/favourites/${policy}`, {})).status).toBe(200);
    expect((await userAgent(app, u1.jwt).put(`/api/policy-match/favourites/${policy}`, {})).status).toBe(200);
    expect((await userAgent(app, u1.jwt).get('/api/policy-match/favourites')).body.data).toEqual([expect.objectContaining({ policyDocumentId: policy })]);
    expect((await userAgent(app, u2.jwt).get('/api/policy-match/favourites')).body.data).toEqual([]);
    const subs = await userAgent(app, u2.jwt).post('/api/policy-match/subscriptions', { kind: 'theme', value: '劳动、人事、监察/就业' });
    expect(subs.status).toBe(201);
    expect((await userAgent(app, u1.jwt).delete(`/api/policy-match/subscriptions/${subs.body.data.id}`)).status).toBe(404);
    expect((await userAgent(app, u2.jwt).delete(`/api/policy-match/subscriptions/${subs.body.data.id}`)).status).toBe(200);
  });

  it('limits writes per user per minute, counted in the database (429, nothing written)', async () => {
    app.strapi.config.set('plugin::policy-match.writesPerMinute', 3);
    const u3 = await makeUser(app);
    // start of a fresh window so the test cannot straddle two minutes
    const wait = 60_000 - (Date.now() % 60_000);
    if (wait < 5_000) await new Promise((r) => setTimeout(r, wait + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await userAgent(app, u3.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: `第${i}条留言：请问申请时限？` })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(await app.strapi.db.query('plugin::policy-match.comment').count({ where: { userId: u3.id } })).toBe(3);
    // another user has a budget of their own
    expect((await userAgent(app, u1.jwt).post(`/api/policy-match/policies/${policy}/comments`, { body: '另一位用户的留言。' })).status).toBe(201);
    app.strapi.config.set('plugin::policy-match.writesPerMinute', 20);
  });
});

describe('tag suggestions for editors', () => {
  it('scores taxonomy tags found in segmented policy text', async () => {
    const text = '为支持康定市高校毕业生和退役军人就业创业，对符合条件的小微企业吸纳高校毕业生就业的，给予社会保险补贴。';
    const res = await adminAgent(app, admin.jwt).post('/policy-match/suggest-tags', { text });
    expect(res.status).toBe(200);
    const codes = res.body.data.map((s: any) => s.code);
    expect(codes[0]).toBe('graduate');
    expect(codes).toEqual(expect.arrayContaining(['513301', 'employment', 'micro', 'veteran']));
    expect(res.body.data[0].matches[0]).toMatchObject({ term: '高校毕业生', count: 2 });
    expect((await adminAgent(app, admin.jwt).post('/policy-match/suggest-tags', { text: '' })).status).toBe(400);
    expect((await userAgent(app, u1.jwt).post('/policy-match/suggest-tags', { text })).status).toBe(401);
  });
});
