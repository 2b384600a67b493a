import { z } from '@jiyue/kernel';
import { isIsoDate } from '../utils/dates';

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'must be a date YYYY-MM-DD' });

export const DIMENSIONS = ['audience', 'identity', 'industry', 'enterprise-size', 'region', 'life-event', 'enterprise-stage', 'enterprise-type', 'theme'] as const;
