import { yup } from '@strapi/utils';
import { checkFact } from '../utils/check-value';
import { isIsoDate } from '../utils/dates';
import { FIELD_BY_NAME } from '../utils/fields';
import { bodyValidator, refuse, type Problem } from './body-validator';

/** Every fact must be a registry field of the profile's kind with a value of its type. */
export const checkFacts = (kind: string, facts: unknown, at: (string | number)[]): Problem[] => {
  if (facts === undefined || facts === null) return [];
  if (typeof facts !== 'object' || Array.isArray(facts)) return [{ path: at, message: 'must be an object of facts' }];
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(facts as Record<string, unknown>)) {
    const def = FIELD_BY_NAME.get(name);
    if (!def) problems.push({ path: [...at, name], message: 'is not a known profile field' });
    else if (def.audience !== kind) problems.push({ path: [...at, name], message: `is a fact of ${def.audience === 'individual' ? 'individuals' : 'enterprises'}, not of a ${kind} profile` });
    else {
      const why = checkFact(def, value);
      if (why) problems.push({ path: [...at, name], message: `${name} ${why}` });
    }
  }
  return problems;
};

const profileShape = () =>
  yup.object({ kind: yup.string().oneOf(['individual', 'enterprise']).required(), facts: yup.object().meta({ open: true }).default({}) });

const storedShape = bodyValidator(
  yup.object({
    kind: yup.string().oneOf(['individual', 'enterprise']).required(),
    facts: yup.object().meta({ open: true }).default({}),
    consent: yup.boolean().oneOf([true], 'explicit consent (true) is required to store a profile').required('explicit consent (true) is required to store a profile'),
    subscribed: yup.boolean().default(true),
  })
);

export const validateStoredProfileBody = async (body: unknown) => {
  const input = await storedShape(body);
  const problems = checkFacts(input.kind, input.facts, ['facts']);
  // A stored age goes stale; the birth date keeps it right and is what the reverse match indexes.
  if (input.facts && 'age' in (input.facts as object)) problems.push({ path: ['facts', 'age'], message: 'store birthDate instead of age' });
  if (problems.length) refuse(problems);
  return input as { kind: 'individual' | 'enterprise'; facts: Record<string, unknown>; consent: true; subscribed: boolean };
};

const matchShape = bodyValidator(
  yup.object({
    profile: profileShape().default(undefined),
    asOf: yup.string().test('date', 'must be a date YYYY-MM-DD', (v) => v == null || isIsoDate(v)),
    includeIneligible: yup.boolean().default(false),
    documentIds: yup.array().of(yup.string().max(64).required()).max(200),
    limit: yup.number().integer().min(1).max(200).default(20),
  })
);

export const validateMatchBody = async (body: unknown) => {
  const input = await matchShape(body);
  if (input.profile) {
    const problems = checkFacts(input.profile.kind, input.profile.facts, ['profile', 'facts']);
    if (problems.length) refuse(problems);
  }
  return input as {
    profile?: { kind: 'individual' | 'enterprise'; facts: Record<string, unknown> };
    asOf?: string; includeIneligible: boolean; documentIds?: string[]; limit: number;
  };
};
