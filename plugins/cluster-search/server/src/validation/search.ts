import { queryInt, strictObject, z } from '@jiyue/kernel';

/** The public search and suggestions (`search.*`). */

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const date = z
  .string()
  .regex(DATE, { error: 'must be a date (YYYY-MM-DD)' })
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === v.slice(0, 10), { error: 'is not a real date' });
export const code = z.string().trim().regex(/^[\w.-]{1,64}$/, { error: 'must be a site or locale code' });
export const text = (max: number) => z.string().trim().max(max);

const makeSearchQuery = (maxPageSize: number) =>
  strictObject({
    q: text(100).optional(),
    scope: z.enum(['site', 'subtree', 'cluster'], { error: 'must be site, subtree or cluster' }).optional(),
    site: code.optional(),
    locale: code.optional(),
    fallback: code.optional(),
    type: text(200).optional(),
    theme: text(100).optional(),
    authority: text(200).optional(),
    region: z.string().regex(/^\d{6}$/, { error: 'must be a 6-digit region code (GB/T 2260)' }).optional(),
    from: date.optional(),
    to: date.optional(),
    page: queryInt({ min: 1, max: 1000 }).default(1),
    pageSize: queryInt({ min: 1, max: maxPageSize }).default(10),
    sort: z.enum(['relevance', 'date:desc', 'date:asc'], { error: 'must be relevance, date:desc or date:asc' }).default('relevance'),
  });

export type SearchParams = z.output<ReturnType<typeof makeSearchQuery>>;

// One schema per page-size limit (`maxPageSize` in the plugin config).
const searchQueries = new Map<number, ReturnType<typeof makeSearchQuery>>();
export const searchQueryFor = (maxPageSize: number) => {
  let schema = searchQueries.get(maxPageSize);
  if (!schema) searchQueries.set(maxPageSize, (schema = makeSearchQuery(maxPageSize)));
  return schema;
};

/** The query as the route declares it: with the largest `maxPageSize` the config allows (200); the configured one applies. */
export const searchQuery = searchQueryFor(200);

export const suggestQuery = strictObject({
  q: text(50).min(1, { error: 'q is required' }),
  locale: code.optional(),
  limit: queryInt({ min: 1, max: 20 }).default(8),
});

const hit = z.looseObject({
  documentId: z.string(),
  uid: z.string(),
  type: z.string(),
  locale: z.string(),
  localeFallback: z.boolean().optional(),
  title: z.string(),
  titleHighlighted: z.string(),
  snippet: z.string(),
  ownerSite: z.string().nullable(),
  sites: z.array(z.string()),
});

export const searchResponse = z.looseObject({
  hits: z.array(hit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  facets: z.record(z.string(), z.unknown()),
  facetsSampled: z.boolean(),
  card: z.looseObject({}).nullable(),
  scope: z.string().nullable(),
  site: z.string().nullable(),
  engine: z.string(),
  tookMs: z.number(),
});

export const suggestResponse = z.looseObject({
  q: z.string(),
  locale: z.string().nullable(),
  suggestions: z.array(z.object({ text: z.string(), source: z.string() })),
  related: z.array(z.unknown()),
  tookMs: z.number(),
});
