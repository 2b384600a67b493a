import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { compileRule, prepareFacts } from './compile-rule';
import { evaluateRule } from './evaluate-rule';
import type { Rule } from './validate-rule';

const ASOF = '2025-06-15';
const registry = registryFromDefs(STARTER_FACTS);
const person = (facts: Record<string, unknown>) => ({ kind: 'individual' as const, facts });
const rules: Rule[] = [
  { all: [{ field: 'age', op: 'between', value: [18, 35] }, { any: [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { field: 'incomeBand', op: 'in', value: ['dibao', 'low'] }] }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] },
  { any: [{ field: 'householdRegion', op: 'in', value: ['513300', '110000'] }, { field: 'age', op: 'gte', value: 80 }] },
  { all: [{ field: 'birthDate', op: 'before', value: '2000-01-01' }, { field: 'birthDate', op: 'after', value: '1990-01-01' }, { field: 'lifeEvents', op: 'exists' }] },
  { not: { any: [{ field: 'identityTags', op: 'in', value: ['veteran', 'disabled'] }, { field: 'incomeBand', op: 'exists', value: false }] } },
];
const profiles = [
  {}, { age: 35 }, { age: 18, identityTags: ['graduate'] }, { birthDate: '1995-06-15', incomeBand: 'low', ownsLocalHousing: false }, { birthDate: '1995-06-16', ownsLocalHousing: true },
  { householdRegion: '513338' }, { householdRegion: '513401', age: 85 }, { householdRegion: '110105', identityTags: [] }, { identityTags: ['veteran'], incomeBand: 'high' },
  { birthDate: '1990-01-01', lifeEvents: ['birth'] }, { birthDate: '1990-01-02', lifeEvents: [] }, { identityTags: [], incomeBand: 'middle', age: 40 },
];

describe('compiled rules agree with the explaining evaluator', () => {
  it.each(rules.map((r, i) => [i, r] as const))('rule %i on every profile', (_i, rule) => {
    const compiled = compileRule(rule, registry);
    for (const facts of profiles) expect([facts, compiled(prepareFacts(person(facts), ASOF, registry))]).toEqual([facts, evaluateRule(rule, person(facts), { registry, asOf: ASOF }).result]);
  });
});

describe('quick status agrees with the explaining policy evaluator', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { quickStatus, evaluatePolicy } = require('./evaluate-policy');
  const policies = rules.flatMap((rule, i) =>
    [null, '513300', '513301', '510000'].map((jurisdiction) => ({
      documentId: `p${i}-${jurisdiction}`, title: 't', audience: 'individual', tags: [], jurisdiction, applicationDeadline: null, validity: 'valid', validFrom: null, validTo: null,
      clauses: [{ text: 'a', benefit: 'b', rule }, { text: 'c', benefit: 'd', rule: rules[(i + 1) % rules.length] }],
    }))
  );
  it('same status and the same missing facts for every policy and profile', () => {
    for (const policy of policies) {
      const compiled = policy.clauses.map((c: any) => compileRule(c.rule, registry));
      for (const facts of profiles) {
        const missing: string[] = [];
        const quick = quickStatus(policy, compiled, { kind: 'individual', prepared: prepareFacts(person(facts), ASOF, registry) }, ASOF, missing);
        const full = evaluatePolicy(policy, { kind: 'individual', facts }, { registry, asOf: ASOF, explain: false });
        expect([policy.documentId, facts, quick.status, quick.regionDistance, [...new Set(missing)].sort()]).toEqual([policy.documentId, facts, full.status, full.regionDistance, [...full.missing].sort()]);
      }
    }
  });
});

describe('compiled rules agree on the rule language of #19', () => {
  const DAYS = ['2026-07-01', '2026-03-31', '2027-01-01'];
  const newRules: Rule[] = [
    { any: [{ all: [{ kind: 'individual' }, { field: 'identityTags', op: 'in', value: ['farmer', 'herder'] }, { field: 'boughtListedMachinery', op: 'eq', value: true }] }, { all: [{ kind: 'enterprise' }, { field: 'enterpriseTypes', op: 'in', value: ['farmer-coop'] }, { field: 'boughtListedMachinery', op: 'eq', value: true }] }] },
    { all: [{ field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, { not: { field: 'graduationYear', op: 'lt', value: { thisYear: -2 } } }] },
    { all: [{ field: 'educationLevel', op: 'between', value: ['junior-college', 'master'] }, { field: 'incomePerCapita', op: 'lt', value: 6000 }] },
    { all: [{ kind: 'enterprise' }, { field: 'enterpriseSize', op: 'lte', value: 'small' }, { any: [{ field: 'newHireRatio', op: 'gte', value: 15 }, { field: 'layoffRate', op: 'gt', value: 5.5 }, { field: 'enterpriseAgeYears', op: 'gte', value: 3 }] }] },
  ];
  const subjects = [
    { kind: 'individual' as const, facts: {} },
    { kind: 'enterprise' as const, facts: {} },
    { kind: 'individual' as const, facts: { identityTags: ['herder'], boughtListedMachinery: true, dischargeDate: '2025-07-01', graduationYear: 2024 } },
    { kind: 'individual' as const, facts: { dischargeDate: '2026-01-01', educationLevel: 'bachelor', householdAnnualIncome: 20000, householdSize: 4 } },
    { kind: 'individual' as const, facts: { educationLevel: 'doctor', householdAnnualIncome: 20000 } },
    { kind: 'enterprise' as const, facts: { enterpriseTypes: ['farmer-coop'], enterpriseSize: 'micro', newHires: 1, employees: 20 } },
    { kind: 'enterprise' as const, facts: { enterpriseSize: 'small', layoffsLastYear: 3, insuredEmployees: 40, foundedOn: '2024-01-01' } },
    { kind: 'enterprise' as const, facts: { enterpriseSize: 'medium', newHires: 30, employees: 100 } },
    { kind: 'enterprise' as const, facts: { enterpriseSize: 'micro', employees: 0, newHires: 0 } },
  ];
  it.each(newRules.map((r, i) => [i, r] as const))('rule %i: same result and the same missing facts on every subject and day', (_i, rule) => {
    const compiled = compileRule(rule, registry);
    for (const day of DAYS) {
      for (const subject of subjects) {
        const missing: string[] = [];
        const r = compiled(prepareFacts(subject, day, registry), missing);
        const full = evaluateRule(rule, subject, { registry, asOf: day, explain: false });
        expect([day, subject, r, [...new Set(missing)].sort()]).toEqual([day, subject, full.result, [...full.missing].sort()]);
      }
    }
  });
});

describe('quick status agrees with the explaining evaluator on kinds and chosen region facts', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { quickStatus, evaluatePolicy } = require('./evaluate-policy');
  const rule: Rule = { any: [{ all: [{ kind: 'individual' }, { field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }] }, { all: [{ kind: 'enterprise' }, { field: 'newHireRatio', op: 'gte', value: 15 }] }] };
  const policies = [null, { individual: 'residenceRegion' }].map((jurisdictionFacts, i) => ({
    documentId: `q${i}`, title: 't', audience: 'any', tags: [], jurisdiction: '513300', jurisdictionFacts, applicationDeadline: null, validity: 'valid', validFrom: null, validTo: null,
    clauses: [{ text: 'a', benefit: 'b', rule }],
  }));
  const subjects = [
    { kind: 'individual', facts: { householdRegion: '513301', graduationYear: 2025 } },
    { kind: 'individual', facts: { residenceRegion: '513301', householdRegion: '110101', graduationYear: 2020 } },
    { kind: 'individual', facts: { residenceRegion: '513301' } },
    { kind: 'enterprise', facts: { region: '513301', newHires: 3, employees: 10 } },
    { kind: 'enterprise', facts: { newHires: 1 } },
  ];
  it('same status, distance and missing facts', () => {
    for (const policy of policies) {
      const compiled = policy.clauses.map((c) => compileRule(c.rule, registry));
      for (const s of subjects) {
        const missing: string[] = [];
        const quick = quickStatus(policy, compiled, { kind: s.kind, prepared: prepareFacts(s as never, '2026-07-01', registry) }, '2026-07-01', missing);
        const full = evaluatePolicy(policy, s, { registry, asOf: '2026-07-01', explain: false });
        expect([policy.documentId, s, quick.status, quick.regionDistance, [...new Set(missing)].sort()]).toEqual([policy.documentId, s, full.status, full.regionDistance, [...full.missing].sort()]);
      }
    }
  });
});
