import { ageOn } from './dates';
import { FIELD_BY_NAME, type FieldDef } from './fields';
import { kleeneAll, kleeneAny, kleeneNot, type Tri } from './kleene';
import { isWithinRegion } from './region';
import type { Ordered, Predicate, Rule } from './validate-rule';

export type Facts = Record<string, unknown>;

/** zh (and bo) names of codes: regions, tags, industries. */
export type NameLookup = (code: string) => { zh: string; bo?: string | null } | undefined;

export interface Explanation {
  field: string;
  result: Tri;
  zh: string;
  /** Present only when every word of the line has a Tibetan translation. */
  bo?: string;
}

export interface RuleOutcome {
  result: Tri;
  /** Facts whose absence makes this outcome unknown (empty unless `result` is null). */
  missing: string[];
  explanations: Explanation[];
}

const MARK = (r: Tri) => (r === true ? '✓' : r === false ? '✗' : '?');

/** A fact as the rule sees it: null or absent is unknown; age comes from the birth date when not given. */
export const factValue = (facts: Facts, field: string, asOf: string): unknown => {
  const v = facts[field];
  if (v !== undefined && v !== null) return v;
  if (field === 'age' && typeof facts.birthDate === 'string') return ageOn(facts.birthDate, asOf);
  return null;
};

/** eq on a list tests membership; on a region, containment; on an industry, the code or its parent. */
const equals = (def: FieldDef, actual: unknown, expected: unknown): boolean => {
  switch (def.type) {
    case 'tag-list':
      return Array.isArray(actual) && actual.includes(expected);
    case 'region':
      return isWithinRegion(String(actual), String(expected));
    case 'industry':
      return String(actual).startsWith(String(expected));
    default:
      return actual === expected;
  }
};

export const testPredicate = (p: Predicate, facts: Facts, asOf: string): Tri => {
  const def = FIELD_BY_NAME.get(p.field);
  if (!def) return null;
  const actual = factValue(facts, p.field, asOf);
  if (p.op === 'exists') {
    const present = actual !== null && !(Array.isArray(actual) && actual.length === 0);
    return p.value === false ? !present : present;
  }
  if (actual === null) return null;
  const v = p.value;
  const a = actual as Ordered;
  const o = v as Ordered;
  switch (p.op) {
    case 'eq':
      return equals(def, actual, v);
    case 'in':
      return (v as unknown[]).some((x) => equals(def, actual, x));
    case 'gte':
      return a >= o;
    case 'lte':
      return a <= o;
    case 'between':
      return a >= (v as Ordered[])[0] && a <= (v as Ordered[])[1];
    case 'before':
      return a < o;
    case 'after':
      return a > o;
    default:
      return null;
  }
};

const valueName = (def: FieldDef, value: unknown, names?: NameLookup): { zh: string; bo?: string } => {
  if (def.type === 'enum') {
    const n = def.values?.[String(value)];
    return { zh: n?.zh ?? String(value), bo: n?.bo };
  }
  if (def.type === 'region' || def.type === 'industry' || def.type === 'tag-list') {
    const n = names?.(String(value));
    return n ? { zh: n.zh, bo: n.bo ?? undefined } : { zh: String(value) };
  }
  if (typeof value === 'boolean') return { zh: value ? '是' : '否' };
  const text = `${value}`;
  return { zh: text, bo: text };
};

/** "年龄 35 ≤ 40 ✓", "户籍所在地 康定市 属于 甘孜藏族自治州 ✓", "身份：未提供（需包含 高校毕业生）?" */
export const explainPredicate = (p: Predicate, facts: Facts, asOf: string, result: Tri, names?: NameLookup): Explanation => {
  const def = FIELD_BY_NAME.get(p.field)!;
  const actual = factValue(facts, p.field, asOf);
  const name = (v: unknown) => valueName(def, v, names);
  const list = (vs: unknown[]) => vs.map(name);
  const unit = def.unit ?? '';
  let zhCond: string;
  let boCond: string | undefined;
  const v = p.value;
  const pair = v as Ordered[];
  const one = p.op === 'in' ? null : p.op === 'between' ? null : v === undefined ? null : name(v);
  const isMember = def.type === 'tag-list';
  const isWithin = def.type === 'region' || def.type === 'industry';
  switch (p.op) {
    case 'eq':
      zhCond = isMember ? `包含 ${one!.zh}` : isWithin ? `属于 ${one!.zh}` : `= ${one!.zh}${unit}`;
      boCond = one!.bo !== undefined ? `${isMember || isWithin ? '∈' : '='} ${one!.bo}` : undefined;
      break;
    case 'in': {
      const ns = list(v as unknown[]);
      zhCond = `${isMember ? '包含其一' : '属于'} {${ns.map((n) => n.zh).join('、')}}`;
      boCond = ns.every((n) => n.bo !== undefined) ? `∈ {${ns.map((n) => n.bo).join('، ')}}` : undefined;
      break;
    }
    case 'gte':
      zhCond = `≥ ${one!.zh}${unit}`;
      boCond = `≥ ${one!.zh}`;
      break;
    case 'lte':
      zhCond = `≤ ${one!.zh}${unit}`;
      boCond = `≤ ${one!.zh}`;
      break;
    case 'between':
      zhCond = `在 ${pair[0]}–${pair[1]}${unit} 之间（含）`;
      boCond = `${pair[0]}–${pair[1]}`;
      break;
    case 'before':
      zhCond = `早于 ${v}`;
      boCond = `< ${v}`;
      break;
    case 'after':
      zhCond = `晚于 ${v}`;
      boCond = `> ${v}`;
      break;
    case 'exists':
      zhCond = p.value === false ? '未提供' : '已提供';
      boCond = undefined;
      break;
  }
  const mark = MARK(result);
  let zh: string;
  let bo: string | undefined;
  if (p.op === 'exists') {
    zh = `${def.labelZh} ${zhCond} ${mark}`;
  } else if (actual === null) {
    zh = `${def.labelZh}：未提供（需 ${zhCond}）${mark}`;
    bo = def.labelBo && boCond ? `${def.labelBo} ? (${boCond}) ${mark}` : undefined;
  } else {
    const shown = Array.isArray(actual) ? list(actual) : [name(actual)];
    const derived = p.field === 'age' && facts.age == null ? `（按出生日期 ${facts.birthDate} 计）` : '';
    const actualZh = shown.map((n) => n.zh).join('、') || '无';
    zh = isMember ? `${def.labelZh} {${actualZh}} ${zhCond} ${mark}` : `${def.labelZh} ${actualZh}${isWithin ? '' : unit}${derived} ${zhCond} ${mark}`;
    const actualBo = shown.every((n) => n.bo !== undefined) ? shown.map((n) => n.bo).join('، ') : undefined;
    bo = def.labelBo && boCond && actualBo !== undefined ? `${def.labelBo} ${actualBo} ${boCond} ${mark}` : undefined;
  }
  return bo ? { field: p.field, result, zh, bo } : { field: p.field, result, zh };
};

const isPredicate = (r: Rule): r is Predicate => 'field' in r;

/**
 * Evaluates a (validated) rule three-valued: a missing fact is unknown, `all` is false if any part
 * is false else unknown if any is, `any` is true if any part is true else unknown if any is, and
 * `not` keeps unknown. `missing` lists the facts of the unknown parts that decide the outcome.
 */
export const evaluateRule = (rule: Rule, facts: Facts, asOf: string, names?: NameLookup, explain = true): RuleOutcome => {
  const explanations: Explanation[] = [];
  const walk = (node: Rule): { result: Tri; missing: Set<string> } => {
    if (isPredicate(node)) {
      const result = testPredicate(node, facts, asOf);
      if (explain) explanations.push(explainPredicate(node, facts, asOf, result, names));
      return { result, missing: result === null ? new Set([node.field]) : new Set() };
    }
    if ('not' in node) {
      const inner = walk(node.not);
      return { result: kleeneNot(inner.result), missing: inner.missing };
    }
    const parts = ('all' in node ? node.all : node.any).map(walk);
    const result = 'all' in node ? kleeneAll(parts.map((p) => p.result)) : kleeneAny(parts.map((p) => p.result));
    const missing = new Set<string>();
    if (result === null) for (const p of parts) if (p.result === null) p.missing.forEach((m) => missing.add(m));
    return { result, missing };
  };
  const { result, missing } = walk(rule);
  return { result, missing: [...missing], explanations };
};
