import { ageOn } from './dates';
import type { Audience, FactType } from './fields';

/**
 * The fact registry: what a profile may hold and what a rule may test. Facts are data (the
 * `fact` content type, seeded from `data/starter-facts.ts`); this module is the pure view of one
 * revision of them that every util takes as an argument. Nothing here reads the database.
 */

/** Every operator of the rule language (section 2.1 of the design); `Registry.ops(def)` says which apply. */
export type Op = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'between' | 'exists' | 'before' | 'after';

export type { Audience, FactType };

/** Who a fact describes: a profile kind, or both kinds (e.g. unemployment-insurance months). */
export type FactAudience = Audience | 'both';

export type FactGroup =
  | 'basic'
  | 'region'
  | 'education'
  | 'employment'
  | 'social-security'
  | 'household'
  | 'assistance'
  | 'agriculture'
  | 'veteran'
  | 'enterprise-basic'
  | 'enterprise-finance'
  | 'enterprise-employment';

export const FACT_TYPES: readonly FactType[] = ['integer', 'number', 'date', 'year', 'boolean', 'enum', 'region', 'industry', 'tag-list'];
export const FACT_AUDIENCES: readonly FactAudience[] = ['individual', 'enterprise', 'both'];
export const FACT_GROUPS: readonly FactGroup[] = [
  'basic', 'region', 'education', 'employment', 'social-security', 'household', 'assistance', 'agriculture', 'veteran',
  'enterprise-basic', 'enterprise-finance', 'enterprise-employment',
];

/** One value of an enum fact; list order is the order of an `ordered` enum (low → high). */
export interface EnumValue {
  code: string;
  zh: string;
  /** Only a glossary-approved term (null: shown in zh, flagged for translation). */
  bo: string | null;
}

export type Formula = 'ratio' | 'difference' | 'yearsSince';
export const FORMULAS: readonly Formula[] = ['ratio', 'difference', 'yearsSince'];

/** A derived fact's formula over stored facts (section 1.5 of the design): one level, no cycles. */
export interface Derivation {
  formula: Formula;
  /** ratio/difference: [a, b]; yearsSince: [dateFact]. */
  args: string[];
  /** ratio only: a / b × scale (default 1). */
  scale?: number;
  /** ratio only: the value when b = 0 (default 'unknown'). */
  whenZero?: number | 'unknown';
}

export interface FactDef {
  code: string;
  audience: FactAudience;
  type: FactType;
  labelZh: string;
  /** Only a glossary-approved term; null means "show zh, 待译". */
  labelBo: string | null;
  helpZh?: string;
  helpBo?: string;
  /** How the questionnaire asks it (defaults to the label). */
  questionZh?: string;
  questionBo?: string;
  unit?: string;
  min?: number;
  max?: number;
  /** enum only. */
  values?: EnumValue[];
  /** enum only: gte/lte/gt/lt/between compare list positions. */
  ordered?: boolean;
  /** tag-list only: the taxonomy dimension its codes come from. */
  tagDimension?: string;
  derived?: Derivation;
  /** false for derived facts whose inputs are asked instead. */
  askable: boolean;
  /** false: accepted in a match body, never stored in a profile. */
  storable: boolean;
  /** stored only with its own consent, never shown in reverse-match samples. */
  sensitive: boolean;
  group: FactGroup;
  sortOrder: number;
  /** One of the sixteen facts the matcher always had: code, type and audience locked, delete refused. */
  builtIn: boolean;
}

export interface Registry {
  /** Changes whenever any fact changes (a hash or the revision row's value); 'static' in unit tests. */
  revision: string;
  /** Every fact, by `sortOrder` then code. */
  facts: readonly FactDef[];
  get(code: string): FactDef | undefined;
  /** The operators a rule may use on the fact. */
  ops(def: FactDef): Op[];
  /** Region facts serving a profile kind (jurisdiction candidates: 户籍地, 常住地, 注册地). */
  regionFacts(kind: Audience): FactDef[];
  /** The askable facts that settle `code`: itself, or a non-askable derived fact's args. */
  inputsOf(code: string): string[];
}

const ORDERED_OPS: Op[] = ['eq', 'in', 'gte', 'lte', 'gt', 'lt', 'between', 'exists'];

/** Operators by type (an ordered enum adds the comparisons, see `opsOf`). */
export const OPS_BY_TYPE: Readonly<Record<FactType, readonly Op[]>> = {
  integer: ORDERED_OPS,
  number: ORDERED_OPS,
  year: ORDERED_OPS,
  date: ['eq', 'gte', 'lte', 'between', 'before', 'after', 'exists'],
  boolean: ['eq', 'exists'],
  enum: ['eq', 'in', 'exists'],
  region: ['eq', 'in', 'exists'],
  industry: ['eq', 'in', 'exists'],
  'tag-list': ['eq', 'in', 'exists'],
};

export const opsOf = (def: Pick<FactDef, 'type' | 'ordered'>): Op[] =>
  def.type === 'enum' && def.ordered ? [...ORDERED_OPS] : [...OPS_BY_TYPE[def.type]];

/** Whether a fact describes profiles of this kind. */
export const serves = (def: Pick<FactDef, 'audience'>, kind: Audience): boolean => def.audience === 'both' || def.audience === kind;

/** Position of an enum code in its list (ordered comparisons), -1 when not a value. */
export const enumPosition = (def: Pick<FactDef, 'values'>, code: unknown): number =>
  typeof code === 'string' ? (def.values ?? []).findIndex((v) => v.code === code) : -1;

/** The years a `year` fact may hold when it declares no tighter bounds. */
export const YEAR_RANGE: readonly [number, number] = [1900, 2100];

/** The type a derived fact must declare for its formula and args (section 1.5). */
export const derivedType = (formula: Formula, argType: FactType | undefined): FactType =>
  formula === 'ratio' ? 'number' : formula === 'yearsSince' ? 'integer' : (argType ?? 'number');

/**
 * A derived fact's value from its inputs on the evaluation day (`asOf`, YYYY-MM-DD), or null when
 * it is unknown: an input unknown, or b = 0 in a ratio whose `whenZero` is 'unknown'.
 */
export const deriveValue = (derivation: Derivation, input: (code: string) => unknown, asOf: string): number | null => {
  const [a, b] = derivation.args.map(input);
  if (derivation.formula === 'yearsSince') return typeof a === 'string' ? ageOn(a, asOf) : null;
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (derivation.formula === 'difference') return a - b;
  if (b === 0) return derivation.whenZero === undefined || derivation.whenZero === 'unknown' ? null : derivation.whenZero;
  return (a / b) * (derivation.scale ?? 1);
};

export interface FactProblem {
  path: (string | number)[];
  message: string;
}

const NUMERIC: readonly FactType[] = ['integer', 'number', 'year'];
const CODE = /^[a-z][A-Za-z0-9]{1,39}$/;
const VALUE_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * What is wrong with one fact among the others (the whole set it would join): type-specific
 * attributes on the wrong type, bounds, enum values, and a derivation's args (existing, stored,
 * not derived, of a compatible type and an audience covering the fact's). Used by the starter
 * set's test and by the registry service's upsert (as 400 field errors).
 */
export const factProblems = (def: FactDef, all: readonly FactDef[]): FactProblem[] => {
  const problems: FactProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (!CODE.test(def.code)) add(['code'], 'must start with a lower-case letter and hold 2–40 letters or digits');
  if (def.min !== undefined || def.max !== undefined) {
    if (!NUMERIC.includes(def.type)) add([def.min !== undefined ? 'min' : 'max'], 'only integer, number and year facts have bounds');
    else if (def.min !== undefined && def.max !== undefined && def.min > def.max) add(['min'], 'must not be above max');
  }
  if (def.type === 'enum') {
    const values = def.values ?? [];
    if (values.length === 0) add(['values'], 'an enum fact needs at least one value');
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (!VALUE_CODE.test(v.code)) add(['values', i, 'code'], 'must be 1–40 letters, digits, - or _');
      else if (seen.has(v.code)) add(['values', i, 'code'], `repeats "${v.code}"`);
      seen.add(v.code);
    });
  } else {
    if (def.values !== undefined) add(['values'], 'only enum facts have values');
    if (def.ordered) add(['ordered'], 'only enum facts are ordered');
  }
  if (def.type === 'tag-list' && !def.tagDimension) add(['tagDimension'], 'a tag-list fact needs its tag dimension');
  if (def.type !== 'tag-list' && def.tagDimension !== undefined) add(['tagDimension'], 'only tag-list facts have a tag dimension');
  if (def.derived) {
    const d = def.derived;
    const arity = d.formula === 'yearsSince' ? 1 : 2;
    if (d.args.length !== arity) add(['derived', 'args'], `${d.formula} takes ${arity} fact${arity === 1 ? '' : 's'}`);
    const argDefs = d.args.map((code, i) => {
      const arg = all.find((f) => f.code === code);
      const at = ['derived', 'args', i];
      if (!arg || code === def.code) add(at, `unknown fact "${code}"`);
      else if (arg.derived) add(at, `"${code}" is derived itself (one level only)`);
      else if (!arg.storable) add(at, `"${code}" is not stored`);
      else if (d.formula === 'yearsSince' ? arg.type !== 'date' : arg.type !== 'integer' && arg.type !== 'number') {
        add(at, `"${code}" must be ${d.formula === 'yearsSince' ? 'a date' : 'an integer or number'} fact`);
      } else if (arg.audience !== 'both' && arg.audience !== def.audience) add(at, `"${code}" does not serve the audience ${def.audience}`);
      else return arg;
      return undefined;
    });
    if (d.formula !== 'ratio' && (d.scale !== undefined || d.whenZero !== undefined)) add(['derived'], 'scale and whenZero belong to ratio only');
    if (d.args.length === arity && argDefs.every((a) => a !== undefined)) {
      const argType = d.formula === 'difference' ? (argDefs.some((a) => a!.type === 'number') ? 'number' : 'integer') : undefined;
      const want = derivedType(d.formula, argType);
      if (def.type !== want) add(['type'], `a ${d.formula} fact is of type ${want}`);
    }
    if (def.storable) add(['storable'], 'a derived fact is computed, never stored');
  }
  return problems;
};

const sorted = (defs: readonly FactDef[]) => [...defs].sort((a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The registry over a set of facts (already validated: see `factProblems`). */
export const registryFromDefs = (defs: readonly FactDef[], revision = 'static'): Registry => {
  const facts = Object.freeze(sorted(defs));
  const byCode = new Map(facts.map((f) => [f.code, f]));
  const regions: Record<Audience, FactDef[]> = {
    individual: facts.filter((f) => f.type === 'region' && serves(f, 'individual')),
    enterprise: facts.filter((f) => f.type === 'region' && serves(f, 'enterprise')),
  };
  return {
    revision,
    facts,
    get: (code) => byCode.get(code),
    ops: opsOf,
    regionFacts: (kind) => regions[kind],
    inputsOf: (code) => {
      const def = byCode.get(code);
      if (!def) return [];
      return def.derived && !def.askable ? def.derived.args.filter((a) => byCode.has(a)) : [code];
    },
  };
};
