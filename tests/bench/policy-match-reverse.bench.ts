import { defineBench } from './lib/bench';
import { summarize } from './lib/stats';
import { seedPolicies, seedProfiles } from './policy-match-seeding';

const intEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The pre-filterable forms of issue #19 (each < 3 s at 1M), and the `not`-heavy rule that runs in the background. */
const FORMS: [string, string, { jurisdiction: string; rule: object }][] = [
  ['selective: 康定市, age 18–35, 高校毕业生', 'individual', { jurisdiction: '513301', rule: { all: [{ field: 'age', op: 'between', value: [18, 35] }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }],
  ['broad: 甘孜州, age ≥ 60, no local housing', 'individual', { jurisdiction: '513300', rule: { all: [{ field: 'age', op: 'gte', value: 60 }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] } }],
  ['not over a tag: 甘孜州, age 18–35, not 高校毕业生', 'individual', { jurisdiction: '513300', rule: { all: [{ field: 'age', op: 'between', value: [18, 35] }, { not: { field: 'identityTags', op: 'eq', value: 'graduate' } }] } }],
  ['province-wide enum: 四川省, 残疾等级 一级/二级', 'individual', { jurisdiction: '510000', rule: { field: 'disabilityGrade', op: 'in', value: ['grade1', 'grade2'] } }],
  ['derived ratio: 小微企业, 新招用 ≥ 15% of employees', 'enterprise', { jurisdiction: '513300', rule: { all: [{ field: 'enterpriseSize', op: 'in', value: ['small', 'micro'] }, { field: 'newHireRatio', op: 'gte', value: 15 }] } }],
  ['relative date: 退役军人, discharged within 12 months', 'individual', { jurisdiction: '513300', rule: { all: [{ field: 'identityTags', op: 'eq', value: 'veteran' }, { field: 'dischargeDate', op: 'gte', value: { today: { months: -12 } } }] } }],
];
/** Built to be non-exact and to narrow nothing much: a negated ratio or anyone who is not a firm. */
const NOT_HEAVY = {
  audience: 'any', jurisdiction: '510000',
  rule: { any: [{ not: { field: 'newHireRatio', op: 'lt', value: 5 } }, { not: { kind: 'enterprise' } }, { not: { field: 'ownsLocalHousing', op: 'exists' } }] },
};

export default defineBench({
  name: 'policy-match-reverse',
  description:
    'Reverse match of one policy against BENCH_PM_PROFILES stored profiles (default 1,000,000; PostgreSQL is the target): the policy as SQL over the ' +
    'typed fact rows (exact: SQL counts; else the candidates are evaluated in JS), against evaluating every profile in JS; six pre-filterable forms ' +
    '(< 3 s each) and a not-heavy rule whose GET answers at once while a background run computes it (< 60 s).',
  async run({ strapi, record }) {
    const count = intEnv('BENCH_PM_PROFILES', 1_000_000);
    const started = performance.now();
    let lastNote = 0;
    await seedProfiles(strapi, count, (done) => {
      if (performance.now() - lastNote > 15_000) {
        lastNote = performance.now();
        record.note(`seeded ${done} profiles`);
      }
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const factRows = await strapi.db.query('plugin::policy-match.profile-fact' as any).count();
    record.figure('profiles seeded (multi-row INSERT + fact-row backfill)', count / seedSeconds, 'profiles/s', { details: { profiles: count, factRows, seconds: Math.round(seedSeconds) } });

    const docs = await seedPolicies(strapi, FORMS.length + 1, 1);
    const el = 'plugin::policy-match.eligibility';
    for (const [i, [label, audience, { jurisdiction, rule }]] of FORMS.map((f, i) => [i, f] as const)) {
      await strapi.db.query(el).update({ where: { policyDocumentId: docs[i] }, data: { audience, jurisdiction, jurisdictionFacts: null, applicationDeadline: null, clauses: [{ text: label, benefit: '补贴', rule }] } });
    }
    const heavy = docs[FORMS.length];
    await strapi.db.query(el).update({ where: { policyDocumentId: heavy }, data: { audience: NOT_HEAVY.audience, jurisdiction: NOT_HEAVY.jurisdiction, jurisdictionFacts: null, applicationDeadline: null, clauses: [{ text: 'not-heavy', benefit: '补贴', rule: NOT_HEAVY.rule }] } });
    await strapi.db.query('api::policy.policy').updateMany({ where: { documentId: { $in: docs } }, data: { validity: 'valid', validTo: null } });
    await strapi.plugin('policy-match').service('catalogue').bump();

    const audience = strapi.plugin('policy-match').service('audience');
    const jobs = strapi.plugin('policy-match').service('audience-jobs');
    const asOf = '2026-07-01';
    for (const [i, [label]] of FORMS.map((f, i) => [i, f] as const)) {
      const doc = docs[i];
      await audience.audience(doc, { asOf }); // warm the rule cache and the buffer pool
      const times: number[] = [];
      let result: any;
      for (let k = 0; k < 3; k += 1) {
        const t = performance.now();
        result = await audience.audience(doc, { asOf });
        times.push(performance.now() - t);
      }
      const t0 = performance.now();
      const everyone = await audience.audience(doc, { asOf, prefilter: false });
      const fullMs = performance.now() - t0;
      if (everyone.count !== result.count) throw new Error(`${label}: the pre-filter disagrees with full evaluation: ${result.count} vs ${everyone.count}`);
      const s = summarize(times);
      record.figure(`reverse match, ${label}, ${count} profiles (median of 3)`, s.p50, 'ms', {
        target: { kind: 'max', value: 3000 },
        baseline: { name: 'evaluating every profile in JS', value: fullMs },
        details: { matched: result.count, exact: result.exact, candidatesRead: result.evaluated, allEvaluated: everyone.evaluated, regions: result.byRegion.length },
      });
    }

    // the not-heavy rule: the GET answers at once, a background run computes it (a small run lowers the
    // inline limit with the profile count, so the background path is what is measured at any size)
    const inlineMax = strapi.plugin('policy-match').config('audienceInlineMax') as number;
    strapi.config.set('plugin::policy-match.audienceInlineMax', Math.min(inlineMax, Math.max(1, Math.floor(count / 10))));
    const t1 = performance.now();
    const first = await audience.find(heavy, { asOf });
    const firstMs = performance.now() - t1;
    if (first.source !== 'pending') throw new Error(`the not-heavy rule was expected to run in the background, got ${first.source}`);
    record.figure(`not-heavy rule, GET before any result (queues the run), ${count} profiles`, firstMs, 'ms', { target: { kind: 'max', value: 1000 }, details: { source: first.source, run: first.run?.status } });
    const t2 = performance.now();
    const ran = await jobs.runOnce();
    const runMs = performance.now() - t2;
    const t3 = performance.now();
    const stored = await audience.find(heavy, { asOf });
    const storedMs = performance.now() - t3;
    record.figure(`not-heavy rule, background run, ${count} profiles`, runMs, 'ms', {
      target: { kind: 'max', value: 60_000 },
      details: { status: ran?.status, matched: stored.count, candidatesRead: stored.evaluated, exact: stored.exact },
    });
    record.figure(`not-heavy rule, GET answered from the stored result, ${count} profiles`, storedMs, 'ms', {
      target: { kind: 'max', value: 100 },
      details: { source: stored.source, ageSeconds: stored.ageSeconds, current: stored.current },
    });
  },
});
