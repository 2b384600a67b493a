import { queryInt, strictObject, tibetanDigitsToAscii, z } from '@jiyue/kernel';

/** Translation status (`status.*`): coverage for editors (admin), one document's locales (admin drafts, public). */

export const overviewQuery = strictObject({
  site: z.string().trim().max(64).optional(),
  contentType: z.string().trim().max(120).optional(),
  // ༡༠༠ is a number too.
  limit: queryInt({ min: 0, max: 1000, digits: tibetanDigitsToAscii }).default(100),
});

const localeState = z.looseObject({
  locale: z.string(),
  status: z.string(),
  machineAssisted: z.boolean().optional(),
  url: z.string(),
});

export const documentResponse = z.object({
  data: z.looseObject({ uid: z.string(), documentId: z.string(), sourceLocale: z.string(), locales: z.array(localeState), missing: z.array(z.string()) }),
});
