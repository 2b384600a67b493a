/**
 * "Try a profile" on one policy (issue #19 item 7, the rules editor's box): POST /policy-match/policies/:documentId/try
 * evaluates an unsaved draft (checked like a save: 400 with paths under `eligibility`, nothing stored) or the saved
 * eligibility against one profile, and answers the status, each clause's explanations and the missing facts.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { adminAgent, publishedPolicy } from './fixtures';

let app: TestApp;
let admin: AdminSession;
let saved: string;
let bare: string;
let draftOnly: string;
const ASOF = '2025-06-15';

const graduateRules = {
  audience: 'individual', tags: ['graduate'], jurisdiction: '513300',
  clauses: [
    { text: '离校2年内未就业的35岁及以下高校毕业生', textBo: 'མཐོ་རིམ་སློབ་གྲྭ་ནས་ཐོན་པ།', benefit: '一次性求职创业补贴1000元', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } },
  ],
};
const person = (facts: object) => ({ kind: 'individual', facts });
const tryOn = (documentId: string, body: object) => adminAgent(app, admin.jwt).post(`/policy-match/policies/${documentId}/try`, body);
const savedRow = (documentId: string) => app.strapi.db.query('plugin::policy-match.eligibility').findOne({ where: { policyDocumentId: documentId } });

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  const valid2025 = { validFrom: '2025-01-01', validTo: '2025-12-31' };
  saved = await publishedPolicy(app, '甘孜州高校毕业生求职创业补贴（试算）', valid2025);
  const put = await adminAgent(app, admin.jwt).put(`/policy-match/policies/${saved}/eligibility`, graduateRules);
  if (put.status !== 200) throw new Error(`eligibility: ${put.status} ${JSON.stringify(put.body)}`);
  bare = await publishedPolicy(app, '尚无适用条件的政策', valid2025);
  draftOnly = await publishedPolicy(app, '未发布的退役军人政策草稿', { ...valid2025, publish: false });
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe('try a profile on the saved eligibility', () => {
  it('answers eligible with each clause explained', async () => {
    const res = await tryOn(saved, { profile: person({ householdRegion: '513301', age: 24, identityTags: ['graduate'] }), asOf: ASOF });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: saved, draft: false, asOf: ASOF, status: 'eligible', reasons: [], missing: [], missingFacts: [] });
    expect(res.body.data.jurisdiction).toMatchObject({ result: true });
    const [clause] = res.body.data.clauses;
    expect(clause).toMatchObject({ index: 0, status: 'eligible', benefit: '一次性求职创业补贴1000元', textBo: 'མཐོ་རིམ་སློབ་གྲྭ་ནས་ཐོན་པ།', missing: [] });
    expect(clause.explanations.length).toBeGreaterThanOrEqual(2);
  });

  it('answers possibly eligible with the missing facts, labelled', async () => {
    const res = await tryOn(saved, { profile: person({ householdRegion: '513301' }), asOf: ASOF });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('possibly-eligible');
    expect([...res.body.data.missing].sort()).toEqual(['age', 'identityTags']);
    expect(res.body.data.missingFacts.map((m: any) => m.field).sort()).toEqual(['age', 'identityTags']);
    expect(res.body.data.missingFacts.find((m: any) => m.field === 'age')).toMatchObject({ label: '年龄', settles: 1 });
  });

  it('answers ineligible with the reason (outside the jurisdiction, wrong audience, out of force)', async () => {
    const outside = await tryOn(saved, { profile: person({ householdRegion: '513401', age: 24, identityTags: ['graduate'] }), asOf: ASOF });
    expect(outside.body.data).toMatchObject({ status: 'ineligible', reasons: ['jurisdiction'] });
    const firm = await tryOn(saved, { profile: { kind: 'enterprise', facts: { region: '513301' } }, asOf: ASOF });
    expect(firm.body.data).toMatchObject({ status: 'ineligible', reasons: ['audience'] });
    const later = await tryOn(saved, { profile: person({ householdRegion: '513301', age: 24, identityTags: ['graduate'] }), asOf: '2026-01-05' });
    expect(later.body.data.reasons).toContain('expired');
  });

  it('404 without a saved eligibility and without a draft; 404 for an unknown policy', async () => {
    const none = await tryOn(bare, { profile: person({ age: 24 }), asOf: ASOF });
    expect(none.status).toBe(404);
    const unknown = await tryOn('x0nosuchpolicyxxxxxxxxxx', { profile: person({ age: 24 }) });
    expect(unknown.status).toBe(404);
  });
});

describe('try a profile on an unsaved draft', () => {
  it('evaluates the draft, not the saved rules, and stores nothing', async () => {
    const before = await savedRow(saved);
    const draft = { ...graduateRules, clauses: [{ text: '40岁及以下高校毕业生', benefit: '补贴', rule: { all: [{ field: 'age', op: 'lte', value: 40 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }] };
    const profile = person({ householdRegion: '513301', age: 38, identityTags: ['graduate'] });
    expect((await tryOn(saved, { profile, asOf: ASOF })).body.data.status).toBe('ineligible');
    const res = await tryOn(saved, { eligibility: draft, profile, asOf: ASOF });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ draft: true, status: 'eligible' });
    const after = await savedRow(saved);
    expect(after.clauses).toEqual(before.clauses);
    expect(String(after.updatedAt)).toBe(String(before.updatedAt));
  });

  it('works on a policy that is not published yet and has no saved rules', async () => {
    const draft = { audience: 'individual', clauses: [{ text: '在本地无住房的退役军人', benefit: '住房补贴', rule: { all: [{ field: 'identityTags', op: 'eq', value: 'veteran' }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] } }] };
    const res = await tryOn(draftOnly, { eligibility: draft, profile: person({ identityTags: ['veteran'] }), asOf: ASOF });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ draft: true, status: 'possibly-eligible', missing: ['ownsLocalHousing'] });
    expect(await savedRow(draftOnly)).toBeNull();
  });

  it.each([
    ['a value of the wrong type', { clauses: [{ text: 't', benefit: 'b', rule: { field: 'age', op: 'lte', value: 'old' } }] }, 'eligibility.clauses.0.rule.value'],
    ['an unknown fact deep in the rule', { clauses: [{ text: 't', benefit: 'b', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { any: [{ field: 'shoeSize', op: 'eq', value: 42 }] }] } }] }, 'eligibility.clauses.0.rule.all.1.any.0.field'],
    ['an unknown tag', { tags: ['no-such-tag'], clauses: [] }, 'eligibility.tags.0'],
    ['an unknown key of a clause', { clauses: [{ text: 't', benefit: 'b', weight: 3 }] }, 'eligibility.clauses.0.weight'],
    ['a missing clause text', { clauses: [{ benefit: 'b' }] }, 'eligibility.clauses.0.text'],
    ['a jurisdiction that is no region code', { jurisdiction: '康定', clauses: [] }, 'eligibility.jurisdiction'],
  ])('400 for %s, at its path; nothing stored', async (_name, part, path) => {
    const before = await savedRow(saved);
    const res = await tryOn(saved, { eligibility: { audience: 'individual', ...part }, profile: person({ age: 24 }), asOf: ASOF });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
    expect((await savedRow(saved)).updatedAt).toEqual(before.updatedAt);
  });

  it.each([
    ['a fact of the wrong type', { profile: person({ age: 'twenty' }) }, 'profile.facts.age'],
    ['an unknown fact', { profile: person({ shoeSize: 42 }) }, 'profile.facts.shoeSize'],
    ['an enterprise fact on a person', { profile: person({ employees: 5 }) }, 'profile.facts.employees'],
    ['no profile', {}, 'profile'],
    ['an unknown kind', { profile: { kind: 'robot', facts: {} } }, 'profile.kind'],
    ['a bad date', { profile: person({}), asOf: '2025-02-30' }, 'asOf'],
    ['an unknown top-level key', { profile: person({}), save: true }, 'save'],
    ['a reserved key', { profile: { kind: 'individual', facts: JSON.parse('{"__proto__": {"x": 1}}') } }, 'profile.facts.__proto__'],
  ])('400 for %s in the try body', async (_name, body, path) => {
    const res = await tryOn(saved, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
  });
});
