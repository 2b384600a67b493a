import { strictObject } from '@jiyue/kernel';
import { isoDate } from './common';

/** Who a policy reaches (`audience.find`). */
export const findQuery = strictObject({ asOf: isoDate.optional() });
