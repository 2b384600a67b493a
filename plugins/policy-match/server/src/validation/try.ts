import { strictObject, throwFieldErrors, z } from '@jiyue/kernel';
import { isoDate } from './common';
import { eligibilityBody, putBody, type EligibilityChecks } from './eligibility';
import { checkFacts, facts, profileKind } from './profile';
import type { Registry } from '../utils/registry';

/**
 * "Try a profile" on one policy (`try.try`, admin): an unsaved draft of its eligibility (checked like a
 * save, paths under `eligibility`) or, without one, the saved eligibility, against one profile.
 */
const tryShape = <E extends z.ZodType>(eligibility: E) =>
  strictObject({
    eligibility: eligibility.optional(),
    profile: strictObject({ kind: profileKind, facts: facts.default({}) }),
    asOf: isoDate.optional(),
  });

/** The body as the route describes it (the draft's shape; its rules are checked by `tryBodyWith`). */
export const tryBody = tryShape(putBody);

/** The body checked as a save checks the draft: against the fact registry and the taxonomy. */
export const tryBodyWith = (checks: EligibilityChecks) => tryShape(eligibilityBody(checks));

/** The try body, with the profile's facts checked against the registry. */
export const parseTryFacts = <T extends { profile: { kind: string; facts: Record<string, unknown> } }>(input: T, registry: Registry) => {
  throwFieldErrors(checkFacts(input.profile.kind, input.profile.facts, ['profile', 'facts'], registry));
  return input;
};
