import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hashContent, reviewedContent } from '../utils/review-hash';

/** Reads the draft under review and fingerprints it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const attributesOf = (uid: string) => (strapi.getModel(uid as any) as any).attributes;

  return {
    /** The draft of one locale with its relations, media and components, or 404. */
    async draft(uid: string, documentId: string, locale: string) {
      const entry = await strapi.documents(uid as any).findOne({ documentId, locale, status: 'draft', populate: '*' });
      if (!entry) throw new errors.NotFoundError(`No ${locale} draft of ${uid} ${documentId}`);
      return entry as Record<string, any>;
    },

    hashOf(uid: string, entry: Record<string, any>) {
      return hashContent(reviewedContent(entry, attributesOf(uid), (component) => attributesOf(component)));
    },

    async hash(uid: string, documentId: string, locale: string) {
      return this.hashOf(uid, await this.draft(uid, documentId, locale));
    },

    /** The admin who last saved the draft (null for API tokens and code). */
    async lastEditorId(uid: string, documentId: string, locale: string): Promise<number | null> {
      const row = await strapi.db.query(uid).findOne({
        where: { documentId, locale, publishedAt: null },
        populate: { updatedBy: { select: ['id'] } },
      });
      return row?.updatedBy?.id ?? null;
    },

    /** Text fields of the draft, keyed by attribute name, for the pre-checks. */
    textFields(uid: string, entry: Record<string, any>): Record<string, string> {
      const fields: Record<string, string> = {};
      for (const [name, attr] of Object.entries(attributesOf(uid)) as [string, any][]) {
        if (['string', 'text', 'richtext', 'email'].includes(attr.type) && typeof entry[name] === 'string' && name !== 'ownerSite') {
          fields[name] = entry[name];
        }
      }
      return fields;
    },
  };
};
