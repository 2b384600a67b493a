import { openRecord, queryInt, strictObject, z } from '@jiyue/kernel';

/** Admin routes of the review workflow (`review.*`): bodies and queries. */

const locale = z.string({ error: 'locale is required' }).trim().max(35);
const stage = z.enum(['first-review', 'second-review', 'final-review']);

/**
 * The submit body as routes declare it: `locale`, `comment`, and `targets`, the field distribution's
 * submit extension claims (sites/columns and channels; distribution checks its shape).
 */
const submitShape = { locale, comment: z.string().max(2000).optional(), targets: z.unknown().optional() };

export const submitBody = strictObject(submitShape);

/**
 * The submit body the controller parses: `locale`, `comment`, `targets` (ignored when no plugin
 * registered it) and every field a registered submit extension claims (`hooks.addSubmitExtension`),
 * each left to its extension to check; any other key is refused with its path.
 */
export const submitBodyWith = (extensionFields: readonly string[]) =>
  strictObject({ ...submitShape, ...Object.fromEntries(extensionFields.map((field) => [field, z.unknown().optional()])) });

export const approveBody = strictObject({
  locale,
  comment: z.string().max(2000).optional(),
  stage: stage.optional(),
  settlements: z
    .array(
      strictObject({
        key: z.string(),
        resolution: z.enum(['dismissed', 'refer', 'override']),
        reason: z.string({ error: 'a reason is required' }).trim().min(2, { error: 'a reason is required' }).max(1000),
      })
    )
    .default([]),
});

export const rejectBody = strictObject({
  locale,
  stage: stage.optional(),
  comment: z.string({ error: 'a rejection needs a comment' }).trim().min(2, { error: 'a rejection needs a comment' }).max(2000),
});

export const emergencyPublishBody = strictObject({
  locale,
  reason: z.string({ error: 'an emergency publish needs a reason' }).trim().min(4, { error: 'an emergency publish needs a reason' }).max(2000),
});

export const historyQuery = strictObject({ locale: z.string().max(35).optional() });

export const queueQuery = strictObject({ stage: stage.optional(), site: z.string().max(64).optional() });

export const checkBody = strictObject({
  fields: openRecord(z.string({ error: 'must be a string' }).max(200_000, { error: 'must be a string of at most 200,000 characters' }), {
    error: 'fields is required: { "<field>": "<text>" }',
  }),
  plainTextFields: z.array(z.string()).default([]),
});

export const flaggedQuery = strictObject({
  since: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'since must be a date' })
    .transform((v) => new Date(v))
    .optional(),
  limit: queryInt({ min: 1, max: 1000 }).optional(),
});

export const configureStageBody = strictObject({
  siteCode: z.string().max(64).nullable().default(null),
  stage,
  roles: z.array(z.string().max(120)).default([]),
  users: z.array(queryInt({ min: 1 })).default([]),
  externalSignOff: z.boolean().default(false),
});
