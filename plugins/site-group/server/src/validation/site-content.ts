import { queryInt, strictObject, z } from '@jiyue/kernel';
import { localeParam } from './common';

/** Public, published-only reads for site builders (`site-content.*`). */

export const columnItemsQuery = strictObject({
  locale: localeParam.optional(),
  page: queryInt({ min: 1, max: 100000 }).default(1),
  pageSize: queryInt({ min: 1, max: 100 }).default(25),
});

export const siteItemQuery = strictObject({ locale: localeParam.optional() });

/** An item as a site lists it: its own fields (sanitized) plus where it is placed. */
const item = z.looseObject({ documentId: z.string(), locale: z.string().optional(), title: z.string().optional() });
const pagination = z.object({ page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int(), total: z.number().int() });

export const columnItemsResponse = z.object({ data: z.array(item), meta: z.looseObject({ pagination }) });
export const siteItemResponse = z.object({ data: item, meta: z.looseObject({ pageMeta: z.looseObject({}).optional() }) });
export const itemPlacementsResponse = z.object({
  data: z.array(z.looseObject({ site: z.string(), column: z.string(), mode: z.enum(['reference', 'copy']).optional() })),
});
