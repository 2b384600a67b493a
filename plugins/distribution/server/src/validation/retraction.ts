import { strictObject, z } from '@jiyue/kernel';

/** Admin retraction routes (`retraction.*`). */

export const createBody = strictObject({
  uid: z.string({ error: 'uid is required' }).trim(),
  documentId: z.string({ error: 'documentId is required' }).trim(),
  scope: strictObject({ site: z.string({ error: 'scope.site is required' }).trim(), includeDescendants: z.boolean().default(true) }, ),
  reason: z.string({ error: 'a reason is required' }).trim().min(2, { error: 'a reason is required' }).max(2000),
});
