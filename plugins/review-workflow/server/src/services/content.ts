import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hashContent, reviewedContent } from '../utils/review-hash';
import { attributesOf } from '@jiyue/kernel';

/** Reads the draft under review and fingerprints it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** The draft of one locale with its relations, media and components, or 404. */
    async draft(uid: string, documentId: string, locale: string) {
      const entry = await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale, status: 'draft', populate: '*' });
      if (!entry) throw new errors.NotFoundError(`No ${locale} draft of ${uid} ${documentId}`);
      return entry as Record<string, unknown>;
    },

    hashOf(uid: string, entry: Record<string, unknown>) {
      return hashContent(reviewedContent(entry, attributesOf(strapi, uid), (component) => attributesOf(strapi, component)));
    },

    async hash(uid: string, documentId: string, locale: string) {
      return this.hashOf(uid, await this.draft(uid, documentId, locale));
    },

    /** The admin who last saved the draft (null for API tokens and code). */
    async lastEditorId(uid: string, documentId: string, locale: string): Promise<number | null> {
      const row = (await strapi.db.query(uid).findOne({
        where: { documentId, locale, publishedAt: null },
        populate: { updatedBy: { select: ['id'] } },
      })) as { updatedBy?: { id: number } | null } | null;
      return row?.updatedBy?.id ?? null;
    },

    /** Text fields of the draft, keyed by attribute name, for the pre-checks. */
    textFields(uid: string, entry: Record<string, unknown>): Record<string, string> {
      const fields: Record<string, string> = {};
      for (const [name, attr] of Object.entries(attributesOf(strapi, uid))) {
        const value = entry[name];
        if (['string', 'text', 'richtext', 'email'].includes(attr.type) && typeof value === 'string' && name !== 'ownerSite') {
          fields[name] = value;
        }
      }
      return fields;
    },
  };
};
