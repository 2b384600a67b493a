import { queryBoolean, queryInt, strictObject } from '@jiyue/kernel';

/** The caller's own notifications (`inbox.*`). */
export const listQuery = strictObject({
  page: queryInt({ min: 1, max: 10_000 }).default(1),
  pageSize: queryInt({ min: 1, max: 100 }).default(20),
  unread: queryBoolean().optional(),
});
