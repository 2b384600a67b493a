import type { Core } from '@strapi/strapi';
import { analyze } from './analyze';

const SITE = 'plugin::site-group.site';
const COLUMN = 'plugin::site-group.column';
const PLACEMENT = 'plugin::site-group.placement';

/** The column each bulk type lands in first, on its owner's site (the demo sites' slugs). */
const HOME_COLUMN: Record<string, string> = { 'api::article.article': 'ywdt', 'api::policy.policy': 'zcwj' };
const PUSH_COLUMNS = ['ywdt', 'tzgg', 'zcwj'];

export interface BulkPlacementsOptions {
  /** Placements per item: one in the owner's column, the rest pushed into other sites. Default 5. */
  perItem?: number;
  batchSize?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A small deterministic PRNG (mulberry32), so the same options always give the same data. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Places every published bulk item (see bulk.ts) into columns the way a cluster does: its owner
 * site's own column, plus pushes into the same-slug columns of other sites. Writes rows with
 * createMany for load tests; the Document Service path is exercised by the integration tests.
 */
export const bulkPlacements = async (strapi: Core.Strapi, options: BulkPlacementsOptions = {}) => {
  const perItem = options.perItem ?? 5;
  const batchSize = options.batchSize ?? 2000;
  const random = prng(options.seed ?? 7);
  const started = performance.now();

  const sites = await strapi.db.query(SITE).findMany({ select: ['id', 'code'] });
  const columns = await strapi.db.query(COLUMN).findMany({ select: ['id', 'slug'], populate: { site: { select: ['id'] } } });
  const columnOf = new Map<string, number>(columns.filter((c) => c.site).map((c) => [`${c.site.id}:${c.slug}`, c.id]));
  const siteId = new Map<string, number>(sites.map((s) => [s.code, s.id]));
  const withColumns = sites.filter((s) => PUSH_COLUMNS.some((slug) => columnOf.has(`${s.id}:${slug}`)));

  let total = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await strapi.db.query(PLACEMENT).createMany({ data: batch });
    total += batch.length;
    options.onProgress?.(total, 0);
    batch = [];
  };

  for (const uid of Object.keys(HOME_COLUMN)) {
    const items = await strapi.db.query(uid).findMany({
      where: { publishedAt: { $notNull: true }, locale: 'zh-Hans' },
      select: ['documentId', 'ownerSite', 'publishDate'],
    });
    for (const item of items) {
      const owner = siteId.get(item.ownerSite);
      const targets = new Set<string>();
      if (owner !== undefined && columnOf.has(`${owner}:${HOME_COLUMN[uid]}`)) targets.add(`${owner}:${HOME_COLUMN[uid]}`);
      for (let tries = 0; targets.size < perItem && tries < perItem * 4; tries++) {
        const site = withColumns[Math.floor(random() * withColumns.length)];
        const slug = PUSH_COLUMNS[Math.floor(random() * PUSH_COLUMNS.length)];
        if (columnOf.has(`${site.id}:${slug}`)) targets.add(`${site.id}:${slug}`);
      }
      for (const key of targets) {
        const [site] = key.split(':');
        batch.push({
          contentType: uid,
          itemDocumentId: item.documentId,
          siteId: Number(site),
          columnId: columnOf.get(key),
          mode: 'reference',
          state: 'active',
          origin: Number(site) === owner ? 'placed' : 'pushed',
          pinned: random() < 0.002,
          priority: 0,
          sitePublishedAt: item.publishDate,
          itemPublished: true,
        });
        if (batch.length >= batchSize) await flush();
      }
    }
  }
  await flush();
  await analyze(strapi, PLACEMENT);
  const elapsedMs = performance.now() - started;
  return { placements: total, elapsedMs, perSecond: total / (elapsedMs / 1000) };
};
