import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { followedContentTypes, isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import type { TranslationRecord } from './translation-record';
import type { SourceRow } from './source-hash';
import { DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, attributesOf, contentTypeOf } from '@jiyue/kernel';

export type TranslationState = 'missing' | 'up-to-date' | 'outdated';

/**
 * - missing: the document has no version in that locale;
 * - up-to-date: the translation was last saved against the source text as it is now;
 * - outdated: the source text changed since, or the translation was written around this plugin
 *   (bulk load) so nothing says what it was made from.
 */
const stateOf = (exists: boolean, record: TranslationRecord | undefined, currentHash: string | null): TranslationState => {
  if (!exists) return 'missing';
  return record && currentHash && record.sourceHash === currentHash ? 'up-to-date' : 'outdated';
};

type DocumentEntry = { documentId: string; title: unknown; translatedAt?: TranslationRecord['translatedAt']; machineAssisted?: boolean };
type Bucket = Record<TranslationState, number> & { coverage: number; documents: Record<TranslationState, DocumentEntry[]> };
/** One site and content type of the overview, with its counts per target locale. */
type Group = { site: string | null; contentType: string; total: number; locales: Record<string, Bucket> };
/** The columns read of one version of a document. */
type VersionRow = { documentId: string; locale: string; publishedAt?: unknown; updatedAt?: unknown };

const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const targetLocales = async () => {
    const source = pluginConfig('sourceLocale');
    const locales = await strapi.plugin('i18n').service('locales').find();
    return locales.map((l: { code: string }) => l.code).filter((c: string) => c !== source) as string[];
  };

  const hasOwner = (uid: string) => 'ownerSite' in attributesOf(strapi, uid);

  return {
    targetLocales,

    /**
     * Coverage per site (owner) and content type: counts per locale and state, and the documents
     * in each state (at most `limit` per list). Works on drafts: what editors and translators see.
     */
    /** Coverage per site and type; `sites` limits it to documents of those sites (the caller's; null: every site). */
    async overview({ site, contentType, limit = 100, sites = null }: { site?: string; contentType?: string; limit?: number; sites?: string[] | null }) {
      if (contentType && !isFollowed(contentType)) {
        throw new errors.ValidationError(`"${contentType}" is not a localized content type followed by bilingual`, {
          errors: [{ path: ['contentType'], message: `must be one of ${followedContentTypes().join(', ')}`, name: 'ValidationError' }],
        });
      }
      const source = pluginConfig('sourceLocale');
      const locales = await targetLocales();
      const groups = new Map<string, Group>();

      for (const uid of contentType ? [contentType] : followedContentTypes()) {
        const owner = hasOwner(uid);
        // A type without owning site holds no site's documents: only callers who see every site see it.
        if ((site || sites) && !owner) continue;
        const siteWhere = sites ? { ownerSite: { $in: site ? sites.filter((c) => c === site) : sites } } : site ? { ownerSite: site } : {};
        const fields = getService('source-hash').fields(uid);
        const titleField = fields[0];
        const sources: SourceRow[] = await strapi.db.query(uid).findMany({
          where: { locale: source, publishedAt: { $null: true }, ...siteWhere },
          select: ['documentId', ...fields, ...(owner ? ['ownerSite'] : [])],
          orderBy: { id: 'asc' },
        });
        const existing = new Set<string>();
        const records = new Map<string, TranslationRecord>();
        for (const ids of chunks(sources.map((s) => s.documentId))) {
          const rows: VersionRow[] = await strapi.db.query(uid).findMany({ where: { documentId: { $in: ids }, locale: { $in: locales }, publishedAt: { $null: true } }, select: ['documentId', 'locale'] });
          for (const r of rows) existing.add(`${r.documentId}:${r.locale}`);
          for (const r of await getService('translation-record').forDocuments(uid, ids)) records.set(`${r.itemDocumentId}:${r.itemLocale}`, r);
        }

        for (const row of sources) {
          const siteCode = owner ? row.ownerSite ?? null : null;
          const key = `${siteCode}\u0000${uid}`;
          let group = groups.get(key);
          if (!group) {
            group = {
              site: siteCode,
              contentType: uid,
              total: 0,
              locales: Object.fromEntries(locales.map((l) => [l, { 'up-to-date': 0, outdated: 0, missing: 0, coverage: 0, documents: { 'up-to-date': [], outdated: [], missing: [] } }])),
            };
            groups.set(key, group);
          }
          group.total += 1;
          const hash = getService('source-hash').hashOf(uid, row);
          for (const locale of locales) {
            const record = records.get(`${row.documentId}:${locale}`);
            const state = stateOf(existing.has(`${row.documentId}:${locale}`), record, hash);
            const bucket = group.locales[locale];
            bucket[state] += 1;
            if (bucket.documents[state].length < limit) {
              bucket.documents[state].push({
                documentId: row.documentId,
                title: titleField ? row[titleField] : null,
                ...(record ? { translatedAt: record.translatedAt, machineAssisted: record.machineAssisted } : {}),
              });
            }
          }
        }
      }

      const data = [...groups.values()].sort((a, b) => String(a.site).localeCompare(String(b.site)) || a.contentType.localeCompare(b.contentType));
      for (const group of data) {
        for (const bucket of Object.values(group.locales)) bucket.coverage = group.total ? bucket['up-to-date'] / group.total : 0;
      }
      const totals = Object.fromEntries(locales.map((l) => {
        const sum = (state: TranslationState) => data.reduce((n, g) => n + g.locales[l][state], 0);
        return [l, { 'up-to-date': sum('up-to-date'), outdated: sum('outdated'), missing: sum('missing') }];
      }));
      return { data, meta: { sourceLocale: source, locales, totals, documents: data.reduce((n, g) => n + g.total, 0), limit } };
    },

    /**
     * Admin (the Language panel): every locale of one document as editors work on it, from the drafts:
     * `source`, `up-to-date`, `outdated` or `missing`, whether a published version exists, and
     * whether the translation was machine-assisted (glossary pretranslation). 404 for an unknown document.
     */
    async draft(uid: string, documentId: string) {
      if (!isFollowed(uid)) throw new errors.NotFoundError(`No localized content type "${uid}"`);
      const source = pluginConfig('sourceLocale');
      const rows: VersionRow[] = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['documentId', 'locale', 'publishedAt', 'updatedAt'] });
      if (!rows.length) throw new errors.NotFoundError(`No ${uid} document "${documentId}"`);
      const drafts = new Map(rows.filter((r) => !r.publishedAt).map((r) => [r.locale, r]));
      const published = new Set(rows.filter((r) => r.publishedAt).map((r) => r.locale));
      const currentHash = drafts.has(source) ? await getService('source-hash').current(uid, documentId, 'draft') : null;
      const records = new Map((await getService('translation-record').forDocuments(uid, [documentId])).map((r) => [r.itemLocale, r]));
      const all = [source, ...(await targetLocales())];
      return {
        uid,
        documentId,
        sourceLocale: source,
        locales: all.map((locale) => {
          const exists = drafts.has(locale);
          const base = { locale, published: published.has(locale), updatedAt: drafts.get(locale)?.updatedAt ?? null };
          if (locale === source) return { ...base, status: exists ? 'source' : 'missing' };
          const record = records.get(locale);
          return {
            ...base,
            status: exists && !drafts.has(source) ? 'outdated' : stateOf(exists, record, currentHash),
            machineAssisted: record?.machineAssisted ?? false,
            translatedAt: record?.translatedAt ?? null,
          };
        }),
      };
    },

    /** Public: the published locales of one document and the state of each translation against the published source. */
    async document(uid: string, documentId: string) {
      if (!isFollowed(uid)) throw new errors.NotFoundError(`No localized content type "${uid}"`);
      const source = pluginConfig('sourceLocale');
      // 不予公开 items answer like missing ones (kernel disclosure rule)
      const model = contentTypeOf(strapi, uid)!;
      const disclosed = Boolean(model.attributes[DISCLOSURE_FIELD]);
      const rows: VersionRow[] = await strapi.db.query(uid).findMany({
        where: { documentId, publishedAt: { $notNull: true }, ...(disclosed ? { [DISCLOSURE_FIELD]: { $in: [...VISIBLE_DISCLOSURES] } } : {}) },
        select: ['documentId', 'locale'],
      });
      if (!rows.length) throw new errors.NotFoundError(`No published ${uid} ${documentId}`);
      const published = new Set(rows.map((r) => r.locale));
      const currentHash = await getService('source-hash').current(uid, documentId, 'published');
      const records = new Map((await getService('translation-record').forDocuments(uid, [documentId])).map((r) => [r.itemLocale, r]));
      const plural = model.info.pluralName;
      const prefix = strapi.config.get('api.rest.prefix', '/api');
      const url = (locale: string) => `${prefix}/${plural}/${documentId}?locale=${encodeURIComponent(locale)}`;
      const all = [source, ...(await targetLocales())];
      return {
        uid,
        documentId,
        sourceLocale: source,
        locales: all.filter((l) => published.has(l)).map((locale) => {
          if (locale === source) return { locale, status: 'source', url: url(locale) };
          const record = records.get(locale);
          return { locale, status: stateOf(true, record, currentHash), machineAssisted: record?.machineAssisted ?? false, url: url(locale) };
        }),
        missing: all.filter((l) => !published.has(l)),
      };
    },
  };
};
