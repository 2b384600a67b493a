import { queryBoolean, strictObject, z } from '@jiyue/kernel';
import { localeParam } from './common';

/** Public site-tree reads (`site.*`). */

export const treeQuery = strictObject({
  locale: localeParam.optional(),
  state: z.enum(['active', 'closed', 'archived', 'all']).optional(),
});

export const findOneQuery = strictObject({
  locale: localeParam.optional(),
  archived: queryBoolean('archived must be true or false').optional(),
});

/** A site as the public tree shows it (names in the requested locale); further fields pass through. */
const publicSite = z.looseObject({
  code: z.string(),
  name: z.string(),
  level: z.string().nullable().optional(),
  localeFallback: z.boolean().optional(),
});
type SiteNode = z.infer<typeof publicSite> & { children?: SiteNode[] };
const siteNode: z.ZodType<SiteNode> = z.lazy(() => publicSite.extend({ children: z.array(siteNode).optional() }));

export const treeResponse = z.object({ data: z.array(siteNode), meta: z.object({ locale: z.string(), total: z.number().int() }) });

export const findOneResponse = z.object({
  data: publicSite.extend({
    parent: publicSite.nullable().optional(),
    ancestors: z.array(publicSite).optional(),
    children: z.array(publicSite).optional(),
    columns: z.array(z.looseObject({ slug: z.string(), name: z.string() })).optional(),
  }),
  meta: z.object({ locale: z.string() }),
});
