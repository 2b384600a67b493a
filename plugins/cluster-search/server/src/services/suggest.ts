import type { Core } from '@strapi/strapi';
import { foldForSearch, contentTypeOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { queryLocale } from '../utils/query-locale';
import { optionalService } from '@jiyue/kernel';
import { splitAliases } from '../utils/aliases';

const GUIDE = 'api::service-guide.service-guide';

type Source = 'term' | 'title' | 'alias' | 'popular';

/**
 * Completions for a search box, from what the cluster published or an admin approved, and from
 * visitor queries only past a threshold:
 *
 * - approved terms (admin route, per locale) and indexed titles / service names / service-guide
 *   aliases: suggested at once;
 * - a visitor query: only once it was searched on `suggestMinDays` distinct days (default 3) in the
 *   same locale, had results, and passes review-workflow's word (错敏词) and personal-data checks
 *   (ID, bank card, mobile numbers…) — what one visitor types (a name, an ID number, abuse) is never
 *   shown to the next one. Without review-workflow no visitor query is suggested.
 *
 * Related queries: synonyms of the text and screened visitor queries sharing a word with it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::cluster-search') as { suggestMinDays: number; indexedDisclosure: string[] };

  /** Aliases of published, publicly disclosed service guides starting with the prefix. */
  const aliasCompletions = async (prefix: string, limit: number, locale: string | null): Promise<string[]> => {
    const model = contentTypeOf(strapi, GUIDE);
    if (!prefix || !model?.attributes?.aliases) return [];
    const where: Record<string, unknown> = { publishedAt: { $notNull: true }, aliases: { $containsi: prefix } };
    if (locale) where.locale = locale;
    if (model.attributes.disclosure) where.$or = [{ disclosure: { $in: config().indexedDisclosure } }, { disclosure: { $null: true } }];
    const rows = await strapi.db.query(GUIDE).findMany({ where, select: ['aliases'], limit: limit * 4 });
    const out: string[] = [];
    for (const row of rows as { aliases?: string }[]) {
      for (const alias of splitAliases(row.aliases)) if (foldForSearch(alias).startsWith(prefix)) out.push(alias);
    }
    return out;
  };

  /**
   * The visitor queries that may be shown: no long digit runs or e-mail addresses, and no finding
   * of review-workflow's checks (words, personal data, links). Fails closed without review-workflow.
   */
  const screen = async (texts: string[]): Promise<Set<string>> => {
    const prechecks = optionalService(strapi, 'review-workflow', 'prechecks');
    if (!prechecks || !texts.length) return new Set();
    const local = [...new Set(texts)].filter((t) => !/[0-9]{7,}/.test(foldForSearch(t).replace(/[\s-]/g, '')) && !/@/.test(t));
    if (!local.length) return new Set();
    const fields = Object.fromEntries(local.map((t, i) => [`q${i}`, t]));
    const findings = await prechecks.checkFields(fields, Object.keys(fields));
    const flagged = new Set(findings.map((f) => f.field));
    return new Set(local.filter((_, i) => !flagged.has(`q${i}`)));
  };

  return {
    async suggest({ q, locale, limit }: { q: string; locale?: string; limit: number }) {
      const started = performance.now();
      const prefix = foldForSearch(q).trim();
      const listLocale = queryLocale(prefix, locale);
      const [terms, titles, aliases, popular, variants] = await Promise.all([
        getService('suggest-terms').completions(prefix, limit, listLocale),
        getService('engine').get().completions(prefix, limit, locale ?? null),
        aliasCompletions(prefix, limit, locale ?? null),
        getService('analytics').popular(prefix, limit * 3, { locale: listLocale, minDays: config().suggestMinDays }),
        getService('synonyms').variants(prefix),
      ]);
      const allowed = await screen([...popular.starting, ...popular.containing]);
      const seen = new Set<string>();
      const suggestions: { text: string; source: Source }[] = [];
      const add = (text: string, source: Source) => {
        const key = foldForSearch(text);
        if (!text || seen.has(key) || suggestions.length >= limit) return;
        seen.add(key);
        suggestions.push({ text, source });
      };
      // Approved terms first, then what people look for (screened), then titles, names and aliases.
      terms.forEach((t) => add(t, 'term'));
      popular.starting.filter((t) => allowed.has(t)).forEach((t) => add(t, 'popular'));
      titles.forEach((t) => add(t, 'title'));
      aliases.forEach((t) => add(t, 'alias'));
      const related = [...new Set([...variants.slice(1), ...popular.containing.filter((t) => allowed.has(t))])]
        .filter((t) => foldForSearch(t) !== prefix)
        .slice(0, limit);
      return { q, locale: listLocale, suggestions, related, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    },
  };
};
