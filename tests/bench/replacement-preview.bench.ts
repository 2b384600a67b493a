import type { Core } from '@strapi/strapi';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { defineBench } from './lib/bench';
import { adminJwt } from './lib/http';
import { loadBulkItems } from './lib/seeding';
import { summarize } from './lib/stats';

// The bulk seed names this department as the source of articles and the issuing authority of policies.
const OLD = '甘孜州人力资源和社会保障局';
const NEW = '甘孜藏族自治州人力资源和社会保障局';
const REGEX = '甘孜州(人力资源和社会保障|财政)局';
const ROUNDS = Number(process.env.BENCH_REPLACEMENT_ROUNDS ?? 5);

/**
 * What plain Strapi offers for the same question: a `$containsi` filter over the same text fields
 * of the same rows (drafts, every locale), finding the items but not the matches in them.
 */
const containsiBaseline = async (strapi: Core.Strapi) => {
  let found = 0;
  for (const ct of Object.values(strapi.contentTypes as Record<string, any>)) {
    if (ct.pluginOptions?.['site-group']?.enabled !== true) continue;
    const fields = Object.entries<any>(ct.attributes)
      .filter(([name, a]) => ['string', 'text', 'richtext'].includes(a.type) && !a.unique && a.pluginOptions?.i18n?.localized !== false && name !== 'ownerSite')
      .map(([name]) => name);
    const rows = await strapi.db.query(ct.uid).findMany({ where: { publishedAt: null, $or: fields.map((f) => ({ [f]: { $containsi: OLD } })) }, select: ['id', 'documentId', 'locale'] });
    found += rows.length;
  }
  return found;
};

const time = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
};

export default defineBench({
  name: 'replacement-preview',
  description:
    `Cluster replacement preview (POST /distribution/replacements/preview over HTTP, whole cluster, every type and locale) of "${OLD}" over BENCH_ITEMS bulk items, ` +
    `literal and RE2 regex, against a plain Strapi $containsi filter over the same fields in the same run; ${ROUNDS} rounds each (BENCH_REPLACEMENT_ROUNDS).`,
  async run({ strapi, baseUrl, record, knobs }) {
    await seedDemoSites(strapi);
    await loadBulkItems(strapi, record, knobs.items);
    const jwt = await adminJwt(strapi, baseUrl);

    const preview = async (body: Record<string, unknown>) => {
      const res = await fetch(new URL('/distribution/replacements/preview', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ replace: NEW, scope: { site: 'ganzi', includeDescendants: true }, ...body }),
      });
      const json = (await res.json()) as any;
      if (res.status !== 201) throw new Error(`preview answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      return json.data.counts as { items: number; matches: number };
    };

    // Warm-up of each path (JIT, page cache) before timing.
    const baselineFound = await containsiBaseline(strapi);
    const warm = await preview({ find: OLD });
    await preview({ find: REGEX, regex: true });
    record.note(`${warm.items} items with ${warm.matches} matches of "${OLD}" among ${knobs.items} items; $containsi finds ${baselineFound} items`);
    if (warm.items !== baselineFound) record.note(`note: the preview counts ${warm.items} items, $containsi ${baselineFound} (case-insensitive, markup included)`);

    const baseline: number[] = [];
    const literal: number[] = [];
    const regex: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      baseline.push((await time(() => containsiBaseline(strapi))).ms);
      literal.push((await time(() => preview({ find: OLD }))).ms);
      regex.push((await time(() => preview({ find: REGEX, regex: true }))).ms);
    }
    const b = summarize(baseline);
    const l = summarize(literal);
    const r = summarize(regex);
    record.figure('$containsi baseline (items only) p50', b.p50, 'ms', { details: { n: b.n } });
    record.figure('literal preview p50', l.p50, 'ms', { baseline: { name: '$containsi p50', value: b.p50 }, target: { kind: 'max', value: 5000 }, details: { n: l.n, max: l.max, items: warm.items, matches: warm.matches } });
    record.figure('RE2 regex preview p50', r.p50, 'ms', { baseline: { name: '$containsi p50', value: b.p50 }, target: { kind: 'max', value: 5000 }, details: { n: r.n, max: r.max } });
  },
});
