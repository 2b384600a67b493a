import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { policyPrefilter, rulePrefilter } from './rule-prefilter';
import { evaluatePolicy, type MatchablePolicy } from './evaluate-policy';
import { ageOn, addDays } from './dates';
import { regionRange } from './region';

const registry = registryFromDefs(STARTER_FACTS);

describe('SQL pre-filter derived from a rule', () => {
  it('translates indexed facts and leaves the rest unconstrained', () => {
    expect(rulePrefilter({ field: 'identityTags', op: 'in', value: ['graduate', 'veteran'] }, '2025-06-15')).toEqual({ tags: ['identityTags:graduate', 'identityTags:veteran'] });
    expect(rulePrefilter({ field: 'householdRegion', op: 'eq', value: '513300' }, '2025-06-15')).toEqual({
      and: [{ column: 'region_code', op: 'gte', value: '513300' }, { column: 'region_code', op: 'lte', value: '513399' }],
    });
    expect(rulePrefilter({ not: { field: 'age', op: 'gte', value: 60 } }, '2025-06-15')).toBe(true);
    expect(rulePrefilter({ any: [{ field: 'lifeEvents', op: 'exists' }, { field: 'age', op: 'gte', value: 60 }] }, '2025-06-15')).toBe(true);
    // JSON-only facts are filtered in SQL too; `not` goes through the rule's FALSE condition
    expect(rulePrefilter({ not: { field: 'ownsLocalHousing', op: 'eq', value: true } }, '2025-06-15')).toEqual({ json: 'ownsLocalHousing', type: 'boolean', op: 'ne', value: true });
    expect(rulePrefilter({ not: { field: 'enterpriseSize', op: 'in', value: ['large'] } }, '2025-06-15')).toEqual({ column: 'enterprise_size', op: 'notIn', value: ['large'] });
    expect(rulePrefilter({ not: { any: [{ field: 'employees', op: 'between', value: [1, 9] }, { field: 'taxCreditRating', op: 'eq', value: 'D' }] } }, '2025-06-15')).toEqual({
      and: [{ or: [{ column: 'employees', op: 'lt', value: 1 }, { column: 'employees', op: 'gt', value: 9 }] }, { json: 'taxCreditRating', type: 'enum', op: 'ne', value: 'D' }],
    });
    expect(rulePrefilter({ field: 'industryCode', op: 'eq', value: 'H' }, '2025-06-15')).toEqual({ column: 'industry_code', op: 'prefix', value: 'H' });
  });

  it('never excludes a profile the rule accepts: age boundaries checked day by day over four years', () => {
    const policy: MatchablePolicy = {
      documentId: 'x', title: 'x', audience: 'individual', tags: [], jurisdiction: '513300', applicationDeadline: null, validity: 'valid', validFrom: null, validTo: null,
      clauses: [{ text: 't', benefit: 'b', rule: { field: 'age', op: 'between', value: [18, 35] } }],
    };
    const asOf = '2024-02-29';
    const cond: any = policyPrefilter(policy, asOf);
    const birth = cond.and[2].and as { op: string; value: string }[];
    const [lo, hi] = regionRange('513300');
    expect(cond.and[1].and.map((c: any) => c.value)).toEqual([lo, hi]);
    const inSql = (d: string) => birth.every((c) => (c.op === 'lte' ? d <= c.value : d >= c.value));
    for (let d = '1986-01-01'; d < '2008-01-01'; d = addDays(d, 1)) {
      const eligible = evaluatePolicy(policy, { kind: 'individual', facts: { householdRegion: '513301', birthDate: d } }, { registry, asOf, explain: false }).status === 'eligible';
      if (eligible) expect({ d, age: ageOn(d, asOf), inSql: inSql(d) }).toEqual({ d, age: ageOn(d, asOf), inSql: true });
    }
  });
});
