import { z } from '@jiyue/kernel';

/** A site code or column slug: lower-case letters, digits and hyphens. */
export const siteCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a site code or column slug' })
  .max(64);

/** A locale code in a query (`?locale=bo`); the locale service says whether it exists. */
export const localeParam = z.string().trim().max(35);
