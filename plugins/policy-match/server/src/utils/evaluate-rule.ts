import type { Audience } from './fields';
import { kleeneAll, kleeneAny, kleeneNot, type Tri } from './kleene';
import { isWithinRegion, regionPrefix } from './region';
import { deriveValue, enumPosition, type FactDef, type Registry } from './registry';
import { describeRelative, isRelative, resolveValue } from './relative';
import { isKindRule, isPredicate, type KindRule, type Ordered, type Predicate, type Rule } from './validate-rule';

export type Facts = Record<string, unknown>;

/** A profile as a rule sees it: its kind (individual / enterprise, always known) and its facts. */
export interface Subject {
  kind: Audience;
  facts: Facts;
}

/** zh (and bo) names of codes: regions, tags, industries. */
export type NameLookup = (code: string) => { zh: string; bo?: string | null } | undefined;

/** What every evaluation needs: the facts' registry and the evaluation day (YYYY-MM-DD, China). */
export interface EvalContext {
  registry: Registry;
  asOf: string;
  names?: NameLookup;
}

export interface Explanation {
  /** The fact tested, or "kind". */
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

/** A fact's value for a rule: null when unknown, with the askable facts that would settle it. */
export interface FactReading {
  value: unknown;
  /** Empty when the value is known. */
  missing: string[];
}

/**
 * Reads one fact of a profile. Null or absent is unknown; an enum code the fact no longer has reads
 * as unknown. A derived fact is computed from its inputs on `asOf` (an askable one, such as age, may
 * also be given directly); when it is unknown, an askable derived fact reports itself as missing, a
 * non-askable one its unknown inputs (layoffRate → layoffsLastYear, insuredEmployees).
 */
export const readFact = (registry: Registry, facts: Facts, code: string, asOf: string): FactReading => {
  const def = registry.get(code);
  if (!def) return { value: null, missing: [code] };
  const given = facts[code];
  if (def.derived && !(def.askable && given !== undefined && given !== null)) {
    const value = deriveValue(def.derived, (c) => facts[c] ?? null, asOf);
    if (value !== null) return { value, missing: [] };
    if (def.askable) return { value: null, missing: [code] };
    const inputs = registry.inputsOf(code);
    const unknown = inputs.filter((c) => facts[c] === undefined || facts[c] === null);
    // b = 0 in a ratio whose whenZero is 'unknown': asking the divisor again is what can change it
    return { value: null, missing: unknown.length ? unknown : inputs.slice(-1) };
  }
  if (given === undefined || given === null) return { value: null, missing: [code] };
  if (def.type === 'enum' && enumPosition(def, given) < 0) return { value: null, missing: [code] };
  return { value: given, missing: [] };
};

/** eq on a list tests membership; on a region, containment; on an industry, the code or its parent. */
export const factEquals = (def: FactDef, actual: unknown, expected: unknown): boolean => {
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

/**
 * The test of a known value against a predicate whose value is already resolved (no relative
 * parts left): the same function serves the explaining evaluator and the compiled one.
 */
export const comparator = (def: FactDef, op: Predicate['op'], value: unknown): ((actual: unknown) => boolean) => {
  const ordered = def.type === 'enum';
  const key = (v: unknown): Ordered => (ordered ? enumPosition(def, v) : (v as Ordered));
  const o = key(value);
  const pair = Array.isArray(value) ? value.map(key) : [];
  if (def.type === 'region' && (op === 'eq' || op === 'in')) {
    // containment by prefix, computed once (the forward match runs this per profile and policy)
    const prefixes = (op === 'in' ? (value as string[]) : [value as string]).map(regionPrefix);
    return (a) => prefixes.some((p) => String(a).startsWith(p));
  }
  switch (op) {
    case 'eq':
      return (a) => factEquals(def, a, value);
    case 'in': {
      const list = value as unknown[];
      return (a) => list.some((x) => factEquals(def, a, x));
    }
    case 'gte':
      return (a) => key(a) >= o;
    case 'lte':
      return (a) => key(a) <= o;
    case 'gt':
    case 'after':
      return (a) => key(a) > o;
    case 'lt':
    case 'before':
      return (a) => key(a) < o;
    case 'between':
      return (a) => key(a) >= pair[0] && key(a) <= pair[1];
    default:
      return () => false;
  }
};

const isPresent = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** A predicate, three-valued: an unknown fact is unknown, except for `exists` (an empty list is absent). */
export const testPredicate = (p: Predicate, subject: Subject, ctx: EvalContext): Tri => {
  const def = ctx.registry.get(p.field);
  if (!def) return null;
  const { value } = readFact(ctx.registry, subject.facts, p.field, ctx.asOf);
  if (p.op === 'exists') return p.value === false ? !isPresent(value) : isPresent(value);
  if (value === null) return null;
  return comparator(def, p.op, resolveValue(p.value, ctx.asOf))(value);
};

const KIND_NAMES: Record<Audience, string> = { individual: '个人', enterprise: '企业' };

/** "申请主体 企业 属于 企业 ✓" */
export const explainKind = (rule: KindRule, subject: Subject, result: Tri): Explanation => ({
  field: 'kind', result, zh: `申请主体 ${KIND_NAMES[subject.kind]} 属于 ${KIND_NAMES[rule.kind]} ${MARK(result)}`,
});

const valueName = (def: FactDef, value: unknown, names?: NameLookup): { zh: string; bo?: string } => {
  if (def.type === 'enum') {
    const n = def.values?.find((v) => v.code === value);
    return { zh: n?.zh ?? String(value), bo: n?.bo ?? undefined };
  }
  if (def.type === 'region' || def.type === 'industry' || def.type === 'tag-list') {
    const n = names?.(String(value));
    return n ? { zh: n.zh, bo: n.bo ?? undefined } : { zh: String(value) };
  }
  if (typeof value === 'boolean') return { zh: value ? '是' : '否' };
  const text = typeof value === 'number' && !Number.isInteger(value) ? String(Math.round(value * 100) / 100) : `${value}`;
  return { zh: text, bo: text };
};

/** "（13÷150）", "（400−370）", "（按出生日期 1990-06-15 计）": how a derived value came about. */
const derivation = (registry: Registry, def: FactDef, facts: Facts): string => {
  if (!def.derived || (def.askable && facts[def.code] != null)) return '';
  const [a, b] = def.derived.args;
  switch (def.derived.formula) {
    case 'ratio':
      return `（${facts[a]}÷${facts[b]}）`;
    case 'difference':
      return `（${facts[a]}−${facts[b]}）`;
    case 'yearsSince':
      return `（按${registry.get(a)?.labelZh ?? a} ${facts[a]} 计）`;
  }
};

/** "年龄 35岁 ≤ 40岁 ✓", "户籍所在地 康定市 属于 甘孜藏族自治州 ✓", "身份：未提供（需包含 高校毕业生）?", "退役日期 2025-09-15 ≥ 2025-07-01（评估日前1年） ✓" */
export const explainPredicate = (p: Predicate, subject: Subject, ctx: EvalContext, result: Tri): Explanation => {
  const { registry, asOf, names } = ctx;
  const def = registry.get(p.field)!;
  const { value: actual } = readFact(registry, subject.facts, p.field, asOf);
  const name = (v: unknown) => valueName(def, v, names);
  const unit = def.unit ?? '';
  const resolved = resolveValue(p.value, asOf);
  const relNote = (raw: unknown) => (isRelative(raw) ? `（${describeRelative(raw)}）` : '');
  const v = resolved;
  const pair = (Array.isArray(v) ? v : []) as unknown[];
  const rawPair = (Array.isArray(p.value) ? p.value : []) as unknown[];
  const one = p.op === 'in' || p.op === 'between' || v === undefined ? null : name(v);
  const isMember = def.type === 'tag-list';
  const isWithin = def.type === 'region' || def.type === 'industry';
  let zhCond: string;
  let boCond: string | undefined;
  const bound = (sym: string) => {
    zhCond = `${sym} ${one!.zh}${unit}${relNote(p.value)}`;
    boCond = one!.bo !== undefined ? `${sym} ${one!.bo}` : undefined;
  };
  switch (p.op) {
    case 'eq':
      zhCond = isMember ? `包含 ${one!.zh}` : isWithin ? `属于 ${one!.zh}` : `= ${one!.zh}${unit}${relNote(p.value)}`;
      boCond = one!.bo !== undefined ? `${isMember || isWithin ? '∈' : '='} ${one!.bo}` : undefined;
      break;
    case 'in': {
      const ns = (v as unknown[]).map(name);
      zhCond = `${isMember ? '包含其一' : '属于'} {${ns.map((n) => n.zh).join('、')}}`;
      boCond = ns.every((n) => n.bo !== undefined) ? `∈ {${ns.map((n) => n.bo).join('، ')}}` : undefined;
      break;
    }
    case 'gte':
      bound('≥');
      break;
    case 'lte':
      bound('≤');
      break;
    case 'gt':
      bound('>');
      break;
    case 'lt':
      bound('<');
      break;
    case 'between': {
      const [lo, hi] = pair.map(name);
      zhCond = `在 ${lo.zh}${relNote(rawPair[0])}–${hi.zh}${unit}${relNote(rawPair[1])} 之间（含）`;
      boCond = lo.bo !== undefined && hi.bo !== undefined ? `${lo.bo}–${hi.bo}` : undefined;
      break;
    }
    case 'before':
      zhCond = `早于 ${v}${relNote(p.value)}`;
      boCond = `< ${v}`;
      break;
    case 'after':
      zhCond = `晚于 ${v}${relNote(p.value)}`;
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
    zh = `${def.labelZh} ${zhCond!} ${mark}`;
  } else if (actual === null) {
    zh = `${def.labelZh}：未提供（需 ${zhCond!}）${mark}`;
    bo = def.labelBo && boCond ? `${def.labelBo} ? (${boCond}) ${mark}` : undefined;
  } else {
    const shown = Array.isArray(actual) ? actual.map(name) : [name(actual)];
    const actualZh = shown.map((n) => n.zh).join('、') || '无';
    zh = isMember
      ? `${def.labelZh} {${actualZh}} ${zhCond!} ${mark}`
      : `${def.labelZh} ${actualZh}${isWithin ? '' : unit}${derivation(registry, def, subject.facts)} ${zhCond!} ${mark}`;
    const actualBo = shown.every((n) => n.bo !== undefined) ? shown.map((n) => n.bo).join('، ') : undefined;
    bo = def.labelBo && boCond && actualBo !== undefined ? `${def.labelBo} ${actualBo} ${boCond} ${mark}` : undefined;
  }
  return bo ? { field: p.field, result, zh, bo } : { field: p.field, result, zh };
};

/**
 * Evaluates a (validated) rule three-valued: a missing fact is unknown, `all` is false if any part
 * is false else unknown if any is, `any` is true if any part is true else unknown if any is, and
 * `not` keeps unknown; `{ kind }` is never unknown. `missing` lists the facts of the unknown parts
 * that decide the outcome (for a derived fact: itself if askable, else its unknown inputs).
 */
export const evaluateRule = (rule: Rule, subject: Subject, ctx: EvalContext & { explain?: boolean }): RuleOutcome => {
  const explain = ctx.explain ?? true;
  const explanations: Explanation[] = [];
  const walk = (node: Rule): { result: Tri; missing: Set<string> } => {
    if (isKindRule(node)) {
      const result = subject.kind === node.kind;
      if (explain) explanations.push(explainKind(node, subject, result));
      return { result, missing: new Set() };
    }
    if (isPredicate(node)) {
      const result = testPredicate(node, subject, ctx);
      if (explain) explanations.push(explainPredicate(node, subject, ctx, result));
      return { result, missing: result === null ? new Set(readFact(ctx.registry, subject.facts, node.field, ctx.asOf).missing) : new Set() };
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
