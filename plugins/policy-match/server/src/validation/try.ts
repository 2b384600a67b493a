import { strictObject, throwFieldErrors, z } from '@jiyue/kernel';
import { isoDate } from './common';
import { putBody } from './eligibility';
import { checkFacts, facts, profileKind } from './profile';

/**
 * "Try a profile" on one policy (`try.try`, admin): an unsaved draft of its eligibility (checked like a
 * save, paths under `eligibility`) or, without one, the saved eligibility, against one profile.
 */
export const tryBody = strictObject({
  eligibility: putBody.optional(),
  profile: strictObject({ kind: profileKind, facts: facts.default({}) }),
  asOf: isoDate.optional(),
});

/** The try body, with the profile's facts checked against the registry. */
export const parseTryFacts = (input: z.output<typeof tryBody>) => {
  throwFieldErrors(checkFacts(input.profile.kind, input.profile.facts, ['profile', 'facts']));
  return input;
};
