import { queryInt, strictObject, z } from '@jiyue/kernel';
import { code, text } from './search';

/** Admin routes (`admin.*`): synonyms, query analytics, approved suggestion terms. */

export const analyticsQuery = strictObject({
  site: code.optional(),
  days: queryInt({ min: 1, max: 3650 }).default(30),
  limit: queryInt({ min: 1, max: 200 }).default(20),
});
export const topQueriesQuery = analyticsQuery;
export const zeroResultsQuery = analyticsQuery;

const terms = z
  .array(z.string().trim().min(1, { error: 'a term cannot be empty' }).max(50, { error: 'a term has at most 50 characters' }))
  .min(2, { error: 'a synonym group needs at least 2 terms' })
  .max(20, { error: 'a synonym group has at most 20 terms' });
const note = z.string().max(200).nullable().optional();

export const createSynonymBody = strictObject({ terms, note });
export const updateSynonymBody = strictObject({ terms: terms.optional(), note });

export const listSuggestTermsQuery = strictObject({ locale: code.optional() });

export const approveSuggestTermBody = strictObject({
  term: text(50).min(1, { error: 'term is required' }),
  locale: code,
  note,
});

/** `/synonyms/:id`, `/suggest-terms/:id`. */
export const idParams = strictObject({ id: queryInt({ min: 1, message: 'must be a positive whole number' }) });
