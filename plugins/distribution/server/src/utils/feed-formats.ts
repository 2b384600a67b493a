import { buildXml, sanitizeRichText } from '@jiyue/kernel';

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

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification): channel title/link/description, items with
 * guid and pubDate. Built by the kernel's buildXml (fast-xml-parser's builder, one escaper that
 * drops lone surrogates and control characters), never by string concatenation.
 */
export const rss2 = (feed: FeedMeta): string => {
  const lastBuild = feed.items.map((i) => i.publishedAt).filter(Boolean).sort().pop() ?? null;
  return buildXml({
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: feed.title,
        link: feed.homePageUrl,
        description: feed.description,
        language: feed.language,
        'atom:link': { '@href': feed.feedUrl, '@rel': 'self', '@type': 'application/rss+xml' },
        lastBuildDate: rfc822(lastBuild),
        item: feed.items.map((item) => ({
          title: item.title,
          link: item.url,
          guid: { '@isPermaLink': 'false', '#text': item.id },
          // Readers render <description> as HTML: it carries the summary through the feed allow list.
          description: item.summary ? sanitizeRichText(item.summary, 'feed') : undefined,
          pubDate: rfc822(item.publishedAt),
        })),
      },
    },
  });
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
