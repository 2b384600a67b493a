import { addDays, addYears } from './dates';
import { FIELD_BY_NAME, type FieldType } from './fields';
import { regionRange } from './region';
import { DEFAULT_JURISDICTION_FACTS, jurisdictionFact, type MatchablePolicy } from './evaluate-policy';
import { hasRelative } from './relative';
import type { QueryBuilder, RawSql } from './knex';
import type { Ordered, Predicate, Rule } from './validate-rule';

/**
 * A condition on the indexed columns of stored profiles that every profile for which the rule is
 * TRUE satisfies (a superset: the rule itself is evaluated in JS afterwards). Parts the columns
 * cannot express — `not`, facts kept only in JSON — become `true` (no constraint).
 */
export type LeafOp = 'eq' | 'ne' | 'in' | 'notIn' | 'gte' | 'lte' | 'gt' | 'lt' | 'notnull' | 'isnull' | 'prefix' | 'notPrefix';
export type Cond =
  | true
  | { and: Cond[] }
  | { or: Cond[] }
  | { column: string; op: LeafOp; value?: unknown }
  /** A fact kept only in the profile's JSON (PostgreSQL jsonb ->>, SQLite json_extract). */
  | { json: string; type: FieldType; op: LeafOp; value?: unknown }
  | { tags: string[] };

const and = (parts: Cond[]): Cond => {
  const kept = parts.filter((p) => p !== true);
  return kept.length === 0 ? true : kept.length === 1 ? kept[0] : { and: kept };
};
const or = (parts: Cond[]): Cond => (parts.some((p) => p === true) || parts.length === 0 ? true : parts.length === 1 ? parts[0] : { or: parts });

const range = (column: string, lo: unknown, hi: unknown): Cond => and([{ column, op: 'gte', value: lo }, { column, op: 'lte', value: hi }]);

/** Birth dates of people whose age on `asOf` lies in [lo, hi], widened by a day each side (leap days). */
const ageRange = (asOf: string, lo: number | null, hi: number | null): Cond =>
  and([
    lo === null ? true : { column: 'birth_date', op: 'lte', value: addDays(addYears(asOf, -lo), 1) },
    hi === null ? true : { column: 'birth_date', op: 'gte', value: addDays(addYears(asOf, -(hi + 1)), -1) },
  ]);

// B: forms of the new rule language this pre-filter does not translate yet give no constraint (a
// superset stays correct): values relative to the evaluation day, and ordered-enum comparisons
// (the column holds codes, whose text order is not the list order).
const untranslated = (p: Predicate, type: FieldType): boolean =>
  hasRelative(p.value) || (type === 'enum' && (p.op === 'gte' || p.op === 'lte' || p.op === 'between'));

const predicateCond = (p: Predicate, asOf: string): Cond => {
  const def = FIELD_BY_NAME.get(p.field);
  if (!def || untranslated(p, def.type)) return true;
  const v = p.value;
  const pair = v as Ordered[];
  if (def.type === 'tag-list') {
    if (p.op === 'eq') return { tags: [`${p.field}:${v}`] };
    if (p.op === 'in') return { tags: (v as string[]).map((c) => `${p.field}:${c}`) };
    return true;
  }
  if (p.field === 'age') {
    switch (p.op) {
      case 'eq': return ageRange(asOf, v as number, v as number);
      case 'in': return or((v as number[]).map((a) => ageRange(asOf, a, a)));
      case 'gte': return ageRange(asOf, v as number, null);
      case 'lte': return ageRange(asOf, null, v as number);
      case 'between': return ageRange(asOf, pair[0] as number, pair[1] as number);
      case 'exists': return p.value === false ? true : { column: 'birth_date', op: 'notnull' };
      default: return true;
    }
  }
  if (!def.column) return jsonPredicate(p, def.type, false);
  const column = def.column;
  if (p.op === 'exists') return p.value === false ? true : { column, op: 'notnull' };
  if (def.type === 'region') {
    const values = p.op === 'eq' ? [v as string] : (v as string[]);
    return or(values.map((code) => { const [lo, hi] = regionRange(code); return range(column, lo, hi); }));
  }
  if (def.type === 'industry') {
    const values = p.op === 'eq' ? [v as string] : (v as string[]);
    return or(values.map((code) => ({ column, op: 'prefix' as const, value: code })));
  }
  switch (p.op) {
    case 'eq': return { column, op: 'eq', value: v };
    case 'in': return { column, op: 'in', value: v };
    case 'gte': return { column, op: 'gte', value: v };
    case 'lte': return { column, op: 'lte', value: v };
    case 'between': return range(column, pair[0], pair[1]);
    case 'before': return { column, op: 'lt', value: v };
    case 'after': return { column, op: 'gt', value: v };
    default: return true;
  }
};

/**
 * A fact kept only in JSON: the predicate's TRUE condition, or (negated) its FALSE condition — both
 * require the fact to be present, as three-valued logic does (a missing fact is neither).
 */
const jsonPredicate = (p: Predicate, type: FieldType, negated: boolean): Cond => {
  const v = p.value;
  const pair = v as Ordered[];
  const leaf = (op: LeafOp, value?: unknown): Cond => ({ json: p.field, type, op, value });
  if (type === 'region' || type === 'industry' || type === 'tag-list') return true;
  switch (p.op) {
    case 'exists':
      return (p.value === false) !== negated ? leaf('isnull') : leaf('notnull');
    case 'eq': return leaf(negated ? 'ne' : 'eq', v);
    case 'in': return leaf(negated ? 'notIn' : 'in', v);
    case 'gte': return leaf(negated ? 'lt' : 'gte', v);
    case 'lte': return leaf(negated ? 'gt' : 'lte', v);
    case 'before': return leaf(negated ? 'gte' : 'lt', v);
    case 'after': return leaf(negated ? 'lte' : 'gt', v);
    case 'between': return negated ? or([leaf('lt', pair[0]), leaf('gt', pair[1])]) : and([leaf('gte', pair[0]), leaf('lte', pair[1])]);
    default: return true;
  }
};

/** What every profile for which the predicate is FALSE satisfies (exact where cheap, else no constraint). */
const predicateFalse = (p: Predicate): Cond => {
  const def = FIELD_BY_NAME.get(p.field);
  if (!def || def.type === 'tag-list' || p.field === 'age' || untranslated(p, def.type)) return true;
  if (!def.column) return jsonPredicate(p, def.type, true);
  const column = def.column;
  const v = p.value;
  const pair = v as Ordered[];
  if (def.type === 'region' || def.type === 'industry') return true;
  switch (p.op) {
    case 'exists': return p.value === false ? { column, op: 'notnull' } : { column, op: 'isnull' };
    case 'eq': return { column, op: 'ne', value: v };
    case 'in': return { column, op: 'notIn', value: v };
    case 'gte': return { column, op: 'lt', value: v };
    case 'lte': return { column, op: 'gt', value: v };
    case 'before': return { column, op: 'gte', value: v };
    case 'after': return { column, op: 'lte', value: v };
    case 'between': return or([{ column, op: 'lt', value: pair[0] }, { column, op: 'gt', value: pair[1] }]);
    default: return true;
  }
};

/** A superset of the profiles for which the rule is FALSE: `not` pre-filters through it. */
export const ruleFalseFilter = (rule: Rule, asOf: string): Cond => {
  if ('kind' in rule) return { column: 'kind', op: 'ne', value: rule.kind }; // B
  if ('field' in rule) return predicateFalse(rule);
  if ('not' in rule) return rulePrefilter(rule.not, asOf);
  if ('all' in rule) return or(rule.all.map((r) => ruleFalseFilter(r, asOf)));
  return and(rule.any.map((r) => ruleFalseFilter(r, asOf)));
};

export const rulePrefilter = (rule: Rule, asOf: string): Cond => {
  if ('kind' in rule) return { column: 'kind', op: 'eq', value: rule.kind }; // B
  if ('field' in rule) return predicateCond(rule, asOf);
  if ('not' in rule) return ruleFalseFilter(rule.not, asOf);
  if ('all' in rule) return and(rule.all.map((r) => rulePrefilter(r, asOf)));
  return or(rule.any.map((r) => rulePrefilter(r, asOf)));
};

/** Everything a profile needs to be eligible: its kind, a home region in the jurisdiction, and one clause. */
export const policyPrefilter = (policy: MatchablePolicy, asOf: string): Cond => {
  const clauses = policy.clauses.length ? or(policy.clauses.map((c) => (c.rule ? rulePrefilter(c.rule, asOf) : true))) : true;
  return and([
    policy.audience === 'any' ? true : { column: 'kind', op: 'eq', value: policy.audience },
    // B: region_code holds the default region fact; a policy testing another one (常住地) is not narrowed by it
    policy.jurisdiction && (['individual', 'enterprise'] as const).every((k) => jurisdictionFact(policy, k) === DEFAULT_JURISDICTION_FACTS[k])
      ? range('region_code', ...regionRange(policy.jurisdiction))
      : true,
    clauses,
  ]);
};

export interface SqlTarget {
  profiles: string;
  tags: string;
  schema?: string;
  /** knex.raw of the connection, and whether it is PostgreSQL (jsonb) or SQLite (json_extract). */
  raw: (sql: string, bindings?: unknown[]) => RawSql;
  postgres: boolean;
}

const jsonValue = (type: FieldType, value: unknown, postgres: boolean) =>
  type === 'boolean' ? (postgres ? String(value) : value ? 1 : 0) : value;

/** Applies a condition to a knex query on the profiles table; tag conditions become EXISTS on the tag rows. */
export const applyCond = (qb: QueryBuilder, cond: Cond, tables: SqlTarget): QueryBuilder => {
  if (cond === true) return qb;
  if ('and' in cond) return qb.where((sub) => { for (const c of cond.and) applyCond(sub, c, tables); });
  if ('or' in cond) return qb.where((sub) => { for (const c of cond.or) sub.orWhere((inner) => applyCond(inner, c, tables)); });
  if ('tags' in cond) {
    // any: knex selects the literal 1 here (EXISTS), which its types, all column names, do not allow
    return qb.whereExists(function (this: any) {
      const from = tables.schema ? this.withSchema(tables.schema) : this;
      from.select(1).from(tables.tags).whereRaw('??.profile_id = ??.id', [tables.tags, tables.profiles]).whereIn('tag', cond.tags);
    });
  }
  let col: string | RawSql;
  let value: unknown = cond.value;
  if ('json' in cond) {
    const numeric = cond.type === 'integer' || cond.type === 'number';
    col = tables.postgres
      ? tables.raw(numeric ? '((??.facts->>?)::numeric)' : '(??.facts->>?)', [tables.profiles, cond.json])
      : tables.raw('json_extract(??.facts, ?)', [tables.profiles, `$.${cond.json}`]);
    value = Array.isArray(value) ? value.map((v) => jsonValue(cond.type, v, tables.postgres)) : jsonValue(cond.type, value, tables.postgres);
  } else {
    col = `${tables.profiles}.${cond.column}`;
  }
  // any: knex takes a raw expression wherever it takes a column and binds any value; its overloads type only some of these pairs
  const leaf: any = qb;
  switch (cond.op) {
    case 'eq': return leaf.where(col, value);
    case 'ne': return leaf.where(col, '<>', value);
    case 'in': return leaf.whereIn(col, value as unknown[]);
    case 'notIn': return leaf.whereNotNull(col).whereNotIn(col, value as unknown[]);
    case 'gte': return leaf.where(col, '>=', value);
    case 'lte': return leaf.where(col, '<=', value);
    case 'gt': return leaf.where(col, '>', value);
    case 'lt': return leaf.where(col, '<', value);
    case 'notnull': return leaf.whereNotNull(col);
    case 'isnull': return leaf.whereNull(col);
    case 'prefix': return leaf.where(col, 'like', `${value}%`);
    case 'notPrefix': return leaf.where(col, 'not like', `${value}%`);
  }
  return qb;
};
