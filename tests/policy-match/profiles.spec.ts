import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, createUser, type AdminSession, type UserSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { adminAgent, makeUser, publishedPolicy, userAgent } from './fixtures';

let app: TestApp;
let admin: AdminSession;
let alice: UserSession;
let bob: UserSession;
let carol: UserSession;

const graduateRule = {
  audience: 'individual', tags: ['graduate'], jurisdiction: '513300',
  clauses: [{ text: '35岁及以下高校毕业生', benefit: '求职补贴1000元', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }],
};
const young = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

const waitFor = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  alice = await createUser(app);
  [bob, carol] = [await makeUser(app), await makeUser(app)];
});
afterAll(async () => {
  await app?.stop();
});

describe('stored profiles: explicit consent, owner only', () => {
  it('stores a profile only with consent; bad bodies change nothing', async () => {
    const me = userAgent(app, alice.jwt);
    const bad: [object, string][] = [
      [{ kind: 'individual', facts: { householdRegion: '513301' } }, 'consent'],
      [{ kind: 'individual', facts: { householdRegion: '513301' }, consent: false }, 'consent'],
      [{ kind: 'individual', facts: { age: 30 }, consent: true }, 'facts.age'],
      [{ kind: 'individual', facts: { householdRegion: '5133' }, consent: true }, 'facts.householdRegion'],
      [{ kind: 'individual', facts: { shoeSize: 42 }, consent: true }, 'facts.shoeSize'],
      [{ kind: 'individual', facts: {}, consent: true, userId: bob.id }, 'userId'],
    ];
    for (const [body, path] of bad) {
      const res = await me.put('/api/policy-match/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    }
    expect(await app.strapi.db.query('plugin::policy-match.profile').count()).toBe(0);

    const saved = await me.put('/api/policy-match/profile', { kind: 'individual', facts: { householdRegion: '513301', birthDate: young(25), identityTags: ['graduate'] }, consent: true });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ kind: 'individual', consentAt: expect.any(String), consentText: expect.stringContaining('同意') });
    const own = await me.get('/api/policy-match/profile');
    expect(own.status).toBe(200);
    expect(own.body.data.facts.householdRegion).toBe('513301');
  });

  it('is readable by nobody else: another user sees only their own (404), the public gets 401/403, and no route names a profile', async () => {
    expect((await userAgent(app, bob.jwt).get('/api/policy-match/profile')).status).toBe(404);
    expect([401, 403]).toContain((await userAgent(app).get('/api/policy-match/profile')).status);
    expect([401, 403]).toContain((await userAgent(app).put('/api/policy-match/profile', { kind: 'individual', facts: {}, consent: true })).status);
    const profileId = (await app.strapi.db.query('plugin::policy-match.profile').findOne({ where: { userId: alice.id } })).id;
    for (const path of [`/api/policy-match/profile/${profileId}`, `/api/policy-match/profiles/${profileId}`, '/api/policy-match/profiles', `/api/profiles/${profileId}`, '/api/profiles']) {
      expect((await userAgent(app, bob.jwt).get(path)).status).toBe(404);
    }
    // Strapi generated no content-API routes for the plugin's content types: only those the plugin declares.
    const routes = app.strapi.server.listRoutes().map((r: any) => `${r.methods.join(',')} ${r.path}`).filter((r: string) => r.includes('/api/policy-match'));
    expect(routes.every((r: string) => !/profiles|inbox-items|profile-tags|eligibilities/.test(r))).toBe(true);
    // match with Bob's token uses Bob's (missing) profile, never Alice's
    expect((await userAgent(app, bob.jwt).post('/api/policy-match/match', {})).status).toBe(404);
    // an admin without the Content Manager permission cannot read profiles there either
    const role = await createRole(app, 'policy editor', [{ action: 'plugin::policy-match.eligibility.read' }]);
    const editor = await createAdmin(app, { roles: [role.id] });
    expect((await adminAgent(app, editor.jwt).get('/content-manager/collection-types/plugin::policy-match.profile')).status).toBe(403);
    // nor can a Super Admin: the Document Service refuses the plugin's private types altogether
    expect((await adminAgent(app, admin.jwt).get('/content-manager/collection-types/plugin::policy-match.profile')).status).toBe(403);
    expect((await adminAgent(app, admin.jwt).get('/content-manager/collection-types/plugin::policy-match.inbox-item')).status).toBe(403);
  });

  it('match uses the caller’s stored profile when no profile is sent', async () => {
    const doc = await publishedPolicy(app, '甘孜州高校毕业生求职补贴（存档画像）');
    expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, graduateRule)).status).toBe(200);
    const res = await userAgent(app, alice.jwt).post('/api/policy-match/match', { documentIds: [doc] });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ documentId: doc, status: 'eligible' });
    expect((await userAgent(app).post('/api/policy-match/match', {})).status).toBe(400);
  });

  it('withdrawing consent deletes the profile', async () => {
    const me = userAgent(app, carol.jwt);
    await me.put('/api/policy-match/profile', { kind: 'individual', facts: { householdRegion: '513322', identityTags: ['veteran'] }, consent: true });
    expect((await me.delete('/api/policy-match/profile')).status).toBe(200);
    expect((await me.get('/api/policy-match/profile')).status).toBe(404);
    expect(await app.strapi.db.query('plugin::policy-match.profile-tag').count({ where: { tag: 'identityTags:veteran' } })).toBe(0);
  });
});

describe('reverse match and publish notifications', () => {
  it('counts stored profiles a policy reaches, by region, with a sample; the SQL pre-filter agrees with evaluating everyone', async () => {
    const users: UserSession[] = [];
    const facts = [
      { householdRegion: '513301', birthDate: young(22), identityTags: ['graduate'] }, // eligible, 康定
      { householdRegion: '513338', birthDate: young(30), identityTags: ['graduate', 'veteran'] }, // eligible, 得荣
      { householdRegion: '513338', birthDate: young(40), identityTags: ['graduate'] }, // too old
      { householdRegion: '513401', birthDate: young(25), identityTags: ['graduate'] }, // other prefecture
      { householdRegion: '513301', birthDate: young(25), identityTags: [] }, // not a graduate
      { householdRegion: '513301', identityTags: ['graduate'] }, // age unknown: possibly, not counted
    ];
    for (const f of facts) {
      const u = await makeUser(app);
      users.push(u);
      expect((await userAgent(app, u.jwt).put('/api/policy-match/profile', { kind: 'individual', facts: f, consent: true })).status).toBe(200);
    }
    const doc = await publishedPolicy(app, '甘孜州高校毕业生就业见习补贴');
    await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, graduateRule);
    const res = await adminAgent(app, admin.jwt).get(`/policy-match/policies/${doc}/audience`);
    expect(res.status).toBe(200);
    // Alice (康定, 25, graduate) from the first block counts too
    expect(res.body.data.count).toBe(3);
    expect(res.body.data.byRegion).toEqual([
      { code: '513301', nameZh: '康定市', nameBo: 'དར་མདོ་གྲོང་ཁྱེར།', count: 2 },
      { code: '513338', nameZh: '得荣县', nameBo: 'སྡེ་རོང་རྫོང་།', count: 1 },
    ]);
    expect(res.body.data.sample).toHaveLength(3);
    expect(res.body.data.sample[0]).not.toHaveProperty('userId');
    const everyone = await app.strapi.plugin('policy-match').service('audience').audience(doc, { prefilter: false });
    expect(everyone.count).toBe(3);
    expect(everyone.evaluated).toBeGreaterThan(res.body.data.evaluated);

    const role = await createRole(app, 'no audience', [{ action: 'plugin::policy-match.eligibility.read' }]);
    const other = await createAdmin(app, { roles: [role.id] });
    expect((await adminAgent(app, other.jwt).get(`/policy-match/policies/${doc}/audience`)).status).toBe(403);
  });

  it('the SQL pre-filter never loses an eligible profile: rules over columns, tags, JSON facts, not/any/all agree with evaluating everyone', async () => {
    const profiles = app.strapi.plugin('policy-match').service('profiles');
    const regions = ['513301', '513322', '513338', '513401', '110105'];
    const ids = ['graduate', 'veteran', 'dibao'];
    for (let i = 0; i < 60; i += 1) {
      const facts: Record<string, unknown> =
        i % 4 === 3
          ? { region: regions[i % 5], enterpriseSize: ['large', 'medium', 'small', 'micro'][i % 4 === 3 ? (i >> 2) % 4 : 0], employees: (i * 37) % 400, industryCode: ['H61', 'C13', 'R88'][i % 3], foundedOn: `20${10 + (i % 15)}-0${1 + (i % 9)}-15`, ...(i % 8 === 7 ? {} : { taxCreditRating: ['A', 'B', 'D'][i % 3] }) }
          : { householdRegion: regions[i % 5], ...(i % 6 === 5 ? {} : { birthDate: `${1940 + ((i * 7) % 68)}-0${1 + (i % 9)}-1${i % 10}` }), identityTags: ids.filter((_, k) => (i >> k) % 2), ...(i % 3 === 0 ? {} : { ownsLocalHousing: i % 2 === 0 }), ...(i % 5 === 0 ? {} : { incomeBand: ['dibao', 'low', 'middle', 'high'][i % 4] }) };
      await profiles.saveOwn(100_000 + i, { kind: i % 4 === 3 ? 'enterprise' : 'individual', facts, subscribed: true });
    }
    const rules: [string, object][] = [
      ['individual', { all: [{ field: 'age', op: 'gte', value: 60 }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] }],
      ['individual', { any: [{ field: 'identityTags', op: 'in', value: ['veteran', 'dibao'] }, { field: 'incomeBand', op: 'eq', value: 'low' }] }],
      ['individual', { not: { any: [{ field: 'incomeBand', op: 'in', value: ['high', 'middle'] }, { field: 'ownsLocalHousing', op: 'exists', value: false }] } }],
      ['individual', { all: [{ field: 'age', op: 'between', value: [20, 50] }, { not: { field: 'identityTags', op: 'eq', value: 'graduate' } }] }],
      ['enterprise', { all: [{ not: { field: 'enterpriseSize', op: 'in', value: ['large'] } }, { field: 'employees', op: 'between', value: [10, 300] }, { not: { field: 'taxCreditRating', op: 'eq', value: 'D' } }] }],
      ['enterprise', { any: [{ field: 'industryCode', op: 'eq', value: 'H' }, { not: { field: 'foundedOn', op: 'before', value: '2018-01-01' } }] }],
      ['enterprise', { not: { all: [{ field: 'taxCreditRating', op: 'exists' }, { field: 'employees', op: 'lte', value: 100 }] } }],
    ];
    const audience = app.strapi.plugin('policy-match').service('audience');
    let nonEmpty = 0;
    for (const [audienceKind, rule] of rules) {
      const doc = await publishedPolicy(app, `前置过滤一致性测试 ${JSON.stringify(rule).length}`);
      const res = await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, { audience: audienceKind, jurisdiction: null, clauses: [{ text: 't', benefit: 'b', rule }] });
      expect(res.status).toBe(200);
      const filtered = await audience.audience(doc);
      const everyone = await audience.audience(doc, { prefilter: false });
      expect([JSON.stringify(rule), filtered.count]).toEqual([JSON.stringify(rule), everyone.count]);
      if (filtered.count > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });

  it('on publish, subscribed matching users get one inbox item; others none; inboxes are private', async () => {
    const [sub1, sub2, unsub] = [await makeUser(app), await makeUser(app), await makeUser(app)];
    const put = (u: UserSession, facts: object) => userAgent(app, u.jwt).put('/api/policy-match/profile', { kind: 'individual', facts, consent: true });
    await put(sub1, { householdRegion: '513322', birthDate: young(23), identityTags: ['graduate'] });
    await put(sub2, { householdRegion: '513322', birthDate: young(50), identityTags: ['graduate'] });
    await put(unsub, { householdRegion: '513322', birthDate: young(23), identityTags: ['graduate'] });
    expect((await userAgent(app, sub1.jwt).post('/api/policy-match/subscriptions', { kind: 'tag', value: 'graduate' })).status).toBe(201);
    expect((await userAgent(app, sub2.jwt).post('/api/policy-match/subscriptions', { kind: 'region', value: '513322' })).status).toBe(201);
    expect((await userAgent(app, sub1.jwt).post('/api/policy-match/subscriptions', { kind: 'region', value: '51' })).status).toBe(400);
    expect((await userAgent(app, sub1.jwt).post('/api/policy-match/subscriptions', { kind: 'tag', value: 'nonexistent' })).status).toBe(400);

    const draft = await publishedPolicy(app, '泸定县高校毕业生返乡就业补贴', { publish: false });
    await adminAgent(app, admin.jwt).put(`/policy-match/policies/${draft}/eligibility`, graduateRule);
    await asPublishedFixture(app, () => app.strapi.documents('api::policy.policy').publish({ documentId: draft }));

    const inbox = await waitFor(() => userAgent(app, sub1.jwt).get('/api/policy-match/inbox'), (r: any) => r.body.data?.length > 0);
    expect(inbox.status).toBe(200);
    expect(inbox.body.data).toEqual([expect.objectContaining({ policyDocumentId: draft, status: 'eligible', title: '泸定县高校毕业生返乡就业补贴', readAt: null })]);
    expect((await userAgent(app, sub2.jwt).get('/api/policy-match/inbox')).body.data).toEqual([]);
    expect((await userAgent(app, unsub.jwt).get('/api/policy-match/inbox')).body.data).toEqual([]);
    expect([401, 403]).toContain((await userAgent(app).get('/api/policy-match/inbox')).status);

    // the same event again (another locale, another instance) adds nothing
    await app.strapi.plugin('policy-match').service('audience').notifyPublished(draft);
    expect((await userAgent(app, sub1.jwt).get('/api/policy-match/inbox')).body.data).toHaveLength(1);
    expect((await userAgent(app, sub1.jwt).get('/api/policy-match/inbox')).body.data).toHaveLength(1);
    // rules given after publication notify too (the eligibility event), once
    const later = await publishedPolicy(app, '泸定县退役军人就业补贴');
    await adminAgent(app, admin.jwt).put(`/policy-match/policies/${later}/eligibility`, graduateRule);
    const both = await waitFor(() => userAgent(app, sub1.jwt).get('/api/policy-match/inbox'), (r: any) => r.body.data?.length > 1);
    expect(both.body.data.map((i: any) => i.policyDocumentId).sort()).toEqual([draft, later].sort());
    const itemId = inbox.body.data[0].id;
    expect((await userAgent(app, sub2.jwt).post(`/api/policy-match/inbox/${itemId}/read`)).status).toBe(404);
    expect((await userAgent(app, sub1.jwt).post(`/api/policy-match/inbox/${itemId}/read`)).status).toBe(200);
  });
});

// C: typed fact rows and per-fact consent for sensitive facts (issue #19)
describe('stored profiles: typed fact rows, one consent per sensitive fact', () => {
  const factRowsOf = async (userId: number) => {
    const profile = await app.strapi.db.query('plugin::policy-match.profile').findOne({ where: { userId }, select: ['id'] });
    if (!profile) return [];
    const rows = await app.strapi.db.query('plugin::policy-match.profile-fact').findMany({ where: { profileId: profile.id }, orderBy: [{ fact: 'asc' }, { vText: 'asc' }] });
    return rows.map((r: any) => [r.fact, r.vNum === null ? null : Number(r.vNum), r.vText]);
  };

  it('writes one typed row per stored fact and per tag, replaced with the profile (an empty list keeps a "known" row)', async () => {
    const u = await makeUser(app);
    const me = userAgent(app, u.jwt);
    const put = (facts: object) => me.put('/api/policy-match/profile', { kind: 'individual', facts, consent: true });
    expect((await put({ householdRegion: '513301', birthDate: '2000-01-02', identityTags: ['graduate', 'veteran'], graduationYear: 2024, educationLevel: 'bachelor', ownsLocalHousing: false })).status).toBe(200);
    expect(await factRowsOf(u.id)).toEqual([
      ['birthDate', 10958, null],
      ['educationLevel', null, 'bachelor'],
      ['graduationYear', 2024, null],
      ['householdRegion', null, '513301'],
      ['identityTags', null, 'graduate'],
      ['identityTags', null, 'veteran'],
      ['ownsLocalHousing', 0, null],
    ]);
    expect((await put({ householdRegion: '513322', identityTags: [] })).status).toBe(200);
    expect(await factRowsOf(u.id)).toEqual([['householdRegion', null, '513322'], ['identityTags', null, null]]);
    // derived and non-askable facts are refused in a stored profile, nothing changes
    for (const [facts, path] of [[{ incomePerCapita: 5000 }, 'facts.incomePerCapita'], [{ age: 30 }, 'facts.age'], [{ enterpriseTypes: ['high-tech'] }, 'facts.enterpriseTypes']] as const) {
      const res = await put(facts);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    }
    expect(await factRowsOf(u.id)).toEqual([['householdRegion', null, '513322'], ['identityTags', null, null]]);
    const { id: profileId } = await app.strapi.db.query('plugin::policy-match.profile').findOne({ where: { userId: u.id }, select: ['id'] });
    expect((await me.delete('/api/policy-match/profile')).status).toBe(200);
    expect(await app.strapi.db.query('plugin::policy-match.profile-fact').count({ where: { profileId } })).toBe(0);
  });

  it('stores a sensitive fact only with its own consent; leaving the consent out withdraws it and deletes the value', async () => {
    const u = await makeUser(app);
    const me = userAgent(app, u.jwt);
    const base = { householdRegion: '513301', birthDate: '1990-05-01' };
    const bad: [object, string][] = [
      [{ kind: 'individual', facts: { ...base, disabilityGrade: 'grade2' }, consent: true }, 'facts.disabilityGrade'],
      [{ kind: 'individual', facts: { ...base, disabilityGrade: 'grade2' }, consent: true, consents: { disabilityGrade: false } }, 'consents.disabilityGrade'],
      [{ kind: 'individual', facts: { ...base, disabilityGrade: 'grade2' }, consent: true, consents: { disabilityGrade: true, householdRegion: true } }, 'consents.householdRegion'],
      [{ kind: 'individual', facts: base, consent: true, consents: { shoeSize: true } }, 'consents.shoeSize'],
      [{ kind: 'individual', facts: base, consent: true, consents: { constructor: true } }, 'consents.constructor'],
    ];
    for (const [body, path] of bad) {
      const res = await me.put('/api/policy-match/profile', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    }
    expect(await app.strapi.db.query('plugin::policy-match.profile').count({ where: { userId: u.id } })).toBe(0);

    const saved = await me.put('/api/policy-match/profile', { kind: 'individual', facts: { ...base, disabilityGrade: 'grade2' }, consent: true, consents: { disabilityGrade: true } });
    expect(saved.status).toBe(200);
    const given = saved.body.data.consents.disabilityGrade;
    expect(new Date(given).toISOString()).toBe(given);
    expect(await factRowsOf(u.id)).toContainEqual(['disabilityGrade', null, 'grade2']);
    // saved again with the consent: it keeps the time it was first given
    await new Promise((r) => setTimeout(r, 20));
    const again = await me.put('/api/policy-match/profile', { kind: 'individual', facts: { ...base, disabilityGrade: 'grade1' }, consent: true, consents: { disabilityGrade: true } });
    expect(again.body.data.consents).toEqual({ disabilityGrade: given });
    expect((await me.get('/api/policy-match/profile')).body.data).toMatchObject({ facts: { disabilityGrade: 'grade1' }, consents: { disabilityGrade: given } });

    // the value without its consent is refused and nothing changes
    const refused = await me.put('/api/policy-match/profile', { kind: 'individual', facts: { ...base, disabilityGrade: 'grade1' }, consent: true });
    expect(refused.status).toBe(400);
    expect((await me.get('/api/policy-match/profile')).body.data.consents).toEqual({ disabilityGrade: given });

    // withdrawn: the consent and the value are gone, from the profile and from its fact rows
    const withdrawn = await me.put('/api/policy-match/profile', { kind: 'individual', facts: base, consent: true });
    expect(withdrawn.status).toBe(200);
    const own = (await me.get('/api/policy-match/profile')).body.data;
    expect(own.consents).toEqual({});
    expect(own.facts).not.toHaveProperty('disabilityGrade');
    expect((await factRowsOf(u.id)).filter((r) => r[0] === 'disabilityGrade')).toEqual([]);
    const stored = await app.strapi.db.query('plugin::policy-match.profile').findOne({ where: { userId: u.id } });
    expect(JSON.stringify(stored)).not.toContain('grade1');
  });

  it('the public match takes a sensitive fact without consent and stores nothing', async () => {
    const before = await app.strapi.db.query('plugin::policy-match.profile-fact').count({ where: { fact: 'disabilityGrade' } });
    const res = await userAgent(app).post('/api/policy-match/match', { profile: { kind: 'individual', facts: { householdRegion: '513301', disabilityGrade: 'grade2' } } });
    expect(res.status).toBe(200);
    expect(await app.strapi.db.query('plugin::policy-match.profile-fact').count({ where: { fact: 'disabilityGrade' } })).toBe(before);
  });

  it('the backfill writes the same rows from the stored facts JSON as the profile writes do', async () => {
    const facts = app.strapi.db.query('plugin::policy-match.profile-fact');
    const snapshot = async () => (await facts.findMany({ orderBy: [{ profileId: 'asc' }, { fact: 'asc' }, { vText: 'asc' }] })).map((r: any) => [r.profileId, r.fact, r.vNum === null ? null : Number(r.vNum), r.vText]);
    const written = await snapshot();
    expect(written.length).toBeGreaterThan(10);
    await facts.deleteMany({});
    expect(await app.strapi.plugin('policy-match').service('profiles').backfillFacts({ force: true })).toEqual({ backfilled: true });
    expect(await snapshot()).toEqual(written);
    // once per layout: a second start does nothing
    expect(await app.strapi.plugin('policy-match').service('profiles').backfillFacts()).toEqual({ backfilled: false });
  });
});
