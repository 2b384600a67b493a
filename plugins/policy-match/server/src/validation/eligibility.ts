import { REGION_CODE } from '../utils/region';
import { strictObject, z } from '@jiyue/kernel';
import { isoDate } from './common';

/** A policy's eligibility (`eligibility.*`): the shape here; each clause's rule is then checked against the field registry with its path. */
export const putBody = strictObject({
  audience: z.enum(['individual', 'enterprise', 'any']),
  tags: z.array(z.string().max(80)).max(50).default([]),
  jurisdiction: z.string().regex(REGION_CODE, { error: 'must be a 6-digit GB/T 2260 region code' }).nullable().default(null),
  applicationDeadline: isoDate.nullable().default(null),
  clauses: z
    .array(
      strictObject({
        text: z.string().trim().min(1).max(2000),
        textBo: z.string().max(4000).nullable().optional(),
        benefit: z.string().trim().min(1).max(500),
        benefitBo: z.string().max(1000).nullable().optional(),
        // A rule tree; validate-rule checks it against the registry with its path.
        rule: z.unknown().optional(),
      })
    )
    .max(20)
    .default([]),
});

export type EligibilityInput = z.output<typeof putBody>;
