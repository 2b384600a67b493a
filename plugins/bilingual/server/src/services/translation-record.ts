import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../utils/plugin-config';
import { RECORD_UID } from '../utils/uids';

export interface TranslationRecord {
  id: number;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string;
  sourceLocale: string;
  sourceHash: string;
  machineAssisted: boolean;
  translatedAt: string;
}

/** One row per (type, document, translated locale): the source hash the translation was last saved against. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Records that the `locale` version of a document was saved now, made from the current source
   * draft. Called by the document middleware on each save of a translation, so it runs in the
   * write's transaction.
   */
  async touch(uid: string, documentId: string, locale: string, { machineAssisted = false } = {}) {
    const sourceLocale = pluginConfig('sourceLocale');
    if (locale === sourceLocale) return null;
    const sourceHash = await getService('source-hash').current(uid, documentId, 'draft');
    if (!sourceHash) return null;
    const data = { sourceLocale, sourceHash, machineAssisted, translatedAt: new Date() };
    const where = { contentType: uid, itemDocumentId: documentId, itemLocale: locale };
    const existing = await strapi.db.query(RECORD_UID).findOne({ where, select: ['id'] });
    return existing
      ? strapi.db.query(RECORD_UID).update({ where: { id: existing.id }, data })
      : strapi.db.query(RECORD_UID).create({ data: { ...where, ...data } });
  },

  async forDocuments(uid: string, documentIds: string[]): Promise<TranslationRecord[]> {
    if (!documentIds.length) return [];
    return strapi.db.query(RECORD_UID).findMany({ where: { contentType: uid, itemDocumentId: { $in: documentIds } } });
  },

  async find(uid: string, documentId: string, locale: string): Promise<TranslationRecord | null> {
    return strapi.db.query(RECORD_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
  },
});
