import { ageOn } from './dates';
import { FIELD_BY_NAME } from './fields';
import { kleeneNot, type Tri } from './kleene';
import { containingRegions, isWithinRegion, regionPrefix } from './region';
import type { Facts } from './evaluate-rule';
import type { Ordered, Rule } from './validate-rule';

/** Facts of one profile prepared once per request (age derived once). */
export interface PreparedFacts {
  facts: Facts;
  get(field: string): unknown;
}

export const prepareFacts = (facts: Facts, asOf: string): PreparedFacts & { regions: Map<string, number> | null; home: (field: string) => Map<string, number> | null } => {
  const age = facts.age ?? (typeof facts.birthDate === 'string' ? ageOn(facts.birthDate, asOf) : null);
  const regionsByField = new Map<string, Map<string, number> | null>();
  const home = (field: string) => {
    if (!regionsByField.has(field)) regionsByField.set(field, typeof facts[field] === 'string' ? containingRegions(facts[field] as string) : null);
    return regionsByField.get(field)!;
  };
  return { facts, get: (field) => (field === 'age' ? age : facts[field] ?? null), regions: null, home };
};

/**
 * Evaluates with the facts; when `missing` is given, the fields of the unknown parts that decide
 * the result are pushed to it (parts settled by a known false in `all` or a true in `any` are
 * truncated away again, so it matches `evaluateRule`'s `missing`, possibly with repeats).
 */
export type CompiledRule = (f: PreparedFacts, missing?: string[]) => Tri;

/**
 * A validated rule turned into nested closures: the same three-valued result as `evaluateRule`,
 * without building explanations or missing-fact sets, for the forward match over thousands of
 * policies. Results that come out unknown are re-evaluated with `evaluateRule` for their explanation.
 */
/**
 * `all` (decisive: false) and `any` (decisive: true): the first part with the decisive value
 * settles it and drops the missing facts gathered meanwhile; else unknown if a part is unknown,
 * else the other value (and no missing facts either).
 */
const combine = (parts: CompiledRule[], decisive: boolean): CompiledRule => (f, missing) => {
  const mark = missing?.length ?? 0;
  let unknown = false;
  for (const p of parts) {
    const r = p(f, missing);
    if (r === decisive) {
      if (missing) missing.length = mark;
      return decisive;
    }
    if (r === null) unknown = true;
  }
  if (!unknown && missing) missing.length = mark;
  return unknown ? null : !decisive;
};

export const compileRule = (rule: Rule): CompiledRule => {
  if ('all' in rule) return combine(rule.all.map(compileRule), false);
  if ('any' in rule) return combine(rule.any.map(compileRule), true);
  if ('not' in rule) {
    const inner = compileRule(rule.not);
    return (f, missing) => kleeneNot(inner(f, missing));
  }
  const def = FIELD_BY_NAME.get(rule.field);
  if (!def) return () => null;
  const { field, op } = rule;
  const v = rule.value;
  const o = v as Ordered;
  const pair = v as Ordered[];
  if (op === 'exists') {
    const want = v !== false;
    return (f) => {
      const a = f.get(field);
      const present = a !== null && a !== undefined && !(Array.isArray(a) && a.length === 0);
      return want ? present : !present;
    };
  }
  let eq: (a: unknown, x: unknown) => boolean;
  if (def.type === 'tag-list') eq = (a, x) => Array.isArray(a) && a.includes(x);
  else if (def.type === 'region') eq = (a, x) => isWithinRegion(String(a), x as string);
  else if (def.type === 'industry') eq = (a, x) => String(a).startsWith(x as string);
  else eq = (a, x) => a === x;
  // Values that reach an ordering test are the field's numbers or ISO dates (checked by validate-rule).
  let test: (a: Ordered) => boolean;
  switch (op) {
    case 'eq':
      test = (a) => eq(a, v);
      break;
    case 'in': {
      const list = def.type === 'region' ? (v as string[]).map(regionPrefix) : (v as unknown[]);
      test = def.type === 'region' ? (a) => list.some((p) => String(a).startsWith(p as string)) : (a) => list.some((x) => eq(a, x));
      break;
    }
    case 'gte':
      test = (a) => a >= o;
      break;
    case 'lte':
      test = (a) => a <= o;
      break;
    case 'between':
      test = (a) => a >= pair[0] && a <= pair[1];
      break;
    case 'before':
      test = (a) => a < o;
      break;
    case 'after':
      test = (a) => a > o;
      break;
    default:
      return () => null;
  }
  return (f, missing) => {
    const a = f.get(field);
    if (a === null || a === undefined) {
      missing?.push(field);
      return null;
    }
    return test(a as Ordered);
  };
};
