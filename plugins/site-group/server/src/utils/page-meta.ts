import { richTextToText, truncate } from '@jiyue/kernel';
import type { ItemFields } from './item-fields';

const COLUMN_TYPES: Record<string, string> = { list: '列表', page: '单页', link: '链接', topic: '专题' };

/** The readable text of a summary or body (HTML or markdown, entities decoded), at most `max` characters. */
const plain = (text: unknown, max = 200): string | null => {
  if (typeof text !== 'string' || !text) return null;
  // The kernel's cut never splits a surrogate pair, an emoji or a Tibetan syllable.
  return truncate(richTextToText(text), max, { count: 'graphemes' });
};

/**
 * The page meta tags every government item page must carry (the national site standard that
 * inspections check, seed 002), ready for a site builder to render as <meta name=... content=...>.
 */
export const pageMeta = ({
  site,
  column,
  item,
  fields,
  path,
}: {
  site: { name: string; domain: string | null; siteIdentifier: string | null };
  column: { name: string; kind: string } | null;
  item: Record<string, unknown>;
  fields: ItemFields;
  path: string;
}) => ({
  SiteName: site.name,
  SiteDomain: site.domain,
  SiteIDCode: site.siteIdentifier,
  ColumnName: column?.name ?? null,
  ColumnType: column ? COLUMN_TYPES[column.kind] ?? column.kind : null,
  ArticleTitle: item[fields.title] ?? null,
  PubDate: (fields.date && item[fields.date]) || item.publishedAt || null,
  ContentSource: (fields.source && item[fields.source]) || null,
  Keywords: (fields.keywords && item[fields.keywords]) || null,
  Author: (fields.author && item[fields.author]) || null,
  Description: plain(fields.summary ? item[fields.summary] : null) ?? plain(item.body),
  Image: (item.cover as { url?: string } | null | undefined)?.url ?? null,
  Url: site.domain ? `https://${site.domain}${path}` : path,
});
