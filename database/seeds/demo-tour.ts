import type { Core } from '@strapi/strapi';
import { demoSites } from './demo-sites';

/**
 * What the README's API tour needs beyond the content itself, so that every example answers
 * something on a fresh demo: a feed channel on every site for its 要闻动态 (`ywdt`) and 通知公告
 * (`tzgg`) columns, so `/api/distribution/feeds/<site>/<column>.xml|json` answers (a site without a
 * feed channel publishes no feeds).
 * The 政策找人 example's policies and their eligibility clauses are in demo-policies.ts.
 * Goes through distribution's channel service. Idempotent: an existing channel is left as it is.
 */

/** The columns every site's feed carries. */
export const FEED_COLUMNS = ['ywdt', 'tzgg'];

export const seedDemoFeeds = async (strapi: Core.Strapi) => {
  const channels = strapi.plugin('distribution')?.service('channels');
  if (!channels) return { created: 0 };
  let created = 0;
  for (const site of demoSites()) {
    const key = `feed:${site.code}`;
    if (await channels.byKey(key)) continue;
    await channels.create({ key, site: site.code, kind: 'feed', name: `${site.name} RSS / JSON Feed`, settings: { columns: FEED_COLUMNS } });
    created += 1;
  }
  return { created };
};
