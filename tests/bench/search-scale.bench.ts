import type { Core } from '@strapi/strapi';
import vocabulary from '../../database/seeds/vocabulary-words.json';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { grantRoleActions } from '../helpers/auth';
import { defineBench } from './lib/bench';
import { get, timeTargets, type Target } from './lib/http';
import { loadBulkItems } from './lib/seeding';
import { summarize } from './lib/stats';

const POLICY = 'api::policy.policy';
const MB = 1024 * 1024;

/**
 * Query words drawn from the bulk generator's own vocabulary at several frequency ranks (common to
 * rare), so the result sets range from tens of thousands of hits to a handful.
 */
const queryWords = (): string[] => {
  const zh = (vocabulary as any).zh as [string, number][];
  const words = zh.map(([w]) => w).filter((w) => [...w].length >= 2);
  return [5, 20, 60, 150, 400, 900].map((rank) => words[Math.min(rank, words.length - 1)]);
};

const searchPath = (q: string, extra = '') => `/api/cluster-search/search?q=${encodeURIComponent(q)}&pageSize=10${extra}`;
const containsiPath = (q: string) =>
  `/api/articles?filters[$or][0][title][$containsi]=${encodeURIComponent(q)}&filters[$or][1][body][$containsi]=${encodeURIComponent(q)}&pagination[pageSize]=10`;


const rssMb = () => process.memoryUsage().rss / MB;

export default defineBench({
  name: 'search-scale',
  description:
    'cluster-search embedded engine at BENCH_ITEMS bulk items: full reindex throughput, index size and memory, search latency over ' +
    'queries from common to rare words (HTTP, 1 client) with facets and snippets, against Strapi REST $containsi on article title and ' +
    'body for the same words in the same loop.',
  async run({ strapi, baseUrl, record, knobs }) {
    await seedDemoSites(strapi);
    await loadBulkItems(strapi, record, knobs.items);
    await grantRoleActions({ strapi } as any, ['api::article.article.find']);
    const plugin = strapi.plugin('cluster-search');

    const rssBefore = rssMb();
    const rebuilt = await plugin.service('indexer').rebuild({
      onProgress: ({ done, total }: { done: number; total: number }) => {
        if (done === total || done % Math.max(1, Math.round(total / 5)) < 500) record.note(`indexed ${done}/${total}`);
      },
    });
    const stats = await plugin.service('engine').get().stats();
    record.figure('reindex, end to end (read Strapi rows + placements, segment, write)', rebuilt.perSecond, 'items/s', {
      target: { kind: 'min', value: 1000 },
      details: { rows: rebuilt.rows, indexDocuments: rebuilt.documents, seconds: rebuilt.ms / 1000 },
    });
    record.figure('indexing in the engine (segment + FTS5 write)', rebuilt.engineDocumentsPerSecond, 'items/s', {
      target: { kind: 'min', value: 1000 },
      details: { engineSeconds: rebuilt.engineMs / 1000 },
    });
    record.figure('index size', stats.bytes / MB, 'MB', { details: { documents: stats.documents, bytesPerDocument: Math.round(stats.bytes / Math.max(1, stats.documents)) } });
    record.figure('process RSS after reindex', rssMb(), 'MB', { details: { before: Math.round(rssBefore), growth: Math.round(rssMb() - rssBefore) } });

    const words = queryWords();
    const policy = await strapi.db.query(POLICY).findOne({ where: { publishedAt: { $notNull: true }, documentNumber: { $notNull: true } }, select: ['documentNumber'] });
    const queries = [...words, `${words[2]} ${words[4]}`, ...(policy ? [policy.documentNumber] : [])];
    for (const q of queries) {
      const body = JSON.parse((await get(baseUrl, searchPath(q))).body);
      record.note(`query "${q}": ${body.total} hits, tookMs ${body.tookMs}`);
    }

    // Search latency over all queries (HTTP), then the same words scoped to one site and sorted by date.
    const searchTargets: Target[] = queries.map((q, i) => ({ name: `search q${i}`, path: searchPath(q) }));
    const timed = await timeTargets(baseUrl, searchTargets, { requests: knobs.requests, maxMs: knobs.loopMaxMs });
    const all = timed.flatMap((t) => [t.summary.p50, t.summary.p95]);
    const worstP95 = Math.max(...timed.map((t) => t.summary.p95));
    for (const t of timed) record.note(`${t.target.path}: p50 ${t.summary.p50.toFixed(1)} ms, p95 ${t.summary.p95.toFixed(1)} ms (n=${t.summary.n})`);
    record.figure('search p95, worst query (HTTP, facets + snippets)', worstP95, 'ms', { target: { kind: 'max', value: 50 } });
    record.figure('search p95, median over queries', summarize(timed.map((t) => t.summary.p95)).p50, 'ms', { target: { kind: 'max', value: 50 }, details: { samples: all.length } });
    const scoped = await timeTargets(baseUrl, [{ name: 'search site scope', path: searchPath(words[1], '&scope=subtree&site=ganzi&sort=date:desc') }], {
      requests: knobs.requests,
      maxMs: knobs.loopMaxMs,
    });
    record.figure('search p95, subtree scope + date sort', scoped[0].summary.p95, 'ms', { target: { kind: 'max', value: 50 } });

    // Against Strapi's $containsi on title and body, same words, same loop (round-robin). When the
    // request mix changes from searches alone to searches between $containsi scans, the first six or
    // seven searches run 30–60 % slower (measured); a p95 over 30 samples would time that transition,
    // not either endpoint, so each pair warms up for WARMUP_ROUNDS first.
    const WARMUP_ROUNDS = 8;
    const pairs = [words[1], words[3], words[5]];
    for (const q of pairs) {
      const [search, containsi] = await timeTargets(
        baseUrl,
        [
          { name: `search "${q}"`, path: searchPath(q) },
          { name: `$containsi "${q}"`, path: containsiPath(q) },
        ],
        { requests: Math.min(knobs.requests, 30), warmup: WARMUP_ROUNDS, maxMs: knobs.loopMaxMs }
      );
      record.figure(`speed-up over $containsi, "${q}" (p95 ratio)`, containsi.summary.p95 / search.summary.p95, '×', {
        target: { kind: 'min', value: 50 },
        details: { searchP95: search.summary.p95, containsiP95: containsi.summary.p95, searchP50: search.summary.p50, containsiP50: containsi.summary.p50, n: search.summary.n, warmupRounds: WARMUP_ROUNDS },
      });
    }
    record.figure('process RSS after searches', rssMb(), 'MB');
  },
});

export type { Core };
