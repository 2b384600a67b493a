import { queryInt, strictObject, throwFieldErrors, z } from '@jiyue/kernel';
import { isoDate } from './common';
import { checkFacts, facts, profileKind } from './profile';

/** The public match (`match.match`). */

export const matchBody = strictObject({
  profile: strictObject({ kind: profileKind, facts: facts.default({}) }).optional(),
  asOf: isoDate.optional(),
  includeIneligible: z.boolean().default(false),
  documentIds: z.array(z.string().max(64)).max(200).optional(),
  limit: queryInt({ min: 1, max: 200 }).default(20),
});

/** The match body, with the profile's facts checked against the registry. */
export const checkMatchFacts = (input: z.output<typeof matchBody>) => {
  if (input.profile) throwFieldErrors(checkFacts(input.profile.kind, input.profile.facts, ['profile', 'facts']));
  return input;
};

export const matchResponse = z.object({
  data: z.array(
    z.looseObject({
      rank: z.number().int(),
      documentId: z.string(),
      title: z.string(),
      titleBo: z.string().nullable(),
      status: z.string(),
      reasons: z.array(z.unknown()),
      ownRegion: z.boolean(),
      jurisdiction: z.object({ code: z.string(), nameZh: z.string().nullable(), nameBo: z.string().nullable(), check: z.unknown() }).nullable(),
    })
  ),
  meta: z.looseObject({ asOf: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number()), missingFacts: z.array(z.unknown()) }),
});
