import { sanitizeRichText } from '@jiyue/kernel';
import { escapeXml } from './escape-xml';

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string | null;
  publishedAt: string | null;
}

export interface FeedMeta {
  title: string;
  description: string;
  homePageUrl: string;
  feedUrl: string;
  language: string;
  items: FeedItem[];
}

const rfc822 = (iso: string | null) => (iso ? new Date(iso).toUTCString() : undefined);

/** RSS 2.0 (https://www.rssboard.org/rss-specification): channel title/link/description, items with guid and pubDate. */
export const rss2 = (feed: FeedMeta): string => {
  const items = feed.items
    .map((item) =>
      [
        '<item>',
        `<title>${escapeXml(item.title)}</title>`,
        `<link>${escapeXml(item.url)}</link>`,
        `<guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
        // Readers render <description> as HTML: it carries the summary through the feed allow list.
        item.summary ? `<description>${escapeXml(sanitizeRichText(item.summary, 'feed'))}</description>` : '',
        item.publishedAt ? `<pubDate>${rfc822(item.publishedAt)}</pubDate>` : '',
        '</item>',
      ].join('')
    )
    .join('\n');
  const lastBuild = feed.items.map((i) => i.publishedAt).filter(Boolean).sort().pop() ?? null;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.homePageUrl)}</link>`,
    `<description>${escapeXml(feed.description)}</description>`,
    `<language>${escapeXml(feed.language)}</language>`,
    `<atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    lastBuild ? `<lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>` : '',
    items,
    '</channel>',
    '</rss>',
  ].join('\n');
};

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): version, title, feed_url, items with id and one content field. */
export const jsonFeed = (feed: FeedMeta) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: feed.title,
  home_page_url: feed.homePageUrl,
  feed_url: feed.feedUrl,
  description: feed.description,
  language: feed.language,
  items: feed.items.map((item) => ({
    id: item.id,
    url: item.url,
    title: item.title,
    content_text: item.summary ?? item.title,
    ...(item.summary ? { summary: item.summary, content_html: sanitizeRichText(item.summary, 'feed') } : {}),
    ...(item.publishedAt ? { date_published: new Date(item.publishedAt).toISOString() } : {}),
  })),
});
