import type { Audience } from './fields';
import { comparator, readFact, type Facts, type FactReading, type Subject } from './evaluate-rule';
import { kleeneNot, type Tri } from './kleene';
import { containingRegions } from './region';
import type { Registry } from './registry';
import { hasRelative, resolveValue } from './relative';
import { isKindRule, type Rule } from './validate-rule';

/** Facts of one profile prepared once per request: derived facts computed once, regions expanded once. */
export interface PreparedFacts {
  kind: Audience;
  facts: Facts;
  asOf: string;
  /** The fact's value (derived facts computed on `asOf`), null when unknown. */
  get(code: string): unknown;
  /** The askable facts that would settle an unknown fact (see `readFact`). */
  missingOf(code: string): string[];
  /** Every region containing the region fact's value, with its distance; null when the fact is unknown. */
  home(code: string): Map<string, number> | null;
}

export const prepareFacts = (profile: Subject, asOf: string, registry: Registry): PreparedFacts => {
  const readings = new Map<string, FactReading>();
  const read = (code: string) => {
    let r = readings.get(code);
    if (!r) readings.set(code, (r = readFact(registry, profile.facts, code, asOf)));
    return r;
  };
  const regionsByFact = new Map<string, Map<string, number> | null>();
  const home = (code: string) => {
    if (!regionsByFact.has(code)) {
      const v = read(code).value;
      regionsByFact.set(code, typeof v === 'string' ? containingRegions(v) : null);
    }
    return regionsByFact.get(code)!;
  };
  return { kind: profile.kind, facts: profile.facts, asOf, get: (code) => read(code).value, missingOf: (code) => read(code).missing, home };
};

/**
 * Evaluates with the facts; when `missing` is given, the facts of the unknown parts that decide
 * the result are pushed to it (parts settled by a known false in `all` or a true in `any` are
 * truncated away again, so it matches `evaluateRule`'s `missing`, possibly with repeats).
 */
export type CompiledRule = (f: PreparedFacts, missing?: string[]) => Tri;

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

/**
 * A validated rule turned into nested closures: the same three-valued result as `evaluateRule`,
 * without building explanations or missing-fact sets, for the forward match over thousands of
 * policies. Relative values are resolved once per evaluation day (the closure keeps the last one).
 * Results that come out unknown are re-evaluated with `evaluateRule` for their explanation.
 */
export const compileRule = (rule: Rule, registry: Registry): CompiledRule => {
  if ('all' in rule) return combine(rule.all.map((r) => compileRule(r, registry)), false);
  if ('any' in rule) return combine(rule.any.map((r) => compileRule(r, registry)), true);
  if ('not' in rule) {
    const inner = compileRule(rule.not, registry);
    return (f, missing) => kleeneNot(inner(f, missing));
  }
  if (isKindRule(rule)) {
    const { kind } = rule;
    return (f) => f.kind === kind;
  }
  const def = registry.get(rule.field);
  if (!def) return () => null;
  const { field, op } = rule;
  const v = rule.value;
  if (op === 'exists') {
    const want = v !== false;
    return (f) => {
      const a = f.get(field);
      const present = a !== null && a !== undefined && !(Array.isArray(a) && a.length === 0);
      return want ? present : !present;
    };
  }
  let test: (a: unknown) => boolean;
  let testFor: (asOf: string) => (a: unknown) => boolean;
  if (hasRelative(v)) {
    let day = '';
    testFor = (asOf) => {
      if (asOf !== day) {
        test = comparator(def, op, resolveValue(v, asOf));
        day = asOf;
      }
      return test;
    };
  } else {
    const fixed = comparator(def, op, v);
    testFor = () => fixed;
  }
  return (f, missing) => {
    const a = f.get(field);
    if (a === null || a === undefined) {
      if (missing) for (const m of f.missingOf(field)) missing.push(m);
      return null;
    }
    return testFor(f.asOf)(a);
  };
};
