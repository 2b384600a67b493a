import type { Core } from '@strapi/strapi';
import { normalizeText } from '../utils/normalize';
import { getService } from '../utils/get-service';

/**
 * Completions for a search box: service names and titles that start with the text, popular queries
 * (from the anonymous statistics) that start with it; and related queries: synonyms of the text and
 * popular queries sharing a word with it.
 */
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  async suggest({ q, locale, limit }: { q: string; locale?: string; limit: number }) {
    const started = performance.now();
    const prefix = normalizeText(q).trim();
    const [titles, popular, variants] = await Promise.all([
      getService('engine').get().completions(prefix, limit, locale ?? null),
      getService('analytics').popular(prefix, limit),
      getService('synonyms').variants(prefix),
    ]);
    const seen = new Set<string>();
    const suggestions: { text: string; source: 'title' | 'popular' }[] = [];
    const add = (text: string, source: 'title' | 'popular') => {
      const key = normalizeText(text);
      if (!text || seen.has(key) || suggestions.length >= limit) return;
      seen.add(key);
      suggestions.push({ text, source });
    };
    // Popular queries first: they are what people look for; then titles and service names.
    popular.starting.forEach((t) => add(t, 'popular'));
    titles.forEach((t) => add(t, 'title'));
    const related = [...new Set([...variants.slice(1), ...popular.containing])].filter((t) => normalizeText(t) !== prefix).slice(0, limit);
    return { q, suggestions, related, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  },
});
