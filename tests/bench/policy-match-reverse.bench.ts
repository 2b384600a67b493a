import { defineBench } from './lib/bench';
import { summarize } from './lib/stats';
import { seedPolicies, seedProfiles } from './policy-match-seeding';

const intEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export default defineBench({
  name: 'policy-match-reverse',
  description:
    'Reverse match of one policy against BENCH_PM_PROFILES stored profiles (default 1,000,000; PostgreSQL is the target): SQL pre-filter on the indexed ' +
    'columns then the rules in JS, against evaluating every profile in JS; a selective (one county, age 18–35, graduates) and a broad (whole prefecture, age ≥ 60) policy.',
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
    record.figure('profiles seeded (multi-row INSERT)', count / seedSeconds, 'profiles/s', { details: { profiles: count, seconds: Math.round(seedSeconds) } });

    const [selective, broad] = await seedPolicies(strapi, 2, 1);
    const el = 'plugin::policy-match.eligibility';
    await strapi.db.query(el).update({ where: { policyDocumentId: selective }, data: { audience: 'individual', jurisdiction: '513301', clauses: [{ text: '35岁及以下高校毕业生', benefit: '补贴', rule: { all: [{ field: 'age', op: 'between', value: [18, 35] }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }] } });
    await strapi.db.query(el).update({ where: { policyDocumentId: broad }, data: { audience: 'individual', jurisdiction: '513300', clauses: [{ text: '60岁及以上老年人', benefit: '补贴', rule: { all: [{ field: 'age', op: 'gte', value: 60 }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] } }] } });
    await strapi.db.query('api::policy.policy').updateMany({ where: { documentId: { $in: [selective, broad] } }, data: { validity: 'valid', validTo: null } });

    const audience = strapi.plugin('policy-match').service('audience');
    const asOf = '2025-06-15';
    for (const [label, doc] of [['selective', selective], ['broad', broad]] as const) {
      await audience.audience(doc, { asOf }); // warm the rule cache and the buffer pool
      const times: number[] = [];
      let result: any;
      for (let i = 0; i < 3; i += 1) {
        const t = performance.now();
        result = await audience.audience(doc, { asOf });
        times.push(performance.now() - t);
      }
      const t0 = performance.now();
      const everyone = await audience.audience(doc, { asOf, prefilter: false });
      const fullMs = performance.now() - t0;
      if (everyone.count !== result.count) throw new Error(`pre-filter disagrees with full evaluation: ${result.count} vs ${everyone.count}`);
      const s = summarize(times);
      record.figure(`reverse match, ${label} policy, ${count} profiles (median of 3)`, s.p50, 'ms', {
        target: { kind: 'max', value: 3000 },
        baseline: { name: 'evaluating every profile in JS', value: fullMs },
        details: { matched: result.count, candidatesEvaluated: result.evaluated, allEvaluated: everyone.evaluated, regions: result.byRegion.length },
      });
    }
  },
});
