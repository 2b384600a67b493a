import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { adminAgent, publishedPolicy } from './fixtures';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { liftRateLimits } from '../helpers/rate-limits';

/**
 * The rule language of #19 at the eligibility API (design §2): what it accepts (kind, relative
 * dates, ordered enums, the jurisdiction's region fact per kind) and the bad input it refuses —
 * unknown facts, values outside a fact's bounds or enum, comparisons the fact's type has no meaning
 * for, facts of an audience the policy does not serve, reserved keys — each a 400 naming the path,
 * with nothing stored.
 */
let app: TestApp;
let admin: AdminSession;
let stored: string;
let empty: string;
const ELIGIBILITY = 'plugin::policy-match.eligibility';

const put = (documentId: string, body: object | string) => {
  const req = adminAgent(app, admin.jwt);
  if (typeof body === 'object') return req.put(`/policy-match/policies/${documentId}/eligibility`, body);
  return app.request().put(`/policy-match/policies/${documentId}/eligibility`).set('Authorization', `Bearer ${admin.jwt}`).set('Content-Type', 'application/json').send(body);
};
const get = async (documentId: string) => (await adminAgent(app, admin.jwt).get(`/policy-match/policies/${documentId}/eligibility`)).body.data;
const clause = (rule: unknown) => ({ text: '条件', benefit: '补贴', rule });

/** A policy for individuals and firms alike (P16-like): one branch per kind, each guarded by its kind. */
const ANY_POLICY = {
  audience: 'any',
  tags: [],
  jurisdiction: '513300',
  jurisdictionFacts: { individual: 'householdRegion', enterprise: 'region' },
  clauses: [
    clause({
      any: [
        { all: [{ kind: 'individual' }, { field: 'identityTags', op: 'eq', value: 'herder' }, { field: 'age', op: 'lte', value: 60 }] },
        { all: [{ kind: 'enterprise' }, { field: 'enterpriseSize', op: 'lte', value: 'small' }, { field: 'foundedOn', op: 'after', value: { today: { years: -3 } } }] },
      ],
    }),
  ],
};

beforeAll(async () => {
  app = await bootStrapi();
  liftRateLimits(app.strapi);
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  stored = await publishedPolicy(app, '甘孜州支持牧民和小微企业发展的若干措施', { validFrom: '2025-01-01' });
  empty = await publishedPolicy(app, '尚未设置适用条件的政策', { validFrom: '2025-01-01' });
  const res = await put(stored, ANY_POLICY);
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe('the new rule forms are stored and matched', () => {
  it('stores kind, relative values, ordered comparisons and the jurisdiction facts as sent', async () => {
    const saved = await get(stored);
    expect(saved.jurisdictionFacts).toEqual({ individual: 'householdRegion', enterprise: 'region' });
    expect(saved.clauses[0].rule).toEqual(ANY_POLICY.clauses[0].rule);
  });

  it('matches each kind on its own branch, the founding date relative to the evaluation day', async () => {
    const match = (profile: object, asOf: string) =>
      app.request().post('/api/policy-match/match').send({ profile, asOf, documentIds: [stored], includeIneligible: true });
    const firm = { kind: 'enterprise', facts: { region: '513301', enterpriseSize: 'micro', foundedOn: '2023-07-01' } };
    const onTime = await match(firm, '2026-07-01'); // today − 3 years = 2023-07-01: "after" is strict
    expect(onTime.status).toBe(200);
    expect(onTime.body.data[0].status).toBe('ineligible');
    const dayBefore = await match(firm, '2026-06-30');
    expect(dayBefore.body.data[0].status).toBe('eligible');
    expect(dayBefore.body.data[0].clauses[0].explanations.map((e: { zh: string }) => e.zh)).toEqual([
      '申请主体 企业 属于 个人 ✗',
      '申请主体 企业 属于 企业 ✓',
      '企业规模 微型 ≤ 小型 ✓',
      '成立日期 2023-07-01 晚于 2023-06-30（评估日前3年） ✓',
    ]);
    const large = await match({ kind: 'enterprise', facts: { ...firm.facts, enterpriseSize: 'large' } }, '2026-06-30');
    expect(large.body.data[0].status).toBe('ineligible');
    const herder = await match({ kind: 'individual', facts: { householdRegion: '513332', identityTags: ['herder'] } }, '2026-07-01');
    expect(herder.body.data[0]).toMatchObject({ status: 'possibly-eligible', missing: ['age'] });
  });
});

describe('bad rules: 400 with the path, nothing stored', () => {
  const IND = (rule: unknown, extra: object = {}) => ({ audience: 'individual', clauses: [clause(rule)], ...extra });
  const ANY = (rule: unknown) => ({ audience: 'any', clauses: [clause(rule)] });
  const cases: [string, object | string, string][] = [
    ['unknown fact', IND({ field: 'salaryBand', op: 'eq', value: 'x' }), 'clauses.0.rule.field'],
    ['unknown fact deep inside', IND({ all: [{ field: 'age', op: 'gte', value: 16 }, { not: { field: 'nickname', op: 'exists' } }] }), 'clauses.0.rule.all.1.not.field'],
    ['value above the fact’s max', IND({ field: 'householdSize', op: 'gte', value: 31 }), 'clauses.0.rule.value'],
    ['value below the fact’s min', IND({ field: 'graduationYear', op: 'eq', value: 1800 }), 'clauses.0.rule.value'],
    ['not a value of the enum', IND({ field: 'educationLevel', op: 'gte', value: 'phd' }), 'clauses.0.rule.value'],
    ['one bad value in a list', IND({ field: 'hukouType', op: 'in', value: ['urban', 'suburban'] }), 'clauses.0.rule.value.1'],
    ['a string for a number', IND({ field: 'householdSize', op: 'lte', value: '4' }), 'clauses.0.rule.value'],
    ['thisYear on a date fact', IND({ field: 'dischargeDate', op: 'gte', value: { thisYear: -1 } }), 'clauses.0.rule.value'],
    ['today on a year fact', IND({ field: 'graduationYear', op: 'gte', value: { today: { years: -2 } } }), 'clauses.0.rule.value'],
    ['a relative unit that does not exist', IND({ field: 'dischargeDate', op: 'gte', value: { today: { weeks: -1 } } }), 'clauses.0.rule.value.today.weeks'],
    ['a relative offset out of range', IND({ field: 'dischargeDate', op: 'gte', value: { today: { years: -101 } } }), 'clauses.0.rule.value.today.years'],
    ['relative between, low above high', IND({ field: 'graduationYear', op: 'between', value: [{ thisYear: 0 }, { thisYear: -2 }] }), 'clauses.0.rule.value'],
    ['ordered between, low above high', IND({ field: 'educationLevel', op: 'between', value: ['master', 'bachelor'] }), 'clauses.0.rule.value'],
    ['gte on an unordered enum', IND({ field: 'employmentStatus', op: 'gte', value: 'employed' }), 'clauses.0.rule.op'],
    ['gt on a date (dates say after)', IND({ field: 'dischargeDate', op: 'gt', value: '2025-01-01' }), 'clauses.0.rule.op'],
    ['a kind that does not exist', ANY({ kind: 'robot' }), 'clauses.0.rule.kind'],
    ['kind enterprise in a policy for individuals', IND({ kind: 'enterprise' }), 'clauses.0.rule.kind'],
    ['a key beside kind', ANY({ kind: 'individual', field: 'age' }), 'clauses.0.rule.field'],
    ['an enterprise fact in a policy for individuals', IND({ field: 'newHireRatio', op: 'gte', value: 15 }), 'clauses.0.rule.field'],
    ['an individual fact unguarded in a policy for both', ANY({ field: 'identityTags', op: 'eq', value: 'graduate' }), 'clauses.0.rule.field'],
    ['a kind inside "any" guards nothing', ANY({ any: [{ kind: 'enterprise' }, { field: 'employees', op: 'gte', value: 1 }] }), 'clauses.0.rule.any.1.field'],
    ['an individual fact under the enterprise guard', ANY({ all: [{ kind: 'enterprise' }, { field: 'hukouType', op: 'eq', value: 'rural' }] }), 'clauses.0.rule.all.1.field'],
    ['jurisdiction fact of the other kind', IND(null, { jurisdiction: '513300', jurisdictionFacts: { individual: 'region' } }), 'jurisdictionFacts.individual'],
    ['jurisdiction fact that is not a region', IND(null, { jurisdiction: '513300', jurisdictionFacts: { individual: 'age' } }), 'jurisdictionFacts.individual'],
    ['jurisdiction fact for a kind the policy does not serve', IND(null, { jurisdiction: '513300', jurisdictionFacts: { enterprise: 'region' } }), 'jurisdictionFacts.enterprise'],
    ['jurisdiction facts with an unknown key', IND(null, { jurisdiction: '513300', jurisdictionFacts: { household: 'householdRegion' } }), 'jurisdictionFacts.household'],
    ['a reserved key in a rule', '{"audience":"individual","clauses":[{"text":"t","benefit":"b","rule":{"field":"age","op":"gte","value":1,"constructor":{"prototype":1}}}]}', 'clauses.0.rule.constructor'],
    ['__proto__ in a rule', '{"audience":"individual","clauses":[{"text":"t","benefit":"b","rule":{"all":[{"__proto__":{"field":"age"}}]}}]}', 'clauses.0.rule.all.0.__proto__'],
  ];

  it.each(cases)('%s', async (_label, body, path) => {
    const before = await get(stored);
    const rowsBefore = await app.strapi.db.query(ELIGIBILITY).count({});
    for (const documentId of [stored, empty]) {
      const res = await put(documentId, body);
      expect([res.status, res.body.error?.details?.errors?.map((e: { path: string[] }) => e.path.join('.'))]).toEqual([400, expect.arrayContaining([path])]);
    }
    // nothing stored: the existing eligibility unchanged, and no row for the policy that had none
    expect(await get(stored)).toEqual(before);
    expect(await get(empty)).toBeNull();
    expect(await app.strapi.db.query(ELIGIBILITY).count({})).toBe(rowsBefore);
  });

  it('names every bad part of one body at once', async () => {
    const res = await put(stored, {
      audience: 'individual', jurisdiction: '513300', jurisdictionFacts: { individual: 'region' },
      clauses: [clause({ field: 'householdSize', op: 'gte', value: 0 }), clause({ all: [{ kind: 'enterprise' }, { field: 'educationLevel', op: 'gt', value: 'phd' }] })],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual(
      ['clauses.0.rule.value', 'clauses.1.rule.all.0.kind', 'clauses.1.rule.all.1.value', 'jurisdictionFacts.individual'].sort()
    );
  });
});
