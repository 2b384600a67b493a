/**
 * Does a content-API query ask for unpublished content? Strapi 5's document service reads drafts
 * for any `status` other than exactly `published` (`status=DRAFT`, `status[]=draft`, `status=x`),
 * and also inside `populate` (`populate[policy][status]=draft`). The v4 spelling
 * `publicationState=preview` and the publication cohorts (`publicationFilter`, `hasPublishedVersion`)
 * select by draft state too. Returns the name of the first such parameter, or null.
 */
const DRAFT_KEYS = new Set(['publicationfilter', 'haspublishedversion']);
/** Parameters whose keys name fields, not query options (a field may be called `status`). */
const FIELD_KEYS = new Set(['filters', 'sort', 'fields', 'pagination']);

export const draftQueryParameter = (query: unknown, depth = 0): string | null => {
  if (depth > 20 || query === null || typeof query !== 'object') return null;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const name = key.trim().toLowerCase();
    if (name === 'status' && !(typeof value === 'string' && value === 'published')) return 'status';
    if (name === 'publicationstate' && !(typeof value === 'string' && value.trim().toLowerCase() === 'live')) return 'status';
    if (DRAFT_KEYS.has(name)) return 'status';
    if (FIELD_KEYS.has(name)) continue;
    const nested = draftQueryParameter(value, depth + 1);
    if (nested) return nested;
  }
  return null;
};
