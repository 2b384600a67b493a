import { checkScalar } from './check-value';
import { FIELD_BY_NAME, OPS_BY_TYPE, type Audience, type Op } from './fields';

export type Predicate = { field: string; op: Op; value?: unknown };
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Predicate;
/** What `gte`, `lte`, `before`, `after` and `between` compare (validated per field): numbers, or ISO dates as strings. */
export type Ordered = number | string;

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

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every problem of a rule, each with its path from the rule's root (e.g. ['all', 1, 'value']):
 * unknown keys or fields, ops the field's type has no meaning for, values of the wrong type, and
 * nesting deeper than `maxDepth` (a predicate at the root has depth 1). `audience` restricts the
 * fields to those of individuals or of enterprises; `knownTags` checks tag codes when given.
 */
export const validateRule = (
  rule: unknown,
  { audience, knownTags, limits = DEFAULT_RULE_LIMITS }: { audience?: Audience | 'any'; knownTags?: ReadonlySet<string>; limits?: RuleLimits } = {}
): RuleProblem[] => {
  const problems: RuleProblem[] = [];
  let nodes = 0;

  const visit = (node: unknown, path: (string | number)[], depth: number) => {
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
      problems.push({ path, message: 'must be an object: { all }, { any }, { not } or { field, op, value }' });
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
        parts.slice(0, 50).forEach((part, i) => visit(part, [...path, group, i], depth + 1));
        return;
      }
    }
    if ('not' in node) {
      for (const k of keys.filter((k) => k !== 'not')) problems.push({ path: [...path, k], message: 'is not allowed beside "not"' });
      visit(node.not, [...path, 'not'], depth + 1);
      return;
    }
    for (const k of keys.filter((k) => !['field', 'op', 'value'].includes(k))) problems.push({ path: [...path, k], message: 'is not a known key' });
    const field = typeof node.field === 'string' ? FIELD_BY_NAME.get(node.field) : undefined;
    if (!field) {
      problems.push({ path: [...path, 'field'], message: `unknown field ${JSON.stringify(node.field ?? null)}` });
      return;
    }
    if (audience && audience !== 'any' && field.audience !== audience) {
      problems.push({ path: [...path, 'field'], message: `"${field.name}" is a fact of ${field.audience === 'individual' ? 'individuals' : 'enterprises'}, not of this policy's audience` });
    }
    const op = node.op as Op;
    if (!OPS_BY_TYPE[field.type].includes(op)) {
      problems.push({ path: [...path, 'op'], message: `must be one of ${OPS_BY_TYPE[field.type].join(', ')} for ${field.name}` });
      return;
    }
    const valuePath = [...path, 'value'];
    const scalar = (v: unknown, p: (string | number)[]) => {
      const why = checkScalar(field, v);
      if (why) problems.push({ path: p, message: `${field.name} ${why}` });
      else if (field.type === 'tag-list' && knownTags && !knownTags.has(v as string)) problems.push({ path: p, message: `unknown tag ${JSON.stringify(v)}` });
      return !why;
    };
    switch (op) {
      case 'exists':
        if ('value' in node && typeof node.value !== 'boolean') problems.push({ path: valuePath, message: 'must be true or false (or left out)' });
        return;
      case 'in': {
        const list = node.value;
        if (!Array.isArray(list) || list.length === 0 || list.length > limits.maxListLength) {
          problems.push({ path: valuePath, message: `must be a list of 1 to ${limits.maxListLength} values` });
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
        if (ok && (pair[0] as Ordered) > (pair[1] as Ordered)) problems.push({ path: valuePath, message: 'low must not be above high' });
        return;
      }
      default:
        if (!('value' in node)) problems.push({ path: valuePath, message: 'is required' });
        else scalar(node.value, valuePath);
    }
  };

  visit(rule, [], 1);
  return problems;
};
