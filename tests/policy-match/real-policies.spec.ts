import type { TestApp } from '../helpers/strapi';
import { bootWithDemoPolicies } from './fixtures';
import { REAL_POLICY_CASES } from './real-policy-cases';

/**
 * The hand-worked cases of the demo policies (design §4.4, `real-policy-cases.ts`) over HTTP: the
 * policies seeded as the demo seeds them (texts, rules through the eligibility service), each case
 * one public `POST /api/policy-match/match` for its policy on its evaluation day. The same table
 * runs against the evaluators without a boot (`utils/evaluate-policy.cases.test.ts`), so a
 * disagreement between the two paths shows.
 */

let app: TestApp;
let byKey: Record<string, string>;

beforeAll(async () => {
  // 102 matches from one address: the fixture lifts the public route's per-client limit.
  ({ app, byKey } = await bootWithDemoPolicies());
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

describe('the hand-worked cases over the public match', () => {
  it.each(REAL_POLICY_CASES.map((c) => [c.n, c.policy, c.why, c] as const))('#%i %s (%s)', async (_n, _p, _why, c) => {
    const res = await app
      .request()
      .post('/api/policy-match/match')
      .send({ profile: { kind: c.kind, facts: c.facts }, asOf: c.asOf, documentIds: [byKey[c.policy]], includeIneligible: true, limit: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [result] = res.body.data;
    expect({ status: result.status, missing: [...result.missing].sort() }).toEqual({ status: c.status, missing: [...c.missing].sort() });
    if (c.reasons) expect(result.reasons).toEqual(c.reasons);
    // A result that is not closed by its policy explains every clause with a rule.
    if (!result.reasons.length) for (const clause of result.clauses) expect(clause.explanations.length).toBeGreaterThan(0);
    expect(res.body.meta.counts[c.status]).toBe(1);
  });
});
