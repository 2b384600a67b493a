import { addDays, addYears } from './dates';
import type { Facts } from './evaluate-rule';
import { prepareFacts, type CompiledRule } from './compile-rule';
import { jurisdictionFact, quickStatus, type MatchablePolicy, type MatchStatus } from './evaluate-policy';
import { resolveValue } from './relative';
import type { Audience } from './fields';
import { serves, type FactDef, type Registry } from './registry';
import type { Rule } from './validate-rule';

/**
 * The next question of the questionnaire (issue #19, design §3.2): among the facts that the
 * possibly-eligible results of a match are waiting for, the one whose answer settles the most of
 * them. Pure: the matcher hands in the open results and a `probe` that re-runs their status with
 * trial answers added to the profile.
 */

/** What the questionnaire reads of the registry. */
export type QuestionRegistry = Pick<Registry, 'get' | 'inputsOf'>;

/** A possibly-eligible result of the match: the facts it waits for and the rules that name them. */
export interface OpenResult {
  missing: readonly string[];
  rules: readonly (Rule | null | undefined)[];
  /** The policy's jurisdiction, tested against the profile's region fact `fact`. */
  jurisdiction?: { code: string; fact: string } | null;
}

export type QuestionLocale = 'zh-Hans' | 'bo';

export interface QuestionInput {
  registry: QuestionRegistry;
  kind: Audience;
  /** The facts the profile already has (never asked again). */
  given: Facts;
  /** Facts the person chose not to answer (never asked again). */
  declined: readonly string[];
  locale: QuestionLocale;
  asOf: string;
  /** The possibly-eligible results, in the order the answer displays them. */
  open: readonly OpenResult[];
  /** The status of `open[i]` with `extra` added to the profile's facts. */
  probe: (extra: Facts) => (index: number) => MatchStatus;
  /** A relative value (`{ today: … }`, `{ thisYear: n }`) resolved on the evaluation day; plain values unchanged. */
  resolve?: (def: FactDef, value: unknown, asOf: string) => unknown;
  /** zh/bo names of tag and region codes, for options. */
  names?: (code: string) => { zh: string; bo?: string | null } | undefined;
  /** Most trial evaluations per request (candidates × answers × results). */
  budget?: number;
}

export interface QuestionOption {
  value: unknown;
  label: string;
}

export interface QuestionFact {
  code: string;
  type: string;
  label: string;
  unit?: string;
  min?: number;
  max?: number;
  options?: QuestionOption[];
  multiple?: true;
  /** Region questions: a code outside the options may be given. */
  freeCode?: true;
}

export interface NextQuestion {
  id: string;
  label: string;
  /** How the questionnaire asks it ("您的户口性质是？"); the label when the registry has no wording. */
  question: string;
  labelZh: string;
  labelBo: string | null;
  translationPending: boolean;
  help: string | null;
  sensitive: boolean;
  facts: QuestionFact[];
  /** Results settled by this question whatever the answer. */
  settles: number;
  /** Results waiting for this question. */
  touches: number;
}

export const QUESTION_BUDGET = 4_000;
/** Candidates scored in full (the largest `touches` first). */
export const MAX_CANDIDATES = 8;

const COST: Record<string, number> = { boolean: 1, enum: 2, 'tag-list': 2, year: 3, integer: 3, number: 3, date: 3, region: 4, industry: 4 };
const COMPOUND_COST = 5;
/** A tag no rule names: answering a tag-list with only it is "none of the named ones". */
const OTHER_TAG = '__other';
const ELSEWHERE = '000000';

type Predicate = { field: string; op: string; value?: unknown };

const walked = new WeakMap<object, Predicate[]>();

/** Every predicate of a rule (kind leaves and groups walked through); remembered per rule object (the catalogue keeps them). */
export const predicatesOf = (rule: Rule | null | undefined): Predicate[] => {
  if (!rule || typeof rule !== 'object') return [];
  let out = walked.get(rule);
  if (!out) walked.set(rule, (out = collect(rule, [])));
  return out;
};

const collect = (rule: Rule | null | undefined, out: Predicate[]): Predicate[] => {
  if (!rule || typeof rule !== 'object') return out;
  const r = rule as Record<string, unknown>;
  if (Array.isArray(r.all)) for (const p of r.all as Rule[]) collect(p, out);
  else if (Array.isArray(r.any)) for (const p of r.any as Rule[]) collect(p, out);
  else if (r.not) collect(r.not as Rule, out);
  else if (typeof r.field === 'string') out.push(r as Predicate);
  return out;
};

const constantsOf = (def: FactDef, predicates: Predicate[], input: QuestionInput): unknown[] => {
  const out: unknown[] = [];
  const push = (v: unknown) => out.push(input.resolve ? input.resolve(def, v, input.asOf) : v);
  for (const p of predicates) {
    if (p.field !== def.code || p.op === 'exists') continue;
    if (Array.isArray(p.value)) p.value.forEach(push);
    else push(p.value);
  }
  return out;
};

const sortedUnique = <T extends number | string>(values: T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A county-level code inside `code` (a prefecture or province stands for "somewhere in it"). */
const insideOf = (code: string): string => (code.endsWith('0000') && code !== ELSEWHERE ? `${code.slice(0, 2)}9999` : code.endsWith('00') ? `${code.slice(0, 4)}99` : code);

/**
 * Answers that between them reach every outcome the rules distinguish: each value of an enum or
 * boolean, each named tag alone or none, for numbers and dates every compared constant with its
 * neighbours and one value beyond each end, for regions a place inside each named region and one
 * outside all of them.
 */
export const representatives = (def: FactDef, predicates: Predicate[], input: QuestionInput, jurisdictions: string[] = []): unknown[] => {
  const consts = constantsOf(def, predicates, input);
  switch (def.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return (def.values ?? []).map((v) => v.code);
    case 'tag-list': {
      const tags = sortedUnique(consts.filter((c): c is string => typeof c === 'string'));
      return [[], ...tags.map((t) => [t]), ...(tags.length ? [] : [[OTHER_TAG]])];
    }
    case 'region': {
      const codes = sortedUnique([...consts, ...jurisdictions].filter((c): c is string => typeof c === 'string'));
      return [...new Set([...codes.map(insideOf), ELSEWHERE])];
    }
    case 'industry': {
      const codes = sortedUnique(consts.filter((c): c is string => typeof c === 'string'));
      return [...codes, 'X99'];
    }
    case 'date': {
      const days = sortedUnique(consts.filter((c): c is string => typeof c === 'string'));
      if (!days.length) return [input.asOf];
      const out = days.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);
      return sortedUnique([addYears(days[0], -1), ...out, addYears(days[days.length - 1], 1)]);
    }
    default: {
      // integer, number, year and derived numbers
      const nums = sortedUnique(consts.filter((c): c is number => typeof c === 'number' && Number.isFinite(c)));
      const step = def.type === 'number' || (def.derived && def.type !== 'integer') ? 0.01 : 1;
      const round = (x: number) => Math.round(x * 100) / 100;
      let out = nums.length ? nums.flatMap((c) => [round(c - step), c, round(c + step)]) : [def.min ?? 0];
      if (nums.length) out.push(round(nums[0] - 10 * step - 1), round(nums[nums.length - 1] + 10 * step + 1));
      if (def.min !== undefined && def.min !== null) out = out.map((x) => Math.max(x, def.min!));
      if (def.max !== undefined && def.max !== null) out = out.map((x) => Math.min(x, def.max!));
      return sortedUnique(out);
    }
  }
};

/**
 * The facts that give a derived fact the value `v`: the unknown input is solved from the known one
 * (ratio a/b·scale, difference a−b, years since a date). Undefined when the formula is not one of these.
 */
export const inputsForDerived = (def: FactDef, v: number, given: Facts, asOf: string): Facts | undefined => {
  const d = def.derived;
  if (!d) return undefined;
  const [a, b] = d.args;
  const known = (code: string | undefined) => (code !== undefined && typeof given[code] === 'number' ? (given[code] as number) : undefined);
  switch (d.formula) {
    case 'ratio': {
      const scale = d.scale ?? 1;
      const kb = known(b);
      const ka = known(a);
      if (kb !== undefined && kb !== 0) return { [a]: (v * kb) / scale };
      if (ka !== undefined && v !== 0) return { [b]: (ka * scale) / v };
      const base = 10_000;
      return { [a]: (v * base) / scale, [b]: base };
    }
    case 'difference': {
      const kb = known(b);
      const ka = known(a);
      if (kb !== undefined) return { [a]: v + kb };
      if (ka !== undefined) return { [b]: ka - v };
      return { [a]: v, [b]: 0 };
    }
    case 'yearsSince':
      return { [a]: addDays(addYears(asOf, -Math.max(0, Math.floor(v))), v >= 0 ? 0 : 1) };
    default:
      return undefined;
  }
};

interface Candidate {
  def: FactDef;
  /** Asked as its unknown inputs (a derived fact that is not askable itself). */
  compound: boolean;
  /** Indexes into `open`, in display order. */
  results: number[];
  answers: Facts[];
  cost: number;
}

const labelOf = (def: FactDef, locale: QuestionLocale) => (locale === 'bo' && def.labelBo ? def.labelBo : def.labelZh);

const optionsOf = (def: FactDef, locale: QuestionLocale, answers: unknown[], names: QuestionInput['names']): QuestionOption[] | undefined => {
  const name = (code: string) => {
    const n = names?.(code);
    return n ? (locale === 'bo' && n.bo ? n.bo : n.zh) : code;
  };
  switch (def.type) {
    case 'boolean':
      return [{ value: true, label: '是' }, { value: false, label: '否' }];
    case 'enum':
      return (def.values ?? []).map((v) => ({ value: v.code, label: locale === 'bo' && v.bo ? v.bo : v.zh }));
    case 'tag-list':
      return (answers as string[][]).filter((a) => a.length === 1 && a[0] !== OTHER_TAG).map(([t]) => ({ value: t, label: name(t) }));
    case 'region':
      return (answers as string[]).map((c) => (c === ELSEWHERE ? { value: ELSEWHERE, label: '其他地区' } : { value: c, label: name(c) }));
    default:
      return undefined;
  }
};

const questionFact = (def: FactDef, input: QuestionInput, answers: unknown[]): QuestionFact => {
  const options = optionsOf(def, input.locale, answers, input.names);
  return {
    code: def.code, type: def.type, label: labelOf(def, input.locale),
    ...(def.unit ? { unit: def.unit } : {}),
    ...(def.min !== undefined && def.min !== null ? { min: def.min } : {}),
    ...(def.max !== undefined && def.max !== null ? { max: def.max } : {}),
    ...(options ? { options } : {}),
    ...(def.type === 'tag-list' ? { multiple: true as const } : {}),
    ...(def.type === 'region' ? { freeCode: true as const } : {}),
  };
};

/** The question that settles the most possibly-eligible results, or null when none is left to ask. */
export const nextQuestion = (input: QuestionInput): NextQuestion | null => {
  const { registry, kind, given, open } = input;
  const closed = new Set([...input.declined, ...Object.keys(given).filter((k) => given[k] !== undefined && given[k] !== null)]);
  const askableSingle = (code: string) => {
    const def = registry.get(code);
    return def && def.askable && serves(def, kind) && !closed.has(code) ? def : undefined;
  };

  // 1. Candidates: the facts the open results wait for; a derived fact that is not askable is
  //    asked as its unknown inputs, so those inputs count towards it.
  const byId = new Map<string, { def: FactDef; compound: boolean; results: number[] }>();
  const add = (def: FactDef, compound: boolean, i: number) => {
    const c = byId.get(def.code) ?? { def, compound, results: [] };
    if (c.results[c.results.length - 1] !== i) c.results.push(i);
    byId.set(def.code, c);
  };
  const predicatesByResult = open.map((r) => r.rules.flatMap((rule) => predicatesOf(rule)));
  open.forEach((r, i) => {
    const viaDerived = new Set<string>();
    const direct = new Set(predicatesByResult[i].map((p) => p.field));
    for (const p of predicatesByResult[i]) {
      const def = registry.get(p.field);
      if (!def?.derived || def.askable || !serves(def, kind)) continue;
      const inputs = registry.inputsOf(def.code);
      const waiting = inputs.filter((x) => r.missing.includes(x) && !closed.has(x));
      if (!waiting.length || inputs.some((x) => input.declined.includes(x))) continue;
      add(def, true, i);
      waiting.forEach((x) => viaDerived.add(x));
    }
    for (const m of r.missing) {
      if (viaDerived.has(m) && !direct.has(m)) continue;
      const def = askableSingle(m);
      if (def) add(def, false, i);
    }
  });
  if (!byId.size) return null;

  const costOf = (c: { def: FactDef; compound: boolean }) => (c.compound ? COMPOUND_COST : COST[c.def.type] ?? 3);
  const preliminary = [...byId.values()].sort(
    (a, b) => b.results.length - a.results.length || costOf(a) - costOf(b) || a.def.sortOrder - b.def.sortOrder || a.def.code.localeCompare(b.def.code)
  );

  // 2. Representative answers per candidate.
  const candidates: (Candidate & { raw: unknown[] })[] = preliminary.slice(0, MAX_CANDIDATES).map((c) => {
    const preds = c.results.flatMap((i) => predicatesByResult[i]);
    const jurisdictions = c.results.map((i) => open[i].jurisdiction).filter((j) => j && j.fact === c.def.code).map((j) => j!.code);
    const raw = representatives(c.def, preds, input, jurisdictions);
    const answers = c.compound
      ? raw.map((v) => (typeof v === 'number' ? inputsForDerived(c.def, v, given, input.asOf) : undefined)).filter((a): a is Facts => Boolean(a))
      : raw.map((v) => ({ [c.def.code]: v }));
    return { ...c, raw, answers, cost: costOf(c) };
  });

  // Budget: results are taken in display order until candidates × answers × results fits.
  const budget = input.budget ?? QUESTION_BUDGET;
  const cost = (n: number) => candidates.reduce((s, c) => s + c.answers.length * Math.min(c.results.length, n), 0);
  let take = Math.max(...candidates.map((c) => c.results.length));
  if (cost(take) > budget) {
    let lo = 1;
    let hi = take;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (cost(mid) <= budget) lo = mid;
      else hi = mid - 1;
    }
    take = lo;
  }

  // 3. Score: results settled under every answer, then the expected progress, then touches, cost, sensitivity, order.
  // A result's progress under an answer: 1 when settled, else the share of its open facts the
  // question answers (a result waiting for 4 facts gains ¼ from one of them). A result that waits
  // for a declined fact can no longer become eligible: it counts half.
  const declined = new Set(input.declined);
  const progress = (i: number, c: Candidate) => {
    const waiting = open[i].missing.filter((m) => !declined.has(m));
    const covered = c.compound ? registry.inputsOf(c.def.code).filter((x) => waiting.includes(x)).length : 1;
    return { share: Math.min(1, covered / Math.max(1, waiting.length)), weight: waiting.length < open[i].missing.length ? 0.5 : 1 };
  };
  const scored = candidates.map((c) => {
    const results = c.results.slice(0, take);
    const settledEvery = new Set(results);
    const settledCount = new Map<number, number>();
    for (const a of c.answers) {
      const status = input.probe(a);
      for (const i of results) {
        if (status(i) === 'possibly-eligible') settledEvery.delete(i);
        else settledCount.set(i, (settledCount.get(i) ?? 0) + 1);
      }
    }
    const n = c.answers.length;
    let expected = 0;
    for (const i of results) {
      const f = n ? (settledCount.get(i) ?? 0) / n : 0;
      const { share, weight } = progress(i, c);
      expected += weight * (f + (1 - f) * share);
    }
    return { c, settles: n ? settledEvery.size : 0, expected };
  });
  scored.sort(
    (a, b) =>
      b.settles - a.settles ||
      b.expected - a.expected ||
      b.c.results.length - a.c.results.length ||
      a.c.cost - b.c.cost ||
      Number(a.c.def.sensitive) - Number(b.c.def.sensitive) ||
      a.c.def.sortOrder - b.c.def.sortOrder ||
      a.c.def.code.localeCompare(b.c.def.code)
  );
  const best = scored[0];
  const { def } = best.c;
  const facts = best.c.compound
    ? registry.inputsOf(def.code)
        .filter((x) => !closed.has(x))
        .map((x) => registry.get(x)!)
        .map((d) => questionFact(d, input, representatives(d, [], input)))
    : [questionFact(def, input, best.c.raw)];
  const bo = input.locale === 'bo';
  const label = labelOf(def, input.locale);
  return {
    id: def.code, label, question: (bo ? def.questionBo ?? (def.labelBo ? null : def.questionZh) : def.questionZh) ?? label, labelZh: def.labelZh, labelBo: def.labelBo ?? null, translationPending: !def.labelBo,
    help: (bo ? def.helpBo ?? def.helpZh : def.helpZh) ?? null,
    sensitive: def.sensitive, facts, settles: best.settles, touches: best.c.results.length,
  };
};

/**
 * The `probe` of a forward match: the open policies' statuses from their compiled rules, with the
 * trial facts added to the profile (the same `quickStatus` pass the match itself makes).
 */
export const statusProbe =
  (open: readonly Pick<OpenPolicy, 'policy' | 'compiled'>[], profile: { kind: Audience; facts: Facts }, asOf: string, registry: Registry) =>
  (extra: Facts) => {
    const prepared = { kind: profile.kind, prepared: prepareFacts({ kind: profile.kind, facts: { ...profile.facts, ...extra } }, asOf, registry) };
    return (i: number) => quickStatus(open[i].policy, open[i].compiled, prepared, asOf).status;
  };

/** A possibly-eligible policy of a match: its compiled clause rules and the facts it waits for. */
export interface OpenPolicy {
  policy: MatchablePolicy;
  compiled: (CompiledRule | null)[];
  missing: readonly string[];
}

/** The next question over the possibly-eligible policies of one match (what `POST /match` answers in `meta.nextQuestion`). */
export const askNext = (
  open: readonly OpenPolicy[],
  profile: { kind: Audience; facts: Facts },
  ctx: { registry: Registry; asOf: string; declined?: readonly string[]; locale: QuestionLocale; names?: QuestionInput['names']; budget?: number }
): NextQuestion | null =>
  open.length
    ? nextQuestion({
        registry: ctx.registry, kind: profile.kind, given: profile.facts, declined: ctx.declined ?? [], locale: ctx.locale, asOf: ctx.asOf,
        open: open.map((o) => ({
          missing: o.missing, rules: o.policy.clauses.map((c) => c.rule),
          jurisdiction: o.policy.jurisdiction ? { code: o.policy.jurisdiction, fact: jurisdictionFact(o.policy, profile.kind) } : null,
        })),
        probe: statusProbe(open, profile, ctx.asOf, ctx.registry),
        resolve: (_def, value, asOf) => resolveValue(value, asOf),
        names: ctx.names, budget: ctx.budget,
      })
    : null;
