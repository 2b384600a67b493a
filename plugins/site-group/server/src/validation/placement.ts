import { queryBoolean, queryInt, strictObject, z } from '@jiyue/kernel';
import { siteCode } from './common';

/** Admin placement routes (`placement.*`): bodies and query. */

const contentType = z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, { error: 'must be a content type uid such as api::article.article' });
const documentId = z.string().max(64);
const mode = z.enum(['reference', 'copy']);
const LEVELS = ['province', 'prefecture', 'county', 'township', 'village'] as const;
const date = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'must be a date or date-time (ISO 8601)' })
  .transform((v) => new Date(v));

export const placeBody = strictObject({
  contentType,
  documentId,
  site: siteCode,
  column: siteCode,
  mode: mode.default('reference'),
  pinned: z.boolean().default(false),
  priority: queryInt({ min: -1000, max: 1000 }).default(0),
  sitePublishedAt: date.nullable().optional(),
});

export const submitBody = strictObject({ contentType, documentId, site: siteCode, column: siteCode });

export const pushBody = strictObject({
  contentType,
  documentId,
  column: siteCode,
  sites: z.array(siteCode).min(1).max(5000).optional(),
  level: z.enum(LEVELS).optional(),
  mode: mode.default('reference'),
}).refine((body) => Boolean(body.sites?.length || body.level), { error: 'name target `sites` or a `level` of descendants', path: ['sites'] });

/** Several sites and columns at once (the Site panel's tree); each target's unknown keys refused with their path (`targets[0].pinned`). */
export const placeManyBody = strictObject({
  contentType,
  documentId,
  targets: z.array(strictObject({ site: siteCode, column: siteCode })).min(1).max(500),
  mode: mode.default('reference'),
});

/** Pin or unpin, order (priority), site publish time of one placement: at least one of them. */
export const arrangeBody = strictObject({
  pinned: z.boolean().optional(),
  priority: queryInt({ min: -1000, max: 1000 }).optional(),
  sitePublishedAt: date.nullable().optional(),
}).refine((body) => body.pinned !== undefined || body.priority !== undefined || body.sitePublishedAt !== undefined, {
  error: 'name at least one of pinned, priority, sitePublishedAt',
});

export const acceptBody = strictObject({ reason: z.string().trim().max(1000).optional() });
export const rejectBody = strictObject({ reason: z.string({ error: 'a rejection needs a reason' }).trim().min(2).max(1000) });

export const listQuery = strictObject({
  state: z.enum(['active', 'pending', 'rejected', 'withdrawn']).optional(),
  site: z.string().max(64).optional(),
  mine: queryBoolean().optional(),
});

/** The path parameters of `/placements/:id/...`. */
export const placementParams = strictObject({ id: queryInt({ min: 1, message: 'must be a positive whole number' }) });

/** The placement desk's queries (an item's placements, the inbox, the site tree). */
export const deskQuery = strictObject({
  site: z.string().max(64).optional(),
  locale: z.string().max(20).optional(),
  mine: queryBoolean().optional(),
});
