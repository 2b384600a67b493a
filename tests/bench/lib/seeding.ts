import type { Core } from '@strapi/strapi';
import { bulkSeed, type BulkSeedProgress, type BulkSeedResult } from '../../../database/seeds/bulk';
import type { Recorder } from './recorder';

const ARTICLE = 'api::article.article';
const POLICY = 'api::policy.policy';

/** A progress note about every tenth of the load, so a long load shows it is alive. */
const progressNotes = (record: Recorder) => {
  let nextTenth = 1;
  return ({ done, total, itemsPerSecond }: BulkSeedProgress) => {
    if (done < (total * nextTenth) / 10) return;
    nextTenth = Math.floor((done * 10) / total) + 1;
    record.note(`loaded ${done}/${total} (${Math.round(itemsPerSecond)} items/s)`);
  };
};

/**
 * Loads `items` bulk documents and checks that the Document Service sees each one as a draft
 * and a published version, as it would after a normal create-and-publish. `already` counts
 * documents created before (e.g. the baseline) per content type and locale.
 */
export const loadBulkItems = async (
  strapi: Core.Strapi,
  record: Recorder,
  items: number,
  already: Partial<Record<string, number>> = {}
): Promise<BulkSeedResult> => {
  const result = await bulkSeed(strapi, { items, onProgress: progressNotes(record) });
  const expected: [string, 'zh-Hans' | 'bo', number][] = [
    [ARTICLE, 'zh-Hans', result.articles['zh-Hans'] + (already[`${ARTICLE}:zh-Hans`] ?? 0)],
    [ARTICLE, 'bo', result.articles.bo + (already[`${ARTICLE}:bo`] ?? 0)],
    [POLICY, 'zh-Hans', result.policies['zh-Hans'] + (already[`${POLICY}:zh-Hans`] ?? 0)],
    [POLICY, 'bo', result.policies.bo + (already[`${POLICY}:bo`] ?? 0)],
  ];
  for (const [uid, locale, count] of expected) {
    for (const status of ['draft', 'published'] as const) {
      const seen = await strapi.documents(uid as any).count({ locale, status });
      if (seen !== count) throw new Error(`after the bulk load the Document Service counts ${seen} ${status} ${uid} (${locale}), expected ${count}`);
    }
  }
  return result;
};
