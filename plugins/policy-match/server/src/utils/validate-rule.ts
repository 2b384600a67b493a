import type { KindRule, PolicyRule, RulePredicate } from '@jiyue/kernel/contracts';
import { checkScalar } from './check-value';
import type { Audience } from './fields';
import { enumPosition, serves, type FactDef, type Op, type Registry } from './registry';
import { isRelative, relativeProblem, resolveScalar, type RelDate, type RelYear } from './relative';

export type { Op };
/** A fact compared with a value: `value` may be relative to the evaluation day (`{ today }`, `{ thisYear }`). */
export type Predicate = RulePredicate<Op>;
export type { KindRule };
/** An eligibility rule over the registry's operators (the shape is the kernel contract's). */
export type Rule = PolicyRule<Op>;
/** What `gte`, `lte`, `gt`, `lt`, `before`, `after` and `between` compare (validated per fact): numbers, or ISO dates as strings. */
export type Ordered = number | string;
export type { RelDate, RelYear };

export interface RuleProblem {
  path: (string | number)[];
  message: string;
}

export interface RuleLimits {
  maxDepth: number;
  maxNodes: number;
  maxListLength: number;
}

export const DEFAULT_RULE_LIMITS: RuleLimits = { maxDepth: 6, maxNodes: 200, maxListLength: 500 };

export const KINDS: readonly Audience[] = ['individual', 'enterprise'];
const KIND_ZH: Record<Audience, string> = { individual: 'individuals', enterprise: 'enterprises' };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isKindRule = (r: Rule): r is KindRule => 'kind' in r;
export const isPredicate = (r: Rule): r is Predicate => 'field' in r;

/** The kind a `{ kind }` node (or `{ not: { kind } }`) pins down for its siblings in an `all`. */
const kindOf = (node: unknown): { kind: Audience; negated: boolean } | null => {
  if (!isPlainObject(node)) return null;
  if (Object.keys(node).length === 1 && KINDS.includes(node.kind as Audience)) return { kind: node.kind as Audience, negated: false };
  if (Object.keys(node).length === 1 && isPlainObject(node.not)) {
    const inner = kindOf(node.not);
    if (inner && !inner.negated) return { kind: inner.kind, negated: true };
  }
  return null;
};

/** The evaluation day used to compare the two ends of a relative `between` (their offsets, really). */
const PROBE_DAY = '2000-01-01';

/**
 * Every problem of a rule, each with its path from the rule's root (e.g. ['all', 1, 'value']):
 * unknown keys or facts, ops the fact's type has no meaning for, values of the wrong type, outside
 * the fact's bounds or enum, relative values on the wrong type, and nesting deeper than `maxDepth`
 * (a predicate at the root has depth 1).
 *
 * `audience` is the policy's: the validator walks with the set of kinds that can reach each part
 * (the policy's audiences at the root; inside an `all`, a `{ kind }` child, or `{ not: { kind } }`,
 * narrows it for its siblings and everything below them) and refuses a fact that does not serve
 * every kind in the set. Without `audience` no fact is refused for its audience. `knownTags`
 * checks tag codes when given.
 */
export const validateRule = (
  rule: unknown,
  { registry, audience, knownTags, limits = DEFAULT_RULE_LIMITS }: { registry: Registry; audience?: Audience | 'any'; knownTags?: ReadonlySet<string>; limits?: RuleLimits }
): RuleProblem[] => {
  const problems: RuleProblem[] = [];
  const root: ReadonlySet<Audience> | null = audience === undefined ? null : new Set(audience === 'any' ? KINDS : [audience]);
  let nodes = 0;

  const visit = (node: unknown, path: (string | number)[], depth: number, kinds: ReadonlySet<Audience> | null) => {
    nodes += 1;
    if (nodes > limits.maxNodes) {
      if (nodes === limits.maxNodes + 1) problems.push({ path, message: `a rule may have at most ${limits.maxNodes} parts` });
      return;
    }
    if (depth > limits.maxDepth) {
      problems.push({ path, message: `nested deeper than ${limits.maxDepth} levels` });
      return;
    }
    if (!isPlainObject(node)) {
      problems.push({ path, message: 'must be an object: { all }, { any }, { not }, { kind } or { field, op, value }' });
      return;
    }
    const keys = Object.keys(node);
    for (const group of ['all', 'any'] as const) {
      if (group in node) {
        for (const k of keys.filter((k) => k !== group)) problems.push({ path: [...path, k], message: `is not allowed beside "${group}"` });
        const parts = node[group];
        if (!Array.isArray(parts) || parts.length === 0) {
          problems.push({ path: [...path, group], message: 'must be a non-empty list of rules' });
          return;
        }
        if (parts.length > 50) problems.push({ path: [...path, group], message: 'may list at most 50 rules' });
        let inner = kinds;
        if (group === 'all' && kinds) {
          const narrowed = new Set(kinds);
          for (const part of parts.slice(0, 50)) {
            const k = kindOf(part);
            if (!k) continue;
            for (const kind of KINDS) if (k.negated ? kind === k.kind : kind !== k.kind) narrowed.delete(kind);
          }
          inner = narrowed;
        }
        parts.slice(0, 50).forEach((part, i) => visit(part, [...path, group, i], depth + 1, kindOf(part) ? kinds : inner));
        return;
      }
    }
    if ('not' in node) {
      for (const k of keys.filter((k) => k !== 'not')) problems.push({ path: [...path, k], message: 'is not allowed beside "not"' });
      visit(node.not, [...path, 'not'], depth + 1, kinds);
      return;
    }
    if ('kind' in node) {
      for (const k of keys.filter((k) => k !== 'kind')) problems.push({ path: [...path, k], message: 'is not allowed beside "kind"' });
      const kind = node.kind as Audience;
      if (!KINDS.includes(kind)) problems.push({ path: [...path, 'kind'], message: 'must be individual or enterprise' });
      else if (kinds && !kinds.has(kind)) {
        const only = [...kinds];
        problems.push({
          path: [...path, 'kind'],
          message: only.length === 1 && kinds === root ? `the policy serves only ${KIND_ZH[only[0]]}` : `only ${only.map((k) => KIND_ZH[k]).join(' and ') || 'no profile'} can reach this part`,
        });
      }
      return;
    }
    for (const k of keys.filter((k) => !['field', 'op', 'value'].includes(k))) problems.push({ path: [...path, k], message: 'is not a known key' });
    const def = typeof node.field === 'string' ? registry.get(node.field) : undefined;
    if (!def) {
      problems.push({ path: [...path, 'field'], message: `unknown fact ${JSON.stringify(node.field ?? null)}` });
      return;
    }
    if (kinds) {
      const unserved = [...kinds].filter((k) => !serves(def, k));
      if (unserved.length) {
        const of = def.audience === 'both' ? '' : KIND_ZH[def.audience];
        problems.push({
          path: [...path, 'field'],
          message:
            kinds === root && kinds.size === 1
              ? `"${def.code}" is a fact of ${of}, not of this policy's audience`
              : `"${def.code}" is a fact of ${of}: put it in an "all" with { "kind": "${def.audience}" }`,
        });
      }
    }
    const op = node.op as Op;
    const ops = registry.ops(def);
    if (!ops.includes(op)) {
      problems.push({ path: [...path, 'op'], message: `must be one of ${ops.join(', ')} for ${def.code}` });
      return;
    }
    const valuePath = [...path, 'value'];
    validateValue(def, op, node, valuePath, problems, { knownTags, maxListLength: limits.maxListLength });
  };

  visit(rule, [], 1, root);
  return problems;
};

/** The value of one predicate (already known to name a fact and an op that fact has). */
const validateValue = (
  def: FactDef,
  op: Op,
  node: Record<string, unknown>,
  valuePath: (string | number)[],
  problems: RuleProblem[],
  { knownTags, maxListLength }: { knownTags?: ReadonlySet<string>; maxListLength: number }
) => {
  const scalar = (v: unknown, p: (string | number)[]): boolean => {
    if (isRelative(v)) {
      const why = relativeProblem(def.type, v);
      if (why) problems.push({ path: [...p, ...why.path], message: why.message });
      return !why;
    }
    const why = checkScalar(def, v);
    if (why) problems.push({ path: p, message: `${def.code} ${why}` });
    else if (def.type === 'tag-list' && knownTags && !knownTags.has(v as string)) problems.push({ path: p, message: `unknown tag ${JSON.stringify(v)}` });
    return !why;
  };
  /** Comparable form of a checked scalar: ordered enums by list position, relative values on the probe day. */
  const rank = (v: unknown): Ordered => (def.type === 'enum' ? enumPosition(def, v) : (resolveScalar(v, PROBE_DAY) as Ordered));
  switch (op) {
    case 'exists':
      if ('value' in node && typeof node.value !== 'boolean') problems.push({ path: valuePath, message: 'must be true or false (or left out)' });
      return;
    case 'in': {
      const list = node.value;
      if (!Array.isArray(list) || list.length === 0 || list.length > maxListLength) {
        problems.push({ path: valuePath, message: `must be a list of 1 to ${maxListLength} values` });
        return;
      }
      list.forEach((v, i) => scalar(v, [...valuePath, i]));
      return;
    }
    case 'between': {
      const pair = node.value;
      if (!Array.isArray(pair) || pair.length !== 2) {
        problems.push({ path: valuePath, message: 'must be [low, high]' });
        return;
      }
      const ok = scalar(pair[0], [...valuePath, 0]) && scalar(pair[1], [...valuePath, 1]);
      // two absolute ends, or two relative ones (compared by offset); a mixed pair's order depends on the day
      if (ok && isRelative(pair[0]) === isRelative(pair[1]) && rank(pair[0]) > rank(pair[1])) problems.push({ path: valuePath, message: 'low must not be above high' });
      return;
    }
    default:
      if (!('value' in node)) problems.push({ path: valuePath, message: 'is required' });
      else if (Array.isArray(node.value)) problems.push({ path: valuePath, message: `must be one value (a list is for "in", a pair for "between")` });
      else scalar(node.value, valuePath);
  }
};
