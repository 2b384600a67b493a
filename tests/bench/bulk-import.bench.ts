import type { Core } from '@strapi/strapi';
import { articleFieldsGenerator } from '../../database/seeds/bulk';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { defineBench } from './lib/bench';
import { loadBulkItems } from './lib/seeding';

const ARTICLE = 'api::article.article';
const TARGET_ITEMS_PER_SECOND = 500;

/**
 * The normal path: one published article at a time through the Document Service. Publishing needs
 * the three reviews, so the baseline goes through review-workflow's trusted path, as an import of
 * approved content would (its audit record included).
 */
const documentServiceRate = async (strapi: Core.Strapi, count: number) => {
  const nextArticle = articleFieldsGenerator('baseline');
  const trusted = strapi.plugin('review-workflow').service('publish-gate');
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await trusted.withTrustedPublish('bench baseline', () => strapi.documents(ARTICLE).create({ data: nextArticle() as any, status: 'published' }));
  }
  return count / ((performance.now() - started) / 1000);
};

export default defineBench({
  name: 'bulk-import',
  description:
    'Published documents per second written by bulkSeed (draft + published row each, 10 % policies, 10 % Tibetan), ' +
    'against strapi.documents().create({ status: "published" }) one at a time on the same database.',
  async run({ strapi, record, knobs }) {
    // Content belongs to a site of the cluster, so the demo tree exists first, as in a real install.
    await seedDemoSites(strapi);

    const baseline = await documentServiceRate(strapi, knobs.baselineDocs);
    record.figure('Document Service create, one at a time', baseline, 'items/s', { details: { items: knobs.baselineDocs } });

    const result = await loadBulkItems(strapi, record, knobs.items, { [`${ARTICLE}:zh-Hans`]: knobs.baselineDocs });
    record.figure(`bulkSeed, ${knobs.items} items`, result.itemsPerSecond, 'items/s', {
      baseline: { name: 'Document Service create', value: baseline },
      target: { kind: 'min', value: TARGET_ITEMS_PER_SECOND },
      details: { articles: result.articles, policies: result.policies, rows: result.rows, seconds: Math.round(result.elapsedMs) / 1000 },
    });
  },
});
