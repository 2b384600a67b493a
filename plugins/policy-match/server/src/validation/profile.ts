import { fieldProblem, openRecord, strictObject, throwFieldErrors, z, type FieldError } from '@jiyue/kernel';
import { checkFact } from '../utils/check-value';
import { FIELD_BY_NAME } from '../utils/fields';

/** The caller's own stored profile (`profile.*`) and the profile facts every route checks alike. */

/** Every fact must be a registry field of the profile's kind with a value of its type. */
export const checkFacts = (kind: string, facts: Record<string, unknown> | undefined, at: (string | number)[]): FieldError[] => {
  const problems: FieldError[] = [];
  for (const [name, value] of Object.entries(facts ?? {})) {
    const def = FIELD_BY_NAME.get(name);
    if (!def) problems.push(fieldProblem([...at, name], 'is not a known profile field'));
    else if (def.audience !== kind) problems.push(fieldProblem([...at, name], `is a fact of ${def.audience === 'individual' ? 'individuals' : 'enterprises'}, not of a ${kind} profile`));
    else {
      const why = checkFact(def, value);
      if (why) problems.push(fieldProblem([...at, name], `${name} ${why}`));
    }
  }
  return problems;
};

export const profileKind = z.enum(['individual', 'enterprise']);
/** Facts are checked against the field registry by `checkFacts` (their keys are the registry's, not the schema's). */
export const facts = openRecord(z.unknown());

const consent = 'explicit consent (true) is required to store a profile';

export const putBody = strictObject({
  kind: profileKind,
  facts: facts.default({}),
  consent: z.literal(true, { error: consent }),
  subscribed: z.boolean().default(true),
});

/** The stored-profile body, with every fact checked against the registry. */
export const parsePutFacts = (input: z.output<typeof putBody>) => {
  const problems = checkFacts(input.kind, input.facts, ['facts']);
  // A stored age goes stale; the birth date keeps it right and is what the reverse match indexes.
  if ('age' in input.facts) problems.push(fieldProblem(['facts', 'age'], 'store birthDate instead of age'));
  throwFieldErrors(problems);
  return input;
};
