import { queryInt, strictObject, z } from '@jiyue/kernel';
import { DIMENSIONS } from './common';

/** Tags and the profile field registry (`taxonomy.*`). */

const dimension = z.enum(DIMENSIONS);

export const listQuery = strictObject({ dimension: dimension.optional() });

export const upsertBody = strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, { error: 'letters, digits, - and _ only' }),
  dimension,
  nameZh: z.string().trim().min(1).max(100),
  nameBo: z.string().trim().max(300).nullable().default(null),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  parentCode: z.string().max(80).nullable().default(null),
  // Left out: an existing tag keeps its sensitivity, a new one is not sensitive.
  sensitive: z.boolean().optional(),
});

export const suggestBody = strictObject({ text: z.string().min(1).max(100_000), limit: queryInt({ min: 1, max: 100 }).default(20) });

const tag = z.looseObject({ code: z.string(), dimension: z.string(), nameZh: z.string(), nameBo: z.string().nullable(), synonyms: z.array(z.string()).optional(), parentCode: z.string().nullable().optional(), sensitive: z.boolean().optional() });

export const listResponse = z.object({ data: z.array(tag) });

export const fieldsResponse = z.object({
  data: z.array(z.looseObject({ name: z.string(), type: z.string(), audience: z.string(), ops: z.array(z.string()) })),
});
