import { strictObject, z } from '@jiyue/kernel';
import { REGION_CODE } from '../utils/region';

/** Subscriptions, favourites, ratings and comments (`engagement.*`). */

export const subscribeBody = strictObject({
  kind: z.enum(['tag', 'theme', 'region']),
  value: z.string().trim().min(1).max(100),
}).refine((b) => b.kind !== 'region' || REGION_CODE.test(b.value), { error: 'must be a 6-digit GB/T 2260 region code', path: ['value'] });

export const rateBody = strictObject({ stars: z.number().int({ error: 'must be a whole number of stars' }).min(1).max(5) });

export const commentBody = strictObject({ body: z.string().trim().min(2).max(2000) });

export const queueQuery = strictObject({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') });

export const approveBody = strictObject({ note: z.string().trim().max(500).optional() });
export const rejectBody = approveBody;

export const ratingsResponse = z.object({
  data: z.object({ count: z.number().int(), average: z.number().nullable(), histogram: z.record(z.string(), z.number().int()) }),
});

export const commentsResponse = z.object({ data: z.array(z.object({ id: z.number().int(), body: z.string(), createdAt: z.string() })) });
