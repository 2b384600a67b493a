import { STARTER_FACTS } from '../data/starter-facts';
import { policyPrefilter, rulePrefilter, ruleFilters, subqueryCount, type Cond, type FactTest } from './rule-prefilter';
import { evaluatePolicy, type MatchablePolicy } from './evaluate-policy';
import { ageOn, addDays } from './dates';
import { dayNumber } from './profile-facts-sql';
import { regionRange } from './region';
import { registryFromDefs } from './registry';

const registry = registryFromDefs(STARTER_FACTS);
const asOf = '2025-06-15';

describe('SQL pre-filter derived from a rule', () => {
  it('translates every stored fact to a condition on its typed rows, negations included', () => {
    expect(rulePrefilter(registry, { field: 'identityTags', op: 'in', value: ['graduate', 'veteran'] }, asOf)).toEqual({
      cond: { fact: 'identityTags', test: { col: 'v_text', op: 'in', value: ['graduate', 'veteran'] } }, exact: true,
    });
    const [lo, hi] = regionRange('513300');
    expect(rulePrefilter(registry, { field: 'householdRegion', op: 'eq', value: '513300' }, asOf).cond).toEqual({
      fact: 'householdRegion', test: { allOf: [{ col: 'v_text', op: 'gte', value: lo }, { col: 'v_text', op: 'lte', value: hi }] },
    });
    // not over age: the complementary birth-date range (exact, no widening)
    expect(rulePrefilter(registry, { not: { field: 'age', op: 'gte', value: 60 } }, asOf)).toEqual({
      cond: { fact: 'birthDate', test: { col: 'v_num', op: 'gt', value: dayNumber('1965-06-15') } }, exact: true,
    });
    // not over a tag: the list known and the tag not in it
    expect(rulePrefilter(registry, { not: { field: 'identityTags', op: 'eq', value: 'graduate' } }, asOf)).toEqual({
      cond: { and: [{ fact: 'identityTags', test: null }, { fact: 'identityTags', test: { col: 'v_text', op: 'eq', value: 'graduate' }, negate: true }] }, exact: true,
    });
    expect(rulePrefilter(registry, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }, asOf).cond).toEqual({ fact: 'ownsLocalHousing', test: { col: 'v_num', op: 'ne', value: 1 } });
    expect(rulePrefilter(registry, { not: { field: 'enterpriseSize', op: 'in', value: ['large'] } }, asOf).cond).toEqual({
      fact: 'enterpriseSize', test: { allOf: [{ col: 'v_text', op: 'in', value: ['micro', 'small', 'medium', 'large'] }, { col: 'v_text', op: 'notIn', value: ['large'] }] },
    });
    // an ordered enum compares list positions: ≥ 二级 is 二级 or 一级
    expect(rulePrefilter(registry, { field: 'disabilityGrade', op: 'gte', value: 'grade2' }, asOf).cond).toEqual({ fact: 'disabilityGrade', test: { col: 'v_text', op: 'in', value: ['grade2', 'grade1'] } });
    expect(rulePrefilter(registry, { field: 'industryCode', op: 'eq', value: 'H' }, asOf).cond).toEqual({ fact: 'industryCode', test: { col: 'v_text', op: 'prefix', value: 'H' } });
    // relative values resolve on the evaluation day
    expect(rulePrefilter(registry, { field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, asOf).cond).toEqual({ fact: 'dischargeDate', test: { col: 'v_num', op: 'gte', value: dayNumber('2024-06-15') } });
    expect(rulePrefilter(registry, { field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }, asOf).cond).toEqual({ fact: 'graduationYear', test: { col: 'v_num', op: 'gte', value: 2023 } });
    // kind, and `exists: false` as an anti-join
    expect(ruleFilters(registry, { kind: 'enterprise' }, asOf).f).toEqual({ cond: { column: 'kind', op: 'ne', value: 'enterprise' }, exact: true });
    expect(rulePrefilter(registry, { field: 'lifeEvents', op: 'exists', value: false }, asOf).cond).toEqual({ fact: 'lifeEvents', test: { col: 'v_text', op: 'notnull' }, negate: true });
  });

  it('facts never stored are unknown in stored profiles; ratios are a widened superset', () => {
    // age stored as such never exists; incomePerCapita is derived from two stored facts
    expect(rulePrefilter(registry, { field: 'incomePerCapita', op: 'lt', value: 6000 }, asOf).exact).toBe(false);
    const ratio = rulePrefilter(registry, { field: 'newHireRatio', op: 'gte', value: 15 }, asOf).cond as Extract<Cond, { pair: unknown }>;
    expect(ratio).toMatchObject({ pair: ['newHires', 'employees'], expr: 'ratio', scale: 100, zero: false });
    expect(ratio.test!.value).toBeLessThan(15);
    // whenZero 0: a firm without employees has ratio 0, so "≤ 5" keeps the zero divisors too
    expect(rulePrefilter(registry, { field: 'newHireRatio', op: 'lte', value: 5 }, asOf).cond).toMatchObject({ or: [expect.anything(), { zero: true }] });
    // a difference of two integers is exact
    expect(rulePrefilter(registry, { field: 'netNewJobs', op: 'gte', value: 3 }, asOf)).toEqual({
      cond: { pair: ['employees', 'employeesLastYear'], expr: 'difference', scale: 1, test: { op: 'gte', value: 3 } }, exact: true,
    });
    const unknownFact = { field: 'noSuchFact', op: 'eq', value: 1 } as never;
    expect(rulePrefilter(registry, unknownFact, asOf)).toEqual({ cond: false, exact: true });
    expect(rulePrefilter(registry, { not: unknownFact }, asOf)).toEqual({ cond: false, exact: true });
    expect(subqueryCount(rulePrefilter(registry, { all: [{ field: 'age', op: 'between', value: [18, 35] }, { not: { field: 'identityTags', op: 'eq', value: 'graduate' } }] }, asOf).cond)).toBe(3);
  });

  it('is exact on age boundaries: checked day by day over twenty-two years, leap days included', () => {
    const policy: MatchablePolicy = {
      documentId: 'x', title: 'x', audience: 'individual', tags: [], jurisdiction: '513300', applicationDeadline: null, validity: 'valid', validFrom: null, validTo: null,
      clauses: [{ text: 't', benefit: 'b', rule: { field: 'age', op: 'between', value: [18, 35] } }],
    };
    const day = '2024-02-29';
    const filter = policyPrefilter(registry, policy, day);
    expect(filter.exact).toBe(true);
    const cond = filter.cond as { and: Cond[] };
    const [lo, hi] = regionRange('513300');
    expect(JSON.stringify(cond.and[0])).toContain(JSON.stringify({ column: 'region_code', op: 'gte', value: lo }));
    expect(JSON.stringify(cond.and[0])).toContain(JSON.stringify({ column: 'region_code', op: 'lte', value: hi }));
    const birth = (cond.and[1] as { fact: string; test: { allOf: Extract<FactTest, { col: string }>[] } }).test.allOf;
    const inSql = (d: string) => birth.every((c) => (c.op === 'lte' ? dayNumber(d) <= (c.value as number) : dayNumber(d) > (c.value as number)));
    for (let d = '1986-01-01'; d < '2008-01-01'; d = addDays(d, 1)) {
      const eligible = evaluatePolicy(policy, { kind: 'individual', facts: { householdRegion: '513301', birthDate: d } }, { asOf: day, registry, explain: false }).status === 'eligible';
      expect({ d, age: ageOn(d, day), inSql: inSql(d) }).toEqual({ d, age: ageOn(d, day), inSql: eligible });
    }
  });
});
