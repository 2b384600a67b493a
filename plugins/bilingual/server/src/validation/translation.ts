import { strictObject, z } from '@jiyue/kernel';

/** The side-by-side view of one translation (`translation.*`): read both drafts, save the target's fields. */

export const readQuery = strictObject({
  locale: z.string().trim().max(35).optional(),
});

export const saveBody = strictObject({
  locale: z.string().trim().max(35).optional(),
  // Field names are checked against the type's translatable fields by the service (400 naming `data.<field>`).
  data: z.record(z.string().max(120), z.string({ error: 'must be a string' }).max(200_000), { error: 'data is required: { "<field>": "<text>" }' }),
});
