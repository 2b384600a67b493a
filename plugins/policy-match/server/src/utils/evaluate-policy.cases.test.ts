import { DEMO_POLICIES, type DemoPolicy } from '../../../../../database/seeds/demo-policies';
import { REAL_POLICY_CASES } from '../../../../../tests/policy-match/real-policy-cases';
import { STARTER_FACTS } from '../data/starter-facts';
import { checkFact } from './check-value';
import { compileRule, prepareFacts } from './compile-rule';
import { addDays } from './dates';
import { evaluatePolicy, quickStatus, type MatchablePolicy } from './evaluate-policy';
import { registryFromDefs, serves } from './registry';
import type { Rule } from './validate-rule';

/**
 * The hand-worked cases of the demo policies (design §4.4, `tests/policy-match/real-policy-cases.ts`)
 * against the explaining evaluator and the compiled quick pass, with the starter registry: the same
 * status and the same missing facts from both, and the ones worked out by hand.
 */
const registry = registryFromDefs(STARTER_FACTS);

const matchable = (p: DemoPolicy, asOf: string): MatchablePolicy => ({
  documentId: p.key, title: p.title, audience: p.eligibility.audience, tags: p.eligibility.tags, jurisdiction: p.eligibility.jurisdiction,
  jurisdictionFacts: p.eligibility.jurisdictionFacts ?? null,
  // as the seed writes them: valid from the written date, no expiry, P01's deadline some days after the seed day
  applicationDeadline: p.applicationDeadlineDays ? addDays(asOf, p.applicationDeadlineDays) : null, validity: 'valid', validFrom: p.written, validTo: null,
  clauses: p.eligibility.clauses.map((c) => ({ text: c.text, benefit: c.benefit, rule: c.rule as unknown as Rule })),
});
const byKey = new Map(DEMO_POLICIES.map((p) => [p.key, p]));

describe('the hand-worked cases of the demo policies', () => {
  it('are at least 100, over every demo policy, on well-formed profiles', () => {
    expect(REAL_POLICY_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(REAL_POLICY_CASES.map((c) => c.n)).size).toBe(REAL_POLICY_CASES.length);
    expect([...new Set(REAL_POLICY_CASES.map((c) => c.policy))].sort()).toEqual([...byKey.keys()].sort());
    for (const c of REAL_POLICY_CASES) {
      for (const [code, value] of Object.entries(c.facts)) {
        const def = registry.get(code);
        expect([c.n, code, def !== undefined && serves(def, c.kind), def && checkFact(def, value), Boolean(def?.derived && !def.askable)]).toEqual([c.n, code, true, null, false]);
      }
    }
  });

  it.each(REAL_POLICY_CASES.map((c) => [c.n, c.policy, c.why, c] as const))('#%i %s (%s)', (_n, _p, _why, c) => {
    const policy = matchable(byKey.get(c.policy)!, c.asOf);
    const profile = { kind: c.kind, facts: c.facts };
    const full = evaluatePolicy(policy, profile, { registry, asOf: c.asOf, explain: true });
    expect({ status: full.status, missing: [...full.missing].sort() }).toEqual({ status: c.status, missing: [...c.missing].sort() });
    if (c.reasons) expect(full.reasons).toEqual(c.reasons);
    // every clause explains itself, one line per predicate it reached
    for (const clause of full.clauses) if (policy.clauses[clause.index].rule) expect(clause.explanations.length).toBeGreaterThan(0);

    const compiled = policy.clauses.map((cl) => (cl.rule ? compileRule(cl.rule, registry) : null));
    const missing: string[] = [];
    const quick = quickStatus(policy, compiled, { kind: c.kind, prepared: prepareFacts(profile, c.asOf, registry) }, c.asOf, missing);
    expect({ status: quick.status, missing: [...new Set(missing)].sort() }).toEqual({ status: c.status, missing: [...c.missing].sort() });
  });
});
