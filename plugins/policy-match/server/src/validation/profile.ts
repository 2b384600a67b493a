import { fieldProblem, openRecord, strictObject, throwFieldErrors, z, type FieldError } from '@jiyue/kernel';
import { checkFact } from '../utils/check-value';
import { serves, type Registry } from '../utils/registry';

/** The caller's own stored profile (`profile.*`) and the profile facts every route checks alike. */

/**
 * Every fact must be a registry fact serving the profile's kind, with a value of its type within
 * its bounds. `stored`: the facts of a stored profile, where derived and non-storable facts are
 * refused (a stored age goes stale: the birth date keeps it right).
 */
export const checkFacts = (
  kind: string,
  facts: Record<string, unknown> | undefined,
  at: (string | number)[],
  registry: Registry,
  { stored = false }: { stored?: boolean } = {}
): FieldError[] => {
  const problems: FieldError[] = [];
  for (const [code, value] of Object.entries(facts ?? {})) {
    const def = registry.get(code);
    if (!def) problems.push(fieldProblem([...at, code], 'is not a known profile field'));
    else if (kind !== 'individual' && kind !== 'enterprise') continue;
    else if (!serves(def, kind)) problems.push(fieldProblem([...at, code], `is a fact of ${def.audience === 'individual' ? 'individuals' : 'enterprises'}, not of a ${kind} profile`));
    else if (def.derived && !def.askable) problems.push(fieldProblem([...at, code], `is computed from ${def.derived.args.join(', ')}: give those instead`));
    else if (stored && def.derived) problems.push(fieldProblem([...at, code], `store ${def.derived.args.join(', ')} instead of ${code}`));
    else if (stored && !def.storable) problems.push(fieldProblem([...at, code], 'is asked, never stored in a profile'));
    else {
      const why = checkFact(def, value);
      if (why) problems.push(fieldProblem([...at, code], `${code} ${why}`));
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
  /**
   * One consent per sensitive fact (`disabilityGrade`) or sensitive tag of a tag-list
   * (`identityTags:dibao`), each `true`; a key left out withdraws it.
   */
  consents: openRecord(z.literal(true, { error: 'must be true (leave the key out to withdraw)' })).default({}),
  subscribed: z.boolean().default(true),
});

/**
 * The stored-profile body, with every fact checked against the registry and every sensitive fact or
 * tag carrying its own consent. `sensitiveTags`: the tag codes the taxonomy marks sensitive.
 */
export const parsePutFacts = (input: z.output<typeof putBody>, registry: Registry, sensitiveTags: ReadonlySet<string> = new Set()) => {
  const problems = checkFacts(input.kind, input.facts, ['facts'], registry, { stored: true });
  const consents = input.consents ?? {};
  for (const [code, value] of Object.entries(input.facts)) {
    const def = registry.get(code);
    if (!def || value === null || value === undefined) continue;
    if (def.sensitive && !consents[code]) problems.push(fieldProblem(['facts', code], `needs its own consent: consents.${code}: true`));
    else if (def.type === 'tag-list' && Array.isArray(value)) {
      value.forEach((tag, i) => {
        if (typeof tag === 'string' && sensitiveTags.has(tag) && !consents[`${code}:${tag}`]) problems.push(fieldProblem(['facts', code, i], `needs its own consent: consents["${code}:${tag}"]: true`));
      });
    }
  }
  for (const key of Object.keys(consents)) {
    const [code, tag] = key.split(':', 2);
    const def = registry.get(code);
    const ok = tag === undefined ? !!def?.sensitive : def?.type === 'tag-list' && sensitiveTags.has(tag);
    if (!ok) problems.push(fieldProblem(['consents', key], 'is not a sensitive fact or tag'));
  }
  throwFieldErrors(problems);
  return input;
};
