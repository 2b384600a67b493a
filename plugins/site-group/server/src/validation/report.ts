import { queryInt, strictObject, z } from '@jiyue/kernel';

/** Admin reports (`report.*`). */

export const staleColumnsQuery = strictObject({
  days: queryInt({ min: 1, max: 3650 }).optional(),
  site: z.string().max(64).optional(),
});
