import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SynonymGroup } from '../engines/types';
import { foldForSearch } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { refreshingCache } from '../utils/refreshing-cache';

const UID = 'plugin::cluster-search.synonym';

/** Seeded once on a fresh database; admins edit them afterwards. */
export const DEFAULT_SYNONYMS: string[][] = [
  ['医保', '医疗保险'],
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['营业执照', '企业登记'],
  ['身份证', '居民身份证'],
  ['低保', '最低生活保障'],
  ['残疾证', '残疾人证'],
  ['驾照', '驾驶证'],
  ['退休金', '养老金'],
];

/** Re-read at most this often, so every instance sees an admin's change soon without any message between them. */
const CACHE_MS = 5000;

const cleanTerms = (terms: string[]) => [...new Set(terms.map((t) => t.normalize('NFC').trim()).filter(Boolean))];

/** Admin-managed synonym groups; the embedded engine expands queries with them, Typesense gets them through its synonyms API. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = refreshingCache(async (): Promise<SynonymGroup[]> => {
    const rows = await strapi.db.query(UID).findMany({ orderBy: { id: 'asc' } });
    return (rows as { id: number; terms: string[] | null; note: string | null }[]).map((r) => ({ id: String(r.id), terms: r.terms ?? [], note: r.note ?? null }));
  }, CACHE_MS);

  const service = {
    list: (): Promise<SynonymGroup[]> => cache.get(),

    async changed() {
      cache.clear();
      try {
        await getService('engine').get().setSynonyms(await service.list());
      } catch (error) {
        strapi.log.warn(`cluster-search: synonyms not pushed to the engine: ${(error as Error).message}`);
      }
    },

    async create({ terms, note }: { terms: string[]; note?: string | null }) {
      const row = await strapi.db.query(UID).create({ data: { terms: cleanTerms(terms), note: note ?? null } });
      await service.changed();
      return { id: String(row.id), terms: row.terms, note: row.note };
    },

    async update(id: number, { terms, note }: { terms?: string[]; note?: string | null }) {
      const existing = await strapi.db.query(UID).findOne({ where: { id } });
      if (!existing) throw new errors.NotFoundError(`No synonym group ${id}`);
      const row = await strapi.db.query(UID).update({
        where: { id },
        data: { ...(terms ? { terms: cleanTerms(terms) } : {}), ...(note !== undefined ? { note } : {}) },
      });
      await service.changed();
      return { id: String(row.id), terms: row.terms, note: row.note };
    },

    async remove(id: number) {
      const existing = await strapi.db.query(UID).findOne({ where: { id } });
      if (!existing) throw new errors.NotFoundError(`No synonym group ${id}`);
      await strapi.db.query(UID).delete({ where: { id } });
      await service.changed();
    },

    async seedDefaults() {
      if ((await strapi.db.query(UID).count()) > 0) return 0;
      for (const terms of DEFAULT_SYNONYMS) await strapi.db.query(UID).create({ data: { terms, note: 'default' } });
      cache.clear();
      return DEFAULT_SYNONYMS.length;
    },

    /**
     * The query text and its variants with each synonym substituted (医保报销 → 医疗保险报销), the
     * original first. Substrings count, since Chinese queries have no spaces.
     */
    async variants(term: string): Promise<string[]> {
      const normalized = foldForSearch(term);
      const out = [normalized];
      for (const group of await service.list()) {
        const forms = group.terms.map(foldForSearch);
        for (const form of forms) {
          if (!form || !normalized.includes(form)) continue;
          for (const other of forms) if (other !== form) out.push(normalized.split(form).join(other));
        }
      }
      return [...new Set(out)].slice(0, 8);
    },
  };
  return service;
};
