import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { jsonFeed, rss2, type FeedMeta } from '../utils/feed-formats';
import { pluginConfig } from '../utils/get-service';
import type { ChannelRow } from '../utils/rows';
import { CHANNEL_UID } from '../utils/uids';
import { service } from '@jiyue/kernel';

/**
 * RSS 2.0 and JSON Feed 1.1 of a site's column, read through site-group's public column listing,
 * so a feed shows exactly what the column shows: published, placed, not withdrawn.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async build({ site, column, locale, format }: { site: string; column: string; locale: string; format: 'rss' | 'json' }) {
    const channel = (await strapi.db.query(CHANNEL_UID).findOne({ where: { site, kind: 'feed', enabled: true } })) as ChannelRow | null;
    if (!channel) throw new errors.NotFoundError(`Site "${site}" publishes no feeds`);
    const columns: string[] | undefined = channel.settings?.columns;
    if (columns?.length && !columns.includes(column)) throw new errors.NotFoundError(`Site "${site}" has no feed for column "${column}"`);
    const page = await service(strapi, 'site-group', 'site-content').columnItems({ siteCode: site, slug: column, locale, page: 1, pageSize: 50 });
    const base = pluginConfig('publicUrl').replace(/\/$/, '');
    const domain = page.meta.site?.domain ?? page.meta.site?.domains?.[0];
    const home = domain ? `https://${domain}` : `${base}/${site}`;
    const feed: FeedMeta = {
      title: channel.settings?.title ?? `${page.meta.site?.name ?? site} · ${page.meta.column?.name ?? column}`,
      description: channel.settings?.description ?? `${page.meta.site?.name ?? site}${page.meta.column?.name ?? column}`,
      homePageUrl: `${home}/${column}/`,
      feedUrl: `${base}/api/distribution/feeds/${site}/${column}.${format === 'rss' ? 'xml' : 'json'}`,
      language: locale,
      items: page.data.map((item) => ({
        id: `${site}:${item.type}:${item.documentId}`,
        url: `${home}${item.path.replace(`/${site}`, '')}`,
        title: item.title!,
        summary: (item.summary as string | null | undefined) ?? null,
        publishedAt: (item.publishDate as string | null | undefined) ?? null,
      })),
    };
    return format === 'rss' ? rss2(feed) : jsonFeed(feed);
  },
});
