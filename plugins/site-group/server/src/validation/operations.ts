import { queryInt, strictObject, z } from '@jiyue/kernel';

/** The operations log (`operations.list`). */

const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const date = z
  .string()
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)), { error: 'must be an ISO 8601 date or date-time (e.g. 2026-12-07 or 2026-12-07T08:00:00Z)' })
  .transform((v) => new Date(v).toISOString());
const empty = (v: unknown) => (v === '' ? undefined : v);

export const listQuery = strictObject({
  subjectType: z
    .preprocess(
      empty,
      z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, { error: 'must be a subject type such as site, column, assignment, role, stage-config, dictionary-entry or channel' })
    )
    .optional(),
  actorId: queryInt({ min: 1, max: Number.MAX_SAFE_INTEGER, message: `must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}` }).optional(),
  from: z.preprocess(empty, date).optional(),
  to: z.preprocess(empty, date).optional(),
  page: queryInt({ min: 1, max: 100000, message: 'must be an integer from 1 to 100000' }).default(1),
  pageSize: queryInt({ min: 1, max: 200, message: 'must be an integer from 1 to 200' }).default(50),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'must not be before from', path: ['to'] });
