import { addYears } from './dates';
import { dayNumber, factColumn, isStoredFact } from './profile-facts-sql';
import { regionRange } from './region';
import { resolveValue } from './relative';
import { DEFAULT_JURISDICTION_FACTS, jurisdictionFact, type MatchablePolicy } from './evaluate-policy';
import type { Audience } from './fields';
import type { QueryBuilder, RawSql } from './knex';
import { enumPosition, type FactDef, type Registry } from './registry';
import { isKindRule, type Predicate, type Rule } from './validate-rule';

/**
 * The SQL side of the reverse match: a condition on stored profiles (their `kind` and home-region
 * columns, and their typed fact rows in `jiyue_pm_profile_facts`) for the profiles on which a rule
 * is Kleene-TRUE, and one for those on which it is Kleene-FALSE (what `not` narrows through). Each
 * comes with `exact`: the condition selects exactly those profiles (then the count needs no
 * JavaScript), or, when false, a superset of them (the candidates are evaluated in JavaScript).
 *
 * Exact: `kind`, every stored fact of every type (ranges, enums and ordered enums, regions by
 * containment, industries by prefix, tag-lists by membership with "list known" for FALSE, dates as
 * day numbers, relative values resolved on `asOf`), `exists`, `yearsSince` (age) as an exact
 * day-number range, and facts that are never stored (always unknown). A superset: `ratio` and
 * non-integer `difference` (floating point: the bounds are widened a little).
 */
export type LeafOp = 'eq' | 'ne' | 'in' | 'notIn' | 'gte' | 'lte' | 'gt' | 'lt' | 'notnull' | 'isnull' | 'prefix' | 'notPrefix';

/** A test on one fact row (`v_num` or `v_text`). */
export type FactTest = { col: 'v_num' | 'v_text'; op: LeafOp; value?: unknown } | { allOf: FactTest[] } | { anyOf: FactTest[] };

export type Cond =
  | boolean
  | { and: Cond[] }
  | { or: Cond[] }
  /** A column of the profile row itself. */
  | { column: 'kind' | 'region_code'; op: LeafOp; value?: unknown }
  /** Some row of the fact passes the test (`negate`: no row does); `test` null = any row. */
  | { fact: string; test: FactTest | null; negate?: boolean }
  /** Both facts present and their ratio (× scale) or difference passes the test on `expr`. */
  | { pair: [string, string]; expr: 'ratio' | 'difference'; scale: number; test: { op: LeafOp; value: number } | null; zero?: boolean };

export interface Filter {
  cond: Cond;
  exact: boolean;
}

const TRUE: Filter = { cond: true, exact: true };
const FALSE: Filter = { cond: false, exact: true };

export const and = (parts: Filter[]): Filter => {
  const exact = parts.every((p) => p.exact);
  // an empty superset is exactly the empty set
  if (parts.some((p) => p.cond === false)) return FALSE;
  const kept = parts.map((p) => p.cond).filter((c) => c !== true);
  return { cond: kept.length === 0 ? true : kept.length === 1 ? kept[0] : { and: kept }, exact };
};

export const or = (parts: Filter[]): Filter => {
  const exact = parts.every((p) => p.exact);
  if (parts.some((p) => p.cond === true)) return { cond: true, exact: parts.some((p) => p.cond === true && p.exact) || exact };
  const kept = parts.map((p) => p.cond).filter((c) => c !== false);
  return { cond: kept.length === 0 ? false : kept.length === 1 ? kept[0] : { or: kept }, exact };
};

const leaf = (cond: Cond, exact = true): Filter => ({ cond, exact });

const NEGATED: Record<LeafOp, LeafOp> = { eq: 'ne', ne: 'eq', in: 'notIn', notIn: 'in', gte: 'lt', lt: 'gte', lte: 'gt', gt: 'lte', notnull: 'isnull', isnull: 'notnull', prefix: 'notPrefix', notPrefix: 'prefix' };

/** The complement of a test on a row whose column holds a value. */
const negTest = (t: FactTest): FactTest => {
  if ('allOf' in t) return { anyOf: t.allOf.map(negTest) };
  if ('anyOf' in t) return { allOf: t.anyOf.map(negTest) };
  return { ...t, op: NEGATED[t.op] };
};

const allOf = (tests: FactTest[]): FactTest => (tests.length === 1 ? tests[0] : { allOf: tests });
const anyOf = (tests: FactTest[]): FactTest => (tests.length === 1 ? tests[0] : { anyOf: tests });

type Kind = Audience;

/** The test a stored value must pass for the predicate to be TRUE (value already resolved). */
const valueTest = (def: FactDef, op: string, value: unknown): FactTest | 'false' => {
  const col = factColumn(def);
  const scalar = (v: unknown) => (def.type === 'date' ? dayNumber(v as string) : def.type === 'boolean' ? (v ? 1 : 0) : v);
  const pair = value as unknown[];
  if (def.type === 'region') {
    const codes = op === 'eq' ? [value as string] : (value as string[]);
    return anyOf(codes.map((c) => { const [lo, hi] = regionRange(c); return allOf([{ col, op: 'gte', value: lo }, { col, op: 'lte', value: hi }]); }));
  }
  if (def.type === 'industry') {
    const codes = op === 'eq' ? [value as string] : (value as string[]);
    return anyOf(codes.map((c) => ({ col, op: 'prefix' as const, value: c })));
  }
  if (def.type === 'enum' && def.ordered && ['gte', 'lte', 'gt', 'lt', 'between'].includes(op)) {
    const codes = (def.values ?? []).map((v) => v.code);
    const pos = (c: unknown) => enumPosition(def, c);
    const keep = (test: (p: number) => boolean) => codes.filter((_, i) => test(i));
    let kept: string[];
    switch (op) {
      case 'gte': kept = pos(value) < 0 ? [] : keep((p) => p >= pos(value)); break;
      case 'lte': kept = pos(value) < 0 ? [] : keep((p) => p <= pos(value)); break;
      case 'gt': kept = pos(value) < 0 ? [] : keep((p) => p > pos(value)); break;
      case 'lt': kept = pos(value) < 0 ? [] : keep((p) => p < pos(value)); break;
      default: kept = pos(pair[0]) < 0 || pos(pair[1]) < 0 ? [] : keep((p) => p >= pos(pair[0]) && p <= pos(pair[1]));
    }
    return kept.length ? { col, op: 'in', value: kept } : 'false';
  }
  switch (op) {
    case 'eq': return { col, op: 'eq', value: scalar(value) };
    case 'in': return { col, op: 'in', value: (value as unknown[]).map(scalar) };
    case 'gte': return { col, op: 'gte', value: scalar(value) };
    case 'lte': return { col, op: 'lte', value: scalar(value) };
    case 'gt':
    case 'after': return { col, op: 'gt', value: scalar(value) };
    case 'lt':
    case 'before': return { col, op: 'lt', value: scalar(value) };
    case 'between': return allOf([{ col, op: 'gte', value: scalar(pair[0]) }, { col, op: 'lte', value: scalar(pair[1]) }]);
    default: return 'false';
  }
};

/** A stored fact: TRUE and FALSE filters of one predicate. Both need the fact known, as Kleene logic does. */
const storedPredicate = (def: FactDef, p: Predicate, asOf: string): { t: Filter; f: Filter } => {
  // an enum value the registry no longer lists reads as unknown
  const listed: FactTest | null = def.type === 'enum' ? { col: 'v_text', op: 'in', value: (def.values ?? []).map((v) => v.code) } : null;
  const known: Cond = { fact: def.code, test: listed };
  if (p.op === 'exists') {
    // a known but empty list counts as absent for `exists`
    const presentTest = def.type === 'tag-list' ? ({ col: 'v_text', op: 'notnull' } as FactTest) : listed;
    const present: Cond = { fact: def.code, test: presentTest };
    const absent: Cond = { fact: def.code, test: presentTest, negate: true };
    return p.value === false ? { t: leaf(absent), f: leaf(present) } : { t: leaf(present), f: leaf(absent) };
  }
  const test = valueTest(def, p.op, resolveValue(p.value, asOf));
  if (test === 'false') return { t: FALSE, f: leaf(known) };
  if (def.type === 'tag-list') {
    // FALSE: the list is known (a row, maybe the empty-list row) and no tag of it passes.
    return { t: leaf({ fact: def.code, test }), f: and([leaf(known), leaf({ fact: def.code, test, negate: true })]) };
  }
  return { t: leaf({ fact: def.code, test }), f: leaf({ fact: def.code, test: listed ? allOf([listed, negTest(test)]) : negTest(test) }) };
};

/** `yearsSince(date)` compared with n: an exact day-number range on the date (the anniversary counts, as `ageOn`). */
const yearsSinceTest = (asOf: string, op: string, value: unknown): FactTest | 'false' => {
  const atLeast = (n: number): FactTest => ({ col: 'v_num', op: 'lte', value: dayNumber(addYears(asOf, -Math.ceil(n))) });
  const atMost = (n: number): FactTest => ({ col: 'v_num', op: 'gt', value: dayNumber(addYears(asOf, -(Math.floor(n) + 1))) });
  const exactly = (n: number): FactTest | 'false' => (Number.isInteger(n) ? allOf([atLeast(n), atMost(n)]) : 'false');
  const pair = value as number[];
  switch (op) {
    case 'eq': return exactly(value as number);
    case 'in': {
      const parts = (value as number[]).map(exactly).filter((t): t is FactTest => t !== 'false');
      return parts.length ? anyOf(parts) : 'false';
    }
    case 'gte': return atLeast(value as number);
    case 'gt': return atLeast(Math.floor(value as number) + 1);
    case 'lte': return atMost(value as number);
    case 'lt': return atMost(Math.ceil(value as number) - 1);
    case 'between': return pair[0] > pair[1] ? 'false' : allOf([atLeast(pair[0]), atMost(pair[1])]);
    default: return 'false';
  }
};

const widen = (k: number, down: boolean) => k + (down ? -1 : 1) * 1e-9 * Math.max(1, Math.abs(k));

/** A derived fact: computed from stored inputs, never stored itself. */
const derivedPredicate = (registry: Registry, def: FactDef, p: Predicate, asOf: string): { t: Filter; f: Filter } => {
  const d = def.derived!;
  const inputs = d.args.map((a) => registry.get(a));
  if (inputs.some((i) => !isStoredFact(i))) return storedless(p);
  const value = resolveValue(p.value, asOf);
  if (d.formula === 'yearsSince') {
    const date = d.args[0];
    const present: Cond = { fact: date, test: null };
    if (p.op === 'exists') return p.value === false ? { t: leaf({ ...present, negate: true }), f: leaf(present) } : { t: leaf(present), f: leaf({ ...present, negate: true }) };
    const test = yearsSinceTest(asOf, p.op, value);
    if (test === 'false') return { t: FALSE, f: leaf(present) };
    return { t: leaf({ fact: date, test }), f: leaf({ fact: date, test: negTest(test) }) };
  }
  // ratio / difference of two stored facts, compared in SQL on the computed value with widened bounds
  const pair: [string, string] = [d.args[0], d.args[1]];
  const scale = d.formula === 'ratio' ? (d.scale ?? 1) : 1;
  const zeroValue = d.formula === 'ratio' && typeof d.whenZero === 'number' ? d.whenZero : null;
  const exactMath = d.formula === 'difference' && inputs.every((i) => i!.type === 'integer');
  const both: Cond = { pair, expr: d.formula, scale, test: null };
  const cmp = (op: LeafOp, k: number, outward: boolean): Cond => {
    // outward: widen so that the SQL side keeps every value JavaScript could compute on the boundary
    const bound = exactMath ? k : widen(k, outward ? op === 'gte' || op === 'gt' : op === 'lte' || op === 'lt');
    const sqlOp: LeafOp = exactMath ? op : op === 'gt' ? 'gte' : op === 'lt' ? 'lte' : op;
    // a ratio's SQL never divides by 0 (the zero divisor is its own case); a difference has none
    return { pair, expr: d.formula as 'ratio' | 'difference', scale, test: { op: sqlOp, value: bound }, ...(d.formula === 'ratio' ? { zero: false } : {}) };
  };
  const zeroCase = (pass: (x: number) => boolean): Filter[] => (zeroValue !== null && pass(zeroValue) ? [leaf({ pair, expr: 'ratio', scale, test: null, zero: true })] : []);
  const num = value as number;
  const range = value as number[];
  const js: Record<string, (x: number) => boolean> = {
    gte: (x) => x >= num, lte: (x) => x <= num, gt: (x) => x > num, lt: (x) => x < num,
    between: (x) => x >= range[0] && x <= range[1], eq: (x) => x === num, in: (x) => range.includes(x),
  };
  if (p.op === 'exists') {
    // known when both inputs are known (and, for a ratio without a value at zero, the divisor is not 0)
    const knownCond: Filter = zeroValue !== null || d.formula === 'difference' ? leaf(both) : leaf({ pair, expr: 'ratio', scale, test: null, zero: false });
    return p.value === false ? { t: { cond: true, exact: false }, f: knownCond } : { t: knownCond, f: { cond: true, exact: false } };
  }
  const exact = exactMath;
  let t: Filter;
  let f: Filter;
  switch (p.op as string) {
    case 'gte': case 'lte': case 'gt': case 'lt': {
      const op = p.op as LeafOp;
      t = or([leaf(cmp(op, num, true), exact), ...zeroCase(js[p.op])]);
      f = or([leaf(cmp(NEGATED[op], num, true), exact), ...zeroCase((x) => !js[p.op](x))]);
      break;
    }
    case 'between':
      t = or([and([leaf(cmp('gte', range[0], true), exact), leaf(cmp('lte', range[1], true), exact)]), ...zeroCase(js.between)]);
      f = or([leaf(cmp('lt', range[0], true), exact), leaf(cmp('gt', range[1], true), exact), ...zeroCase((x) => !js.between(x))]);
      break;
    case 'eq':
      t = or([and([leaf(cmp('gte', num, true), exact), leaf(cmp('lte', num, true), exact)]), ...zeroCase(js.eq)]);
      f = leaf(both, false);
      break;
    case 'in':
      t = or([...range.map((k) => and([leaf(cmp('gte', k, true), exact), leaf(cmp('lte', k, true), exact)])), ...zeroCase(js.in)]);
      f = leaf(both, false);
      break;
    default:
      t = leaf(both, false);
      f = leaf(both, false);
  }
  return { t, f };
};

/** A fact never stored in a profile (or unknown to the registry): always unknown there, so neither TRUE nor FALSE, except `exists`. */
const storedless = (p: Predicate): { t: Filter; f: Filter } => {
  if (p.op === 'exists') return p.value === false ? { t: TRUE, f: FALSE } : { t: FALSE, f: TRUE };
  return { t: FALSE, f: FALSE };
};

const predicate = (registry: Registry, p: Predicate, asOf: string): { t: Filter; f: Filter } => {
  const def = registry.get(p.field);
  if (!def) return storedless(p);
  if (def.derived) return derivedPredicate(registry, def, p, asOf);
  if (!isStoredFact(def)) return storedless(p);
  return storedPredicate(def, p, asOf);
};

/** TRUE and FALSE filters of a rule. */
export const ruleFilters = (registry: Registry, rule: Rule, asOf: string): { t: Filter; f: Filter } => {
  if (isKindRule(rule)) {
    return { t: leaf({ column: 'kind', op: 'eq', value: rule.kind }), f: leaf({ column: 'kind', op: 'ne', value: rule.kind }) };
  }
  if ('field' in rule) return predicate(registry, rule as Predicate, asOf);
  if ('not' in rule) {
    const inner = ruleFilters(registry, rule.not as Rule, asOf);
    return { t: inner.f, f: inner.t };
  }
  if ('all' in rule) {
    const parts = (rule.all as Rule[]).map((r) => ruleFilters(registry, r, asOf));
    return { t: and(parts.map((x) => x.t)), f: or(parts.map((x) => x.f)) };
  }
  const parts = ((rule as { any: Rule[] }).any).map((r) => ruleFilters(registry, r, asOf));
  return { t: or(parts.map((x) => x.t)), f: and(parts.map((x) => x.f)) };
};

export const rulePrefilter = (registry: Registry, rule: Rule, asOf: string): Filter => ruleFilters(registry, rule, asOf).t;

/**
 * The profiles on which a policy is eligible (exact) or a superset of them: its kind, the
 * jurisdiction on the chosen region fact of each kind, and one clause TRUE. A closed policy
 * (validity, deadline) is the caller's to check: this is about facts only.
 */
export const policyPrefilter = (registry: Registry, policy: MatchablePolicy, asOf: string): Filter => {
  const kinds: Kind[] = policy.audience === 'any' ? ['individual', 'enterprise'] : [policy.audience as Kind];
  const clauses = policy.clauses.length ? or(policy.clauses.map((c) => (c.rule ? rulePrefilter(registry, c.rule, asOf) : TRUE))) : TRUE;
  const perKind = kinds.map((kind) => {
    const parts: Filter[] = [leaf({ column: 'kind', op: 'eq', value: kind })];
    if (policy.jurisdiction) {
      const fact = jurisdictionFact(policy, kind);
      const [lo, hi] = regionRange(policy.jurisdiction);
      // the default region fact is the profile's own `region_code` column
      if (fact === DEFAULT_JURISDICTION_FACTS[kind]) parts.push(and([leaf({ column: 'region_code', op: 'gte', value: lo }), leaf({ column: 'region_code', op: 'lte', value: hi })]));
      else if (isStoredFact(registry.get(fact))) parts.push(leaf({ fact, test: allOf([{ col: 'v_text', op: 'gte', value: lo }, { col: 'v_text', op: 'lte', value: hi }]) }));
      else parts.push(FALSE);
    }
    return and(parts);
  });
  return and([or(perKind), clauses]);
};

/** How many fact subqueries a condition runs (the inline/background plan looks at it). */
export const subqueryCount = (cond: Cond): number => {
  if (typeof cond === 'boolean') return 0;
  if ('and' in cond) return cond.and.reduce((n, c) => n + subqueryCount(c), 0);
  if ('or' in cond) return cond.or.reduce((n, c) => n + subqueryCount(c), 0);
  return 'fact' in cond || 'pair' in cond ? 1 : 0;
};

/** Every fact code a rule names (the sensitive-sample check reads it). */
export const ruleFacts = (rule: Rule, out: { fact: string; value?: unknown; op?: string }[] = []) => {
  if ('field' in rule) out.push({ fact: (rule as Predicate).field, value: (rule as Predicate).value, op: (rule as Predicate).op });
  else if ('not' in rule) ruleFacts(rule.not as Rule, out);
  else if ('all' in rule) for (const r of rule.all as Rule[]) ruleFacts(r, out);
  else if ('any' in rule) for (const r of (rule as { any: Rule[] }).any) ruleFacts(r, out);
  return out;
};

export interface SqlTarget {
  profiles: string;
  facts: string;
  schema?: string;
  /** knex.raw of the connection, and whether it is PostgreSQL or SQLite. */
  raw: (sql: string, bindings?: unknown[]) => RawSql;
  postgres: boolean;
}

// any: knex's builder callbacks are typed per call site; a test applies to the subquery builder it is given
const applyTest = (qb: any, test: FactTest, alias: string): void => {
  if ('allOf' in test) {
    qb.where((sub: any) => { for (const t of test.allOf) applyTest(sub, t, alias); }); // any: nested knex builder
    return;
  }
  if ('anyOf' in test) {
    qb.where((sub: any) => { for (const t of test.anyOf) sub.orWhere((inner: any) => applyTest(inner, t, alias)); }); // any: nested knex builder
    return;
  }
  applyLeaf(qb, `${alias}.${test.col}`, test.op, test.value);
};

// any: knex takes a column or raw expression and binds any value; its overloads type only some pairs
const applyLeaf = (qb: any, col: unknown, op: LeafOp, value: unknown): void => {
  switch (op) {
    case 'eq': qb.where(col, value); break;
    case 'ne': qb.whereNotNull(col).where(col, '<>', value); break;
    case 'in': qb.whereIn(col, value as unknown[]); break;
    case 'notIn': qb.whereNotNull(col).whereNotIn(col, value as unknown[]); break;
    case 'gte': qb.where(col, '>=', value); break;
    case 'lte': qb.where(col, '<=', value); break;
    case 'gt': qb.where(col, '>', value); break;
    case 'lt': qb.where(col, '<', value); break;
    case 'notnull': qb.whereNotNull(col); break;
    case 'isnull': qb.whereNull(col); break;
    case 'prefix': qb.where(col, 'like', `${value}%`); break;
    case 'notPrefix': qb.whereNotNull(col).where(col, 'not like', `${value}%`); break;
  }
};

/** Applies a condition to a knex query on the profiles table: fact conditions become semi-joins on the fact rows. */
export const applyCond = (qb: QueryBuilder, cond: Cond, t: SqlTarget): QueryBuilder => {
  if (cond === true) return qb;
  if (cond === false) return qb.whereRaw('1 = 0');
  if ('and' in cond) return qb.where((sub) => { for (const c of cond.and) applyCond(sub, c, t); });
  if ('or' in cond) return qb.where((sub) => { for (const c of cond.or) sub.orWhere((inner) => applyCond(inner, c, t)); });
  if ('column' in cond) {
    applyLeaf(qb, `${t.profiles}.${cond.column}`, cond.op, cond.value);
    return qb;
  }
  if ('fact' in cond) {
    if (cond.negate) {
      // any: knex's whereNotExists callback is bound to a fresh builder
      return qb.whereNotExists(function (this: any) {
        const from = t.schema ? this.withSchema(t.schema) : this;
        from.select(1).from(`${t.facts} as f`).whereRaw('f.profile_id = ??.id', [t.profiles]).where('f.fact', cond.fact);
        if (cond.test) applyTest(from, cond.test, 'f');
      });
    }
    // any: knex's whereIn subquery callback is bound to a fresh builder
    return qb.whereIn(`${t.profiles}.id`, function (this: any) {
      const from = t.schema ? this.withSchema(t.schema) : this;
      from.select('f.profile_id').from(`${t.facts} as f`).where('f.fact', cond.fact);
      if (cond.test) applyTest(from, cond.test, 'f');
    });
  }
  // a pair of facts (ratio / difference): a semi-join of the two rows of one profile
  const c = cond;
  // any: knex's whereIn subquery callback is bound to a fresh builder
  return qb.whereIn(`${t.profiles}.id`, function (this: any) {
    const from = t.schema ? this.withSchema(t.schema) : this;
    from.select('x.profile_id').from(`${t.facts} as x`).join(`${t.facts} as y`, (j: any) => j.on('y.profile_id', '=', 'x.profile_id')) // any: knex join clause
      .where('x.fact', c.pair[0]).where('y.fact', c.pair[1]).whereNotNull('x.v_num').whereNotNull('y.v_num');
    if (c.zero === true) from.where('y.v_num', 0);
    else if (c.zero === false) from.whereNot('y.v_num', 0);
    if (c.test) {
      const expr = c.expr === 'ratio' ? t.raw('(x.v_num * ? / y.v_num)', [c.scale]) : t.raw('(x.v_num - y.v_num)', []);
      applyLeaf(from, expr, c.test.op, c.test.value);
    }
  });
};
