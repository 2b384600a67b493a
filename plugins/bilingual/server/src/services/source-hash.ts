import { stableHash, contentTypeOf } from '@jiyue/kernel';
import type { Core } from '@strapi/strapi';
import { translatableFields } from '../utils/translatable-fields';
import { pluginConfig } from '../utils/plugin-config';
import { optionalPlugin } from '@jiyue/kernel';

export type Status = 'draft' | 'published';

/** A source-locale row: its documentId and translatable fields (the columns `sourceRows` selects). */
export type SourceRow = Record<string, unknown> & { documentId: string; ownerSite?: string | null };

/**
 * Fingerprints the translatable text of the source locale, the thing a translation is made from.
 * Other fields (dates, relations, media) are left out: changing them never makes a translation outdated.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => contentTypeOf(strapi, uid)!;

  return {
    fields(uid: string): string[] {
      return translatableFields(model(uid));
    },

    /** Hash of an entry's translatable fields (values NFC). Uses review-workflow's content hash when it is installed. */
    hashOf(uid: string, entry: Record<string, unknown>): string {
      const picked: Record<string, unknown> = {};
      for (const field of this.fields(uid)) {
        const value = entry[field];
        picked[field] = typeof value === 'string' ? value.normalize('NFC') : value ?? null;
      }
      const review = optionalPlugin(strapi, 'review-workflow');
      return review ? review.service('content').hashOf(uid, picked) : stableHash(picked);
    },

    /** The source-locale rows of documents (draft or published), with their translatable fields. */
    async sourceRows(uid: string, documentIds: string[], status: Status = 'draft'): Promise<SourceRow[]> {
      if (!documentIds.length) return [];
      return strapi.db.query(uid).findMany({
        where: {
          documentId: { $in: documentIds },
          locale: pluginConfig('sourceLocale'),
          publishedAt: status === 'draft' ? { $null: true } : { $notNull: true },
        },
        select: ['documentId', ...this.fields(uid)],
      });
    },

    /** The current source hash of one document, or null when it has no source-locale version. */
    async current(uid: string, documentId: string, status: Status = 'draft'): Promise<string | null> {
      const [row] = await this.sourceRows(uid, [documentId], status);
      return row ? this.hashOf(uid, row) : null;
    },
  };
};
