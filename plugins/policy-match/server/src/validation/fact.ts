import { strictObject, z } from '@jiyue/kernel';
import { FACT_AUDIENCES, FACT_GROUPS, FACT_TYPES, FORMULAS } from '../utils/registry';

/** The fact registry's admin routes (`fact.*`) and the public `GET /api/policy-match/fields`. */

const glossaryOnly = 'comes from the approved glossary: ask a translator to approve a term for the zh label';
const text = (max: number) => z.string().trim().max(max).nullable().default(null);

export const FACT_CODE = /^[a-z][A-Za-z0-9]{1,39}$/;
const factCode = z.string().regex(FACT_CODE, { error: 'must start with a lower-case letter and hold 2–40 letters or digits' });

const enumValue = strictObject({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { error: 'must be 1–40 letters, digits, - or _' }),
  zh: z.string().trim().min(1).max(60),
  bo: z.never({ error: glossaryOnly }).optional(),
});

const derivation = strictObject({
  formula: z.enum(FORMULAS),
  args: z.array(factCode).min(1).max(2),
  scale: z.number().positive().max(1_000_000).optional(),
  whenZero: z.union([z.number(), z.literal('unknown')]).optional(),
});

/** PUT /policy-match/facts: create or update the fact named by `code` (its Tibetan labels come from the glossary). */
export const upsertBody = strictObject({
  code: factCode,
  audience: z.enum(FACT_AUDIENCES),
  type: z.enum(FACT_TYPES),
  labelZh: z.string().trim().min(1).max(60),
  labelBo: z.never({ error: glossaryOnly }).optional(),
  helpZh: text(500),
  helpBo: text(500),
  questionZh: text(120),
  questionBo: text(120),
  unit: text(10),
  min: z.number().finite().nullable().default(null),
  max: z.number().finite().nullable().default(null),
  values: z.array(enumValue).min(1).max(200).nullable().default(null),
  ordered: z.boolean().default(false),
  tagDimension: z.string().trim().min(1).max(40).nullable().default(null),
  derived: derivation.nullable().default(null),
  askable: z.boolean().default(true),
  storable: z.boolean().default(true),
  sensitive: z.boolean().default(false),
  group: z.enum(FACT_GROUPS),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type FactInput = z.output<typeof upsertBody>;

export const codeParams = strictObject({ code: factCode });

/** `?locale=bo` gives Tibetan labels where approved (zh otherwise, flagged `translationPending`). */
export const fieldsQuery = strictObject({ locale: z.enum(['zh-Hans', 'bo']).default('zh-Hans') });

const use = z.looseObject({ documentId: z.string().nullable(), title: z.string().nullable(), clause: z.number().nullable(), path: z.string(), what: z.string() });
const fact = z.looseObject({ code: z.string(), audience: z.string(), type: z.string(), labelZh: z.string(), labelBo: z.string().nullable(), labelBoStatus: z.string(), ops: z.array(z.string()) });

export const listResponse = z.object({ data: z.array(fact.extend({ uses: z.number() })) });
export const upsertResponse = z.object({ data: fact });
export const usageResponse = z.object({ data: z.array(use) });
