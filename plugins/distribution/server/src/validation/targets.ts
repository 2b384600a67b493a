import { strictObject, z } from '@jiyue/kernel';

/** Submission targets of one item (`targets.*`); the locale is checked against the cluster's locales by the controller. */

/** `?locale=` of the per-item routes (the Distribution panel): targets available, deliveries of an item. */
export const availableQuery = strictObject({ locale: z.string().trim().max(35).optional() });

const locale = z.string({ error: 'locale is required' }).trim().max(35);

export const findQuery = strictObject({ locale });

/** `targets` is checked by the targets service (null clears the choice); its presence by the controller. */
export const chooseBody = strictObject({ locale, targets: z.unknown() });
