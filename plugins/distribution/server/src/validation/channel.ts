import { openRecord, strictObject, z } from '@jiyue/kernel';

/** Admin channel routes (`channel.*`). The channels service checks `settings` and `credential` per kind. */

const kind = z.enum(['webhook', 'wechat', 'weibo', 'feed', 'policy-library']);

export const listQuery = strictObject({ site: z.string().max(100).optional(), kind: kind.optional() });

export const createBody = strictObject({
  key: z.string().trim().max(120).optional(),
  site: z.string({ error: 'site is required' }).trim(),
  kind: z.enum(kind.options, { error: `kind is required: one of ${kind.options.join(', ')}` }),
  name: z.string().max(200).optional(),
  enabled: z.boolean().optional(),
  autoDeliver: z.boolean().optional(),
  credential: z.string().max(200).nullable().optional(),
  settings: openRecord(z.unknown()).default({}),
});

export const updateBody = strictObject({
  name: z.string().max(200).optional(),
  enabled: z.boolean().optional(),
  autoDeliver: z.boolean().optional(),
  credential: z.string().max(200).nullable().optional(),
  settings: openRecord(z.unknown()).optional(),
});
