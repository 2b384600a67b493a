import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';
import { grantRoleActions } from '../helpers/auth';
import { defineBench } from './lib/bench';
import { timeTargets, type Target } from './lib/http';
import { loadBulkItems } from './lib/seeding';
import { summarize } from './lib/stats';

const ARTICLE = 'api::article.article';

export default defineBench({
  name: 'bilingual',
  description:
    'With BENCH_ITEMS bulk items (about a tenth in Tibetan): a REST list with ?locale=bo&fallback=zh-Hans against the same plain zh-Hans list; ' +
    'the translation status of every article; syllable-safe truncation of Tibetan text against a plain code-point slice.',
  async run({ strapi, baseUrl, record, knobs }) {
    await seedDemoSites(strapi);
    await loadBulkItems(strapi, record, knobs.items);
    await grantRoleActions({ strapi } as any, [`${ARTICLE}.find`]);

    const list = 'sort=publishDate:desc&pagination[pageSize]=25';
    const fallback: Target = { name: 'fallback list bo→zh-Hans', path: `/api/articles?locale=bo&fallback=zh-Hans&${list}` };
    const plain: Target = { name: 'plain zh-Hans list', path: `/api/articles?locale=zh-Hans&${list}` };
    const [timedFallback, timedPlain] = await timeTargets(baseUrl, [fallback, plain], { requests: knobs.requests, maxMs: knobs.loopMaxMs });
    for (const p of ['p50', 'p95'] as const) {
      record.figure(`fallback list ${p}`, timedFallback.summary[p], 'ms', { baseline: { name: `plain list ${p}`, value: timedPlain.summary[p] }, details: { n: timedFallback.summary.n } });
    }
    record.figure('fallback list p50 / plain list p50', timedFallback.summary.p50 / timedPlain.summary.p50, 'ratio');

    const status = strapi.plugin('bilingual').service('translation-status');
    const runs: number[] = [];
    let documents = 0;
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const result = await status.overview({ contentType: ARTICLE, limit: 100 });
      runs.push(performance.now() - started);
      documents = result.meta.documents;
    }
    const s = summarize(runs);
    record.figure('status of every article', s.p50, 'ms', { details: { documents, runs: s.n } });
    record.figure('status throughput', documents / (s.p50 / 1000), 'documents/s');

    const text = strapi.plugin('bilingual').service('text');
    const tibetan = Array.from({ length: 60 }, (_, i) => cluster.counties[i % cluster.counties.length].bo).join(' ');
    const N = 2000;
    let started = performance.now();
    for (let i = 0; i < N; i += 1) text.truncate(tibetan, 120 + (i % 50));
    const truncateUs = ((performance.now() - started) * 1000) / N;
    started = performance.now();
    for (let i = 0; i < N; i += 1) Array.from(tibetan).slice(0, 120 + (i % 50)).join('');
    const sliceUs = ((performance.now() - started) * 1000) / N;
    record.figure('truncate Tibetan to ~140 chars', truncateUs, 'µs/op', { baseline: { name: 'code-point slice', value: sliceUs }, details: { textLength: tibetan.length } });
  },
});
