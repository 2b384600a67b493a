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
