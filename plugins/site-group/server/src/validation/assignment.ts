import { queryInt, strictObject, z } from '@jiyue/kernel';
import { siteCode } from './common';

/** Admin routes assigning admin users to sites (`assignment.*`). */

export const listQuery = strictObject({ userId: queryInt({ min: 1, message: 'must be a positive integer' }) });

export const assignBody = strictObject({
  userId: queryInt({ min: 1, message: 'must be a positive integer' }),
  site: siteCode,
  includeDescendants: z.boolean().default(false),
});

export const unassignBody = strictObject({ userId: assignBody.shape.userId, site: siteCode });
