import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { evaluatePolicy as evaluate, rankMissingFacts, type MatchablePolicy } from './evaluate-policy';

const registry = registryFromDefs(STARTER_FACTS);
const evaluatePolicy = (policy: MatchablePolicy, profile: { kind: 'individual' | 'enterprise'; facts: Record<string, unknown> }, asOf: string) => evaluate(policy, profile, { registry, asOf });

const base: MatchablePolicy = {
  documentId: 'p1', title: '高校毕业生就业补贴', audience: 'individual', tags: [], jurisdiction: '513300',
  applicationDeadline: '2025-06-30', validity: 'valid', validFrom: '2025-01-01', validTo: '2025-12-31',
  clauses: [
    { text: '离校2年内高校毕业生', benefit: '一次性求职补贴1000元', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } },
    { text: '低保家庭成员', benefit: '生活补贴', rule: { field: 'incomeBand', op: 'eq', value: 'dibao' } },
  ],
};
const person = (facts: Record<string, unknown>) => ({ kind: 'individual' as const, facts });
const full = { householdRegion: '513301', age: 30, identityTags: ['graduate'], incomeBand: 'middle' };

describe('policy evaluation', () => {
  it.each([
    ['in force, county inside the prefecture', base, full, '2025-06-15', 'eligible', []],
    ['deadline day itself still open', base, full, '2025-06-30', 'eligible', []],
    ['day after the deadline', base, full, '2025-07-01', 'ineligible', ['deadline-passed']],
    ['validFrom day itself', base, full, '2025-01-01', 'eligible', []],
    ['day before validFrom', base, full, '2024-12-31', 'ineligible', ['not-yet-valid']],
    ['validTo day itself', { ...base, applicationDeadline: null }, full, '2025-12-31', 'eligible', []],
    ['after validTo', { ...base, applicationDeadline: null }, full, '2026-01-01', 'ineligible', ['expired']],
    ['repealed', { ...base, validity: 'repealed' }, full, '2025-06-15', 'ineligible', ['repealed']],
    ['other prefecture', base, { ...full, householdRegion: '513401' }, '2025-06-15', 'ineligible', ['jurisdiction']],
    ['enterprise policy for a person', { ...base, audience: 'enterprise' as const }, full, '2025-06-15', 'ineligible', ['audience']],
    ['second clause alone holds', base, { ...full, identityTags: [], incomeBand: 'dibao' }, '2025-06-15', 'eligible', []],
    ['no clause holds', base, { ...full, age: 36 }, '2025-06-15', 'ineligible', []],
  ])('%s', (_label, policy, facts, asOf, status, reasons) => {
    const out = evaluatePolicy(policy as MatchablePolicy, person(facts), asOf);
    expect(out.status).toBe(status);
    expect(out.reasons).toEqual(reasons);
  });

  it('unknown facts give possibly-eligible with the facts that settle it', () => {
    const out = evaluatePolicy(base, person({ age: 30 }), '2025-06-15');
    expect(out.status).toBe('possibly-eligible');
    expect(out.missing.sort()).toEqual(['householdRegion', 'identityTags', 'incomeBand']);
    const ranked = rankMissingFacts([out, evaluatePolicy({ ...base, documentId: 'p2', jurisdiction: null }, person({ age: 30 }), '2025-06-15')], registry);
    expect(ranked.map((r) => [r.field, r.settles])).toEqual([['identityTags', 2], ['incomeBand', 2], ['householdRegion', 1]]);
  });

  it('a known false fact wins over an unknown region (Kleene all)', () => {
    expect(evaluatePolicy(base, person({ age: 50, incomeBand: 'high', identityTags: ['graduate'] }), '2025-06-15').status).toBe('ineligible');
  });
});

describe('the jurisdiction on the region fact a policy chooses', () => {
  const p05: MatchablePolicy = { ...base, documentId: 'p05', jurisdiction: '510000', jurisdictionFacts: { individual: 'residenceRegion' }, applicationDeadline: null, validTo: null, clauses: [] };
  it.each<[string, Record<string, unknown>, string, string[], string[]]>([
    ['常住地 inside', { householdRegion: '530102', residenceRegion: '513301' }, 'eligible', [], []],
    ['常住地 outside, 户籍 inside does not count', { householdRegion: '513301', residenceRegion: '530102' }, 'ineligible', ['jurisdiction'], []],
    ['常住地 unknown', { householdRegion: '513301' }, 'possibly-eligible', [], ['residenceRegion']],
  ])('%s', (_label, facts, status, reasons, missing) => {
    const out = evaluatePolicy(p05, person(facts), '2026-07-01');
    expect([out.status, out.reasons, out.missing]).toEqual([status, reasons, missing]);
  });

  it('an enterprise of an any-policy is tested on its own region fact', () => {
    const p = { ...p05, audience: 'any' as const };
    expect(evaluatePolicy(p, { kind: 'enterprise', facts: { region: '510104' } }, '2026-07-01').status).toBe('eligible');
    expect(evaluatePolicy(p, { kind: 'enterprise', facts: {} }, '2026-07-01').missing).toEqual(['region']);
  });

  it('missing facts rank by how many results they settle, then by the registry order', () => {
    const outcomes = [
      { status: 'possibly-eligible' as const, missing: ['newHires', 'householdSize'] },
      { status: 'possibly-eligible' as const, missing: ['householdSize', 'age'] },
      { status: 'eligible' as const, missing: ['age'] },
    ];
    expect(rankMissingFacts(outcomes, registry).map((r) => [r.field, r.settles])).toEqual([['householdSize', 2], ['age', 1], ['newHires', 1]]);
  });
});
