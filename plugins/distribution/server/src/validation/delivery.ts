import { queryInt, strictObject, z } from '@jiyue/kernel';

/** Admin delivery routes (`delivery.*`). */

export const listQuery = strictObject({
  status: z.enum(['pending', 'in_flight', 'delivered', 'dead', 'cancelled']).optional(),
  channel: z.string().max(200).optional(),
  site: z.string().max(100).optional(),
  documentId: z.string().max(64).optional(),
  page: queryInt({ min: 1 }).default(1),
  pageSize: queryInt({ min: 1, max: 100 }).default(25),
});

export const retryDeadBody = strictObject({ channel: z.string().max(200).optional(), site: z.string().max(100).optional() });

/** `?locale=` of one item's deliveries (the Distribution panel after publish). */
export { availableQuery as forItemQuery } from './targets';
