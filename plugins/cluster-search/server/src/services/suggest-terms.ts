import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeQuery } from './analytics';

const UID = 'plugin::cluster-search.suggest-term';

/** A row of the suggest-term table (the columns listed). */
interface SuggestTermRow {
  id: number;
  term: string;
  locale: string;
  note: string | null;
  createdAt: string;
}

const likePrefix = (p: string) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Terms an admin approved for the public suggestions, one list per locale: suggested at once
 * (titles and service names come from the index, visitor queries only past the threshold).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(UID).tableName;

  return {
    async list({ locale }: { locale?: string }) {
      const rows = await strapi.db.query(UID).findMany({ where: locale ? { locale } : {}, orderBy: [{ locale: 'asc' }, { normalized: 'asc' }] });
      return (rows as SuggestTermRow[]).map((r) => ({ id: r.id, term: r.term, locale: r.locale, note: r.note ?? null, createdAt: r.createdAt }));
    },

    async approve({ term, locale, note }: { term: string; locale: string; note?: string | null }) {
      const normalized = normalizeQuery(term);
      if (!normalized) {
        throw new errors.ValidationError('term is empty once normalised', { errors: [{ path: ['term'], message: 'is empty once normalised', name: 'ValidationError' }] });
      }
      const existing = await strapi.db.query(UID).findOne({ where: { locale, normalized } });
      if (existing) {
        throw new errors.ValidationError(`"${term}" is already approved for ${locale}`, {
          errors: [{ path: ['term'], message: `is already approved for ${locale} (id ${existing.id})`, name: 'ValidationError' }],
        });
      }
      const row = await strapi.db.query(UID).create({ data: { term: term.trim(), normalized, locale, note: note ?? null } });
      return { id: row.id, term: row.term, locale: row.locale, note: row.note ?? null, createdAt: row.createdAt };
    },

    async remove(id: number) {
      const row = await strapi.db.query(UID).findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError(`no approved suggestion ${id}`);
      await strapi.db.query(UID).delete({ where: { id } });
      return { id, deleted: true };
    },

    /** Approved terms of `locale` starting with the (normalised) prefix, shortest first. */
    async completions(prefix: string, limit: number, locale: string): Promise<string[]> {
      const p = normalizeQuery(prefix);
      if (!p) return [];
      const rows = await strapi.db
        .connection(table())
        .select('term')
        .where('locale', locale)
        .whereRaw("normalized LIKE ? ESCAPE '\\'", [likePrefix(p)])
        .orderByRaw('LENGTH(normalized) ASC')
        .orderBy('normalized', 'asc')
        .limit(limit);
      return rows.map((r: { term: string }) => r.term);
    },
  };
};
