import type { TestApp } from '../helpers/strapi';
import { bootWithDemoPolicies } from './fixtures';
import { DEMO_POLICIES, seedDemoPolicies } from '../../database/seeds/demo-policies';

/**
 * #19 deliver 4, "the demo finds something": the demo's 26 policies seeded as `npm run demo` seeds
 * them (demo-policies.ts through the eligibility service), then the README's samples over the public
 * match. The exact statuses on 2026-07-01 are the ones worked out in the design (§4.3).
 */

let app: TestApp;
let byKey: Record<string, string>;
const ASOF = '2026-07-01';

const GRADUATE = { kind: 'individual', facts: { age: 24, householdRegion: '513301', identityTags: ['graduate'] } };
/** The README's firm: a micro 民宿 of 康定 (built-in facts only, so it works on any registry). */
const MINSU = { kind: 'enterprise', facts: { region: '513301', enterpriseSize: 'micro', industryCode: 'H61', employees: 6, foundedOn: '2023-04-10' } };

const match = (body: object) => app.request().post('/api/policy-match/match').send(body);
const keyOf = (documentId: string) => Object.entries(byKey).find(([, id]) => id === documentId)?.[0] ?? documentId;
const keysWith = (data: any[], status: string) => data.filter((r) => r.status === status).map((r) => keyOf(r.documentId)).sort();

beforeAll(async () => {
  ({ app, byKey } = await bootWithDemoPolicies());
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

describe('the demo policy set', () => {
  it('seeds 26 published policies with their eligibility, and a second run adds nothing', async () => {
    expect(Object.keys(byKey)).toHaveLength(DEMO_POLICIES.length);
    const again = await seedDemoPolicies(app.strapi);
    expect(again).toMatchObject({ created: 0, eligibility: 0 });
    expect(again.byKey).toEqual(byKey);
    for (const p of DEMO_POLICIES) {
      const stored = await app.strapi.db.query('api::policy.policy').findOne({ where: { documentId: byKey[p.key], publishedAt: { $notNull: true } }, select: ['body'] });
      const rule = await app.strapi.plugin('policy-match').service('eligibility').get(byKey[p.key]);
      expect(rule.clauses).toHaveLength(p.eligibility.clauses.length);
      for (const c of rule.clauses) expect(stored.body).toContain(c.text);
    }
  });
});

describe('the README graduate (24, 户籍 康定, 高校毕业生)', () => {
  it('gets at least 3 eligible and 3 possibly-eligible results, each explained, on any day', async () => {
    const res = await match({ profile: GRADUATE, limit: 50 });
    expect(res.status).toBe(200);
    expect(res.body.meta.counts.eligible).toBeGreaterThanOrEqual(3);
    expect(res.body.meta.counts['possibly-eligible']).toBeGreaterThanOrEqual(3);
    expect(res.body.meta.missingFacts.length).toBeGreaterThan(0);
    for (const r of res.body.data) {
      const settled = r.clauses.filter((c: any) => c.status === r.status);
      expect(settled.length).toBeGreaterThan(0);
      for (const c of settled) expect(c.explanations.length).toBeGreaterThan(0);
      if (r.status === 'possibly-eligible') expect(r.missing.length).toBeGreaterThan(0);
      expect(r.benefits.length).toBeGreaterThan(0);
    }
  });

  it('is eligible for P02, P03, P26 and possibly eligible for eight more on 2026-07-01, with the facts that settle them', async () => {
    const res = await match({ profile: GRADUATE, asOf: ASOF, limit: 50 });
    expect(res.status).toBe(200);
    expect(keysWith(res.body.data, 'eligible')).toEqual(['P02', 'P03', 'P26']);
    expect(keysWith(res.body.data, 'possibly-eligible')).toEqual(['P01', 'P04', 'P05', 'P06', 'P07', 'P08', 'P20', 'P22']);
    const missing = Object.fromEntries(res.body.data.filter((r: any) => r.status === 'possibly-eligible').map((r: any) => [keyOf(r.documentId), [...r.missing].sort()]));
    expect(missing).toEqual({
      P01: ['employmentStatus', 'graduationYear'],
      P04: ['disabilityGrade', 'employmentStatus'],
      P05: ['employmentStatus', 'graduationYear', 'residenceRegion'],
      P06: ['employmentStatus', 'hasOtherBusinessLoans'],
      P07: ['educationLevel', 'employmentStatus', 'graduationYear'],
      P08: ['employmentStatus', 'graduationYear'],
      P20: ['householdAnnualIncome', 'householdSize', 'hukouType'],
      P22: ['employmentStatus', 'ownBusinessSince'],
    });
  });
});

describe('the README enterprise (a micro 民宿 of 康定)', () => {
  it('gets results too: P15, P25 eligible; six possibly eligible asking firm facts only; no individual policy', async () => {
    const res = await match({ profile: MINSU, asOf: ASOF, limit: 50 });
    expect(res.status).toBe(200);
    expect(keysWith(res.body.data, 'eligible')).toEqual(['P15', 'P25']);
    expect(keysWith(res.body.data, 'possibly-eligible')).toEqual(['P06', 'P12', 'P13', 'P14', 'P16', 'P24']);
    const p12 = res.body.data.find((r: any) => keyOf(r.documentId) === 'P12');
    expect(p12.missing).toEqual(['enterpriseTypes']);
    const benefits = res.body.data.find((r: any) => keyOf(r.documentId) === 'P25').benefits.map((b: any) => b.zh);
    expect(benefits).toContain('一次性补贴5000元');
    // No individual fact is ever asked of a firm.
    const individualFacts = ['age', 'householdRegion', 'identityTags', 'employmentStatus', 'graduationYear'];
    expect(res.body.meta.missingFacts.map((m: any) => m.field ?? m.code ?? m).filter((f: string) => individualFacts.includes(f))).toEqual([]);
  });
});
