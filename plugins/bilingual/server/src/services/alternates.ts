import type { Core } from '@strapi/strapi';
import { contentTypeOf } from '@jiyue/kernel';

export interface Alternate {
  locale: string;
  documentId: string;
  url: string;
}

/** Links from each item to its versions in the other locales, as the REST API serves them. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  url(uid: string, documentId: string, locale: string) {
    const plural = contentTypeOf(strapi, uid)!.info.pluralName;
    return `${strapi.config.get('api.rest.prefix', '/api')}/${plural}/${documentId}?locale=${encodeURIComponent(locale)}`;
  },

  /** Locales in which each document has a version in `status` (published by default), keyed by documentId. */
  async localesOf(uid: string, documentIds: string[], status: 'draft' | 'published' = 'published'): Promise<Map<string, string[]>> {
    const byDocument = new Map<string, string[]>();
    if (!documentIds.length) return byDocument;
    const rows: { documentId: string; locale: string }[] = await strapi.db.query(uid).findMany({
      where: { documentId: { $in: [...new Set(documentIds)] }, publishedAt: status === 'draft' ? { $null: true } : { $notNull: true } },
      select: ['documentId', 'locale'],
      orderBy: { locale: 'asc' },
    });
    for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row.locale]);
    return byDocument;
  },

  /** `alternates` for one item shown in `shownLocale`: every other locale it exists in. */
  build(uid: string, documentId: string, shownLocale: string, locales: string[]): Alternate[] {
    return locales.filter((l) => l !== shownLocale).map((locale) => ({ locale, documentId, url: this.url(uid, documentId, locale) }));
  },
});
