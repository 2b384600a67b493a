import { fieldProblem, queryInt, strictObject, throwFieldErrors, z } from '@jiyue/kernel';
import type { Registry } from '../utils/registry';
import { isoDate } from './common';
import { checkFacts, facts, profileKind } from './profile';

/** The public match (`match.match`). */

export const matchBody = strictObject({
  profile: strictObject({ kind: profileKind, facts: facts.default({}) }).optional(),
  asOf: isoDate.optional(),
  includeIneligible: z.boolean().default(false),
  documentIds: z.array(z.string().max(64)).max(200).optional(),
  limit: queryInt({ min: 1, max: 200 }).default(20),
  /** The locale of the next question (default: the plugin's `matchLocale`). */
  locale: z.enum(['zh-Hans', 'bo']).optional(),
  /** Facts the person chose not to answer: the questionnaire does not ask them again. */
  declined: z.array(z.string().min(1).max(40)).max(100).default([]),
});

/** The match body, with the profile's facts and the declined facts checked against the registry. */
export const checkMatchFacts = (input: z.output<typeof matchBody>, registry: Registry) => {
  const problems = input.profile ? checkFacts(input.profile.kind, input.profile.facts, ['profile', 'facts'], registry) : [];
  input.declined.forEach((code, i) => {
    if (!registry.get(code)) problems.push(fieldProblem(['declined', i], `unknown fact "${code}"`));
  });
  throwFieldErrors(problems);
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
  meta: z.looseObject({
    asOf: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number()), missingFacts: z.array(z.unknown()),
    nextQuestion: z.looseObject({ id: z.string(), label: z.string(), facts: z.array(z.looseObject({ code: z.string(), type: z.string(), label: z.string() })), settles: z.number().int(), touches: z.number().int() }).nullable(),
  }),
});
