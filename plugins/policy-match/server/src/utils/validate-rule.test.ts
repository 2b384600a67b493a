import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { validateRule } from './validate-rule';

const registry = registryFromDefs(STARTER_FACTS);
const paths = (rule: unknown, opts = {}) => validateRule(rule, { registry, ...opts }).map((p) => p.path.join('.'));

describe('rule validation at save', () => {
  it('accepts every op on the types it means something for', () => {
    expect(
      validateRule({
        all: [
          { field: 'age', op: 'between', value: [18, 35] },
          { field: 'age', op: 'gte', value: 18 },
          { field: 'birthDate', op: 'before', value: '2000-01-01' },
          { field: 'householdRegion', op: 'in', value: ['513300', '513301'] },
          { any: [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { not: { field: 'incomeBand', op: 'exists' } }] },
        ],
      }, { registry })
    ).toEqual([]);
  });

  it.each([
    [{ field: 'salary', op: 'gte', value: 1 }, ['field']],
    [{ all: [{ field: 'age', op: 'gte', value: 18 }, { field: 'nickname', op: 'eq', value: 'x' }] }, ['all.1.field']],
    [{ field: 'age', op: 'gte', value: '18' }, ['value']],
    [{ field: 'age', op: 'before', value: 18 }, ['op']],
    [{ field: 'age', op: 'between', value: [40, 18] }, ['value']],
    [{ field: 'age', op: 'between', value: [18] }, ['value']],
    [{ field: 'age', op: 'in', value: [] }, ['value']],
    [{ field: 'householdRegion', op: 'eq', value: '5133' }, ['value']],
    [{ field: 'birthDate', op: 'after', value: '2025-02-30' }, ['value']],
    [{ field: 'enterpriseSize', op: 'in', value: ['small', 'tiny'] }, ['value.1']],
    [{ field: 'age', op: 'gte' }, ['value']],
    [{ field: 'age', op: 'gte', value: 1, extra: true }, ['extra']],
    [{ all: [] }, ['all']],
    [{ any: [{ field: 'age', op: 'gte', value: 1 }], all: [] }, ['any', 'all']],
    [{ not: 'age' }, ['not']],
    ['age > 18', ['']],
  ])('%j → problems at %j', (rule, expected) => expect(paths(rule)).toEqual(expected));

  it('refuses nesting beyond the limit with the path of the first too-deep part', () => {
    let rule: any = { field: 'age', op: 'gte', value: 18 };
    for (let i = 0; i < 6; i += 1) rule = { not: rule };
    expect(paths(rule)).toEqual(['not.not.not.not.not.not']);
    expect(validateRule(rule, { registry })[0].message).toMatch(/deeper than 6/);
  });

  it('checks audience and tag codes when told', () => {
    expect(paths({ field: 'employees', op: 'gte', value: 5 }, { audience: 'individual' })).toEqual(['field']);
    expect(paths({ field: 'identityTags', op: 'eq', value: 'martian' }, { knownTags: new Set(['graduate']) })).toEqual(['value']);
  });
});

describe('the rule language of #19: kind, relative values, gt/lt, ordered enums, derived facts', () => {
  const IND = { kind: 'individual' };
  const ENT = { kind: 'enterprise' };
  it('accepts the new forms', () => {
    const ok = (rule: unknown, audience: 'individual' | 'enterprise' | 'any') => expect(validateRule(rule, { registry, audience })).toEqual([]);
    ok({ field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, 'individual');
    ok({ field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }, 'individual');
    ok({ field: 'graduationYear', op: 'between', value: [{ thisYear: -2 }, { thisYear: 0 }] }, 'individual');
    ok({ field: 'educationLevel', op: 'gte', value: 'junior-college' }, 'individual');
    ok({ field: 'disabilityGrade', op: 'between', value: ['grade2', 'grade1'] }, 'individual');
    ok({ field: 'incomePerCapita', op: 'lt', value: 6000 }, 'individual');
    ok({ all: [ENT, { field: 'newHireRatio', op: 'gte', value: 15 }, { field: 'annualRevenue', op: 'gt', value: 5000 }] }, 'enterprise');
    ok({ any: [{ all: [IND, { field: 'identityTags', op: 'eq', value: 'farmer' }] }, { all: [ENT, { field: 'enterpriseTypes', op: 'eq', value: 'farmer-coop' }] }] }, 'any');
    ok({ all: [{ not: ENT }, { field: 'age', op: 'lte', value: 35 }] }, 'any');
    ok({ field: 'unemploymentInsuranceMonths', op: 'gte', value: 12 }, 'any'); // a fact of both kinds needs no guard
  });

  it.each<[unknown, 'individual' | 'enterprise' | 'any' | undefined, string[]]>([
    [{ kind: 'robot' }, 'any', ['kind']],
    [{ kind: 'enterprise' }, 'individual', ['kind']],
    [{ kind: 'individual', field: 'age' }, 'any', ['field']],
    [{ field: 'identityTags', op: 'eq', value: 'graduate' }, 'any', ['field']],
    [{ any: [IND, { field: 'identityTags', op: 'eq', value: 'graduate' }] }, 'any', ['any.1.field']], // any does not guard
    [{ all: [ENT, { field: 'identityTags', op: 'eq', value: 'graduate' }] }, 'any', ['all.1.field']],
    [{ all: [IND, { any: [{ field: 'age', op: 'gte', value: 1 }, { field: 'employees', op: 'gte', value: 1 }] }] }, 'any', ['all.1.any.1.field']],
    [{ all: [IND, ENT] }, 'any', ['all.0.kind', 'all.1.kind'].slice(0, 0)], // contradictory, but each kind is reachable from the root
    [{ field: 'employees', op: 'gte', value: 5 }, 'individual', ['field']],
    [{ field: 'noSuchFact', op: 'eq', value: 1 }, 'individual', ['field']],
    [{ field: 'dischargeDate', op: 'gte', value: { thisYear: -1 } }, 'individual', ['value']],
    [{ field: 'graduationYear', op: 'gte', value: { today: { years: -1 } } }, 'individual', ['value']],
    [{ field: 'age', op: 'gte', value: { thisYear: 0 } }, 'individual', ['value']],
    [{ field: 'dischargeDate', op: 'gte', value: { today: { weeks: -1 } } }, 'individual', ['value.today.weeks']],
    [{ field: 'graduationYear', op: 'in', value: [2024, { thisYear: 200 }] }, 'individual', ['value.1.thisYear']],
    [{ field: 'graduationYear', op: 'between', value: [{ thisYear: 0 }, { thisYear: -2 }] }, 'individual', ['value']],
    [{ field: 'dischargeDate', op: 'between', value: [{ today: {} }, { today: { months: -1 } }] }, 'individual', ['value']],
    [{ field: 'employmentStatus', op: 'gte', value: 'employed' }, 'individual', ['op']], // unordered enum
    [{ field: 'educationLevel', op: 'gte', value: 'phd' }, 'individual', ['value']],
    [{ field: 'educationLevel', op: 'between', value: ['master', 'bachelor'] }, 'individual', ['value']],
    [{ field: 'dischargeDate', op: 'gt', value: '2025-01-01' }, 'individual', ['op']], // dates say before/after
    [{ field: 'householdSize', op: 'lt', value: 31.5 }, 'individual', ['value']],
    [{ field: 'householdSize', op: 'gte', value: 31 }, 'individual', ['value']], // above max
    [{ field: 'graduationYear', op: 'eq', value: 1800 }, 'individual', ['value']],
    [{ field: 'hukouType', op: 'eq', value: ['rural'] }, 'individual', ['value']],
    [{ field: 'age', op: 'lt', value: '18' }, 'individual', ['value']],
  ])('%j in a policy for %s → problems at %j', (rule, audience, expected) => expect(paths(rule, { audience })).toEqual(expected));

  it('says how to guard a fact of the other kind', () => {
    const [p] = validateRule({ field: 'identityTags', op: 'eq', value: 'graduate' }, { registry, audience: 'any' });
    expect(p.message).toBe('"identityTags" is a fact of individuals: put it in an "all" with { "kind": "individual" }');
    expect(validateRule({ kind: 'enterprise' }, { registry, audience: 'individual' })[0].message).toBe('the policy serves only individuals');
  });
});
