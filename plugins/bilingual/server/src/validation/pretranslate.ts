import { strictObject, z } from '@jiyue/kernel';

/** Machine-assisted first drafts (`pretranslate.create`). */
export const createBody = strictObject({
  uid: z.string({ error: 'uid is required' }).trim().max(120),
  documentId: z.string({ error: 'documentId is required' }).trim().max(64),
  locale: z.string().trim().max(35).optional(),
  force: z.boolean().default(false),
});
