import type { Core } from '@strapi/strapi';
import { bulkPlacements } from '../../database/seeds/bulk-placements';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { grantRoleActions } from '../helpers/auth';
import { defineBench } from './lib/bench';
import { adminJwt, timeConcurrent, timeTargets, type Target, type TimedTarget } from './lib/http';
import type { Recorder } from './lib/recorder';
import { loadBulkItems } from './lib/seeding';
import { summarize } from './lib/stats';

const ARTICLE = 'api::article.article';
const PLACEMENT = 'plugin::site-group.placement';

/** The busiest column of the cluster: the worst case for a column page. */
export const busiestColumn = async (strapi: Core.Strapi) => {
  const rows = await strapi.db.connection(strapi.db.metadata.get(PLACEMENT).tableName).select('column_id').count('* as n').groupBy('column_id').orderBy('n', 'desc').limit(1);
  const column = await strapi.db.query('plugin::site-group.column').findOne({ where: { id: rows[0].column_id }, populate: { site: { select: ['code'] } } });
  return { site: column.site.code as string, slug: column.slug as string, placements: Number(rows[0].n) };
};

const recordPair = (record: Recorder, label: string, timed: TimedTarget, baseline: TimedTarget, p95TargetMs?: number) => {
  for (const p of ['p50', 'p95'] as const) {
    record.figure(`${label} ${p}`, timed.summary[p], 'ms', {
      baseline: { name: `${baseline.target.name} ${p}`, value: baseline.summary[p] },
      ...(p === 'p95' && p95TargetMs ? { target: { kind: 'max' as const, value: p95TargetMs } } : {}),
      details: { n: timed.summary.n, bytes: timed.bytes },
    });
  }
};

export default defineBench({
  name: 'column-listing',
  description:
    'Column page (25 newest) of the busiest column with BENCH_ITEMS bulk items and 6 placements each, against plain Strapi REST lists ' +
    'of the same articles sorted by publishDate; 10 concurrent clients; a push of one item to 18 county columns.',
  async run({ strapi, baseUrl, record, knobs }) {
    await seedDemoSites(strapi);
    await loadBulkItems(strapi, record, knobs.items);
    // Six per Chinese item by default: 90% of BENCH_ITEMS are zh-Hans, so 100,000 items give the
    // issue's 500,000+ placements. BENCH_PLACEMENTS_PER_ITEM lowers it for the 1,000,000-item run.
    const placed = await bulkPlacements(strapi, { perItem: Number(process.env.BENCH_PLACEMENTS_PER_ITEM ?? 6) });
    record.figure('bulk placements written', placed.perSecond, 'placements/s', { details: { placements: placed.placements } });
    await grantRoleActions({ strapi } as any, ['api::article.article.find']);

    const busiest = await busiestColumn(strapi);
    record.note(`busiest column ${busiest.site}/${busiest.slug}: ${busiest.placements} placements of ${placed.placements}`);
    const column: Target = { name: 'column page', path: `/api/site-group/sites/${busiest.site}/columns/${busiest.slug}/items?pageSize=25` };
    // What a site builder writes in plain Strapi: a filtered list sorted by date. `source` has no index
    // (as any field a plain Strapi app filters on); `ownerSite` carries the index this plugin adds.
    const plainUnindexed: Target = { name: 'plain REST filter+sort', path: `/api/articles?filters[source][$eq]=${encodeURIComponent('甘孜日报')}&sort=publishDate:desc&pagination[pageSize]=25` };
    const plainOwner: Target = { name: 'REST ownerSite filter+sort', path: `/api/articles?filters[ownerSite][$eq]=${busiest.site}&sort=publishDate:desc&pagination[pageSize]=25` };

    const [timedColumn, timedPlain, timedOwner] = await timeTargets(baseUrl, [column, plainUnindexed, plainOwner], { requests: knobs.requests, maxMs: knobs.loopMaxMs });
    recordPair(record, 'column page, 1 client', timedColumn, timedPlain, 50);
    record.figure('column page p95 / plain REST p95', timedColumn.summary.p95 / timedPlain.summary.p95, 'ratio', { target: { kind: 'max', value: 0.2 } });
    recordPair(record, 'column page vs indexed ownerSite list', timedColumn, timedOwner);

    for (const target of [column, plainUnindexed]) {
      const concurrent = await timeConcurrent(baseUrl, target, { clients: 10, requestsPerClient: Math.max(10, Math.round(knobs.requests / 10)), maxMs: knobs.loopMaxMs });
      const isColumn = target === column;
      record.figure(`${target.name}, 10 clients p95`, concurrent.summary.p95, 'ms', {
        ...(isColumn ? { target: { kind: 'max' as const, value: 200 } } : {}),
        details: { ok: concurrent.ok, failed: concurrent.failed, errors: concurrent.errors, p50: concurrent.summary.p50 },
      });
      record.figure(`${target.name}, 10 clients failed requests`, concurrent.failed, 'requests', isColumn ? { target: { kind: 'max', value: 0 } } : {});
    }

    const jwt = await adminJwt(strapi, baseUrl);
    const pushes: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const item = await strapi.plugin('review-workflow').service('publish-gate').withTrustedPublish('bench fixture', () =>
        strapi.documents(ARTICLE).create({ data: { title: `州级通知 ${i}`, ownerSite: 'ganzi', publishDate: new Date().toISOString() } as any, status: 'published' })
      );
      const started = performance.now();
      const res = await fetch(new URL('/site-group/pushes', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ contentType: ARTICLE, documentId: item.documentId, column: 'tzgg', level: 'county' }),
      });
      const body = (await res.json()) as any;
      pushes.push(performance.now() - started);
      if (res.status !== 201 || body.data.placed.length !== 18) throw new Error(`push answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    const push = summarize(pushes);
    record.figure('push to 18 county columns p50', push.p50, 'ms');
    record.figure('push to 18 county columns p95', push.p95, 'ms', { target: { kind: 'max', value: 200 }, details: { n: push.n } });
  },
});
