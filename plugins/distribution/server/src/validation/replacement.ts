import { queryInt, strictObject, z } from '@jiyue/kernel';

/** Cluster-wide find and replace (`replacement.*`): shape and types here; names of types, locales and sites are checked against the database by the service. */

export const previewBody = strictObject({
  // Strings are compared as stored: NFC (Tibetan stacks have more than one encoding otherwise).
  find: z
    .string({ error: 'find is required' })
    .min(1, { error: 'find must not be empty' })
    .transform((s) => s.normalize('NFC')),
  replace: z
    .string({ error: 'replace is required (it may be empty to delete the text)' })
    .max(10_000)
    .transform((s) => s.normalize('NFC')),
  regex: z.boolean().default(false),
  scope: strictObject({
    site: z.string({ error: 'scope.site is required' }).trim().min(1, { error: 'scope.site is required' }).max(64),
    includeDescendants: z.boolean().default(false),
  }),
  contentTypes: z.array(z.string().max(120)).min(1, { error: 'name at least one content type' }).max(50).optional(),
  locales: z.array(z.string().max(35)).min(1, { error: 'name at least one locale' }).max(50).optional(),
});

export type PreviewBody = z.output<typeof previewBody>;

export const findOneQuery = strictObject({
  page: queryInt({ min: 1 }).default(1),
  pageSize: queryInt({ min: 1, max: 500 }).default(100),
  state: z.enum(['pending', 'applied', 'skipped', 'failed', 'rolled-back', 'rollback-skipped', 'rollback-failed']).optional(),
});

/** Apply and rollback take no body: anything sent is a mistake worth a 400 rather than silence. */
export const applyBody = strictObject({});
export const rollbackBody = applyBody;
