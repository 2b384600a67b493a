import type { Core } from '@strapi/strapi';
import { bulkSites } from '../../database/seeds/bulk';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { grantRoleActions } from '../helpers/auth';
import { defineBench } from './lib/bench';
import { get, timeTargets, type Target, type TimedTarget } from './lib/http';
import type { Knobs } from './lib/knobs';
import type { Recorder } from './lib/recorder';
import { loadBulkItems } from './lib/seeding';

// The cheapest content-API list there is: the baseline that absorbs Strapi's fixed per-request cost.
const ARTICLES: Target = { name: 'GET /api/articles?pagination[pageSize]=1', path: '/api/articles?pagination[pageSize]=1' };
const TREE: Target = { name: 'GET /api/site-group/sites', path: '/api/site-group/sites' };
const TREE_BO: Target = { name: 'GET /api/site-group/sites?locale=bo', path: '/api/site-group/sites?locale=bo' };

/** Public read of articles, as a portal has; the site tree routes are public already. */
const grantPublicArticleFind = (strapi: Core.Strapi) => grantRoleActions({ strapi } as any, ['api::article.article.find']);

const treeTotal = async (baseUrl: string) => JSON.parse((await get(baseUrl, TREE.path)).body).meta.total as number;

/** p50 and p95 of each endpoint, each with its ratio to the articles baseline of the same loop. */
const recordAgainstBaseline = (record: Recorder, label: string, [baseline, ...measured]: TimedTarget[]) => {
  for (const p of ['p50', 'p95'] as const) {
    record.figure(`${label}: ${baseline.target.name} ${p}`, baseline.summary[p], 'ms', { details: { n: baseline.summary.n, bytes: baseline.bytes } });
  }
  for (const timed of measured) {
    for (const p of ['p50', 'p95'] as const) {
      record.figure(`${label}: ${timed.target.name} ${p}`, timed.summary[p], 'ms', {
        baseline: { name: `articles ${p}`, value: baseline.summary[p] },
        details: { n: timed.summary.n, bytes: timed.bytes, mean: timed.summary.mean, max: timed.summary.max, truncated: timed.truncated },
      });
    }
  }
};

const timing = (knobs: Knobs) => ({ requests: knobs.requests, maxMs: knobs.loopMaxMs });

export default defineBench({
  name: 'site-tree',
  description:
    'GET /api/site-group/sites for the 38-site demo tree and for a generated province tree (BENCH_SITES), with BENCH_ITEMS ' +
    'bulk documents loaded, each against GET /api/articles?pagination[pageSize]=1 timed in the same loop.',
  async run({ strapi, baseUrl, record, knobs }) {
    await seedDemoSites(strapi);
    await loadBulkItems(strapi, record, knobs.items);
    await grantPublicArticleFind(strapi);

    const demoSites = await treeTotal(baseUrl);
    if (demoSites !== 38) throw new Error(`expected the 38-site demo tree, the API reports ${demoSites}`);
    recordAgainstBaseline(record, `demo tree (${demoSites} sites)`, await timeTargets(baseUrl, [ARTICLES, TREE], timing(knobs)));

    const generated = await bulkSites(strapi, { count: knobs.sites });
    record.note(`generated ${generated.sites} sites in ${Math.round(generated.elapsedMs)} ms (${JSON.stringify(generated.byLevel)})`);
    const total = await treeTotal(baseUrl);
    if (total !== demoSites + knobs.sites) throw new Error(`expected ${demoSites + knobs.sites} sites, the API reports ${total}`);
    recordAgainstBaseline(record, `generated tree (${total} sites)`, await timeTargets(baseUrl, [ARTICLES, TREE, TREE_BO], timing(knobs)));
  },
});
