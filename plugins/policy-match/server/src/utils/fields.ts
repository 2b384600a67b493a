import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs, type Op as RuleOp } from './registry';

/**
 * The vocabulary of facts and rules. The facts themselves are data (the `fact` content type, seeded
 * from `data/starter-facts.ts`); `utils/registry.ts` is their view (`FactDef`, `Registry`, the
 * operators by type, `Op`). This module keeps the plain types every util shares.
 */
export type FactType = 'integer' | 'number' | 'date' | 'year' | 'boolean' | 'enum' | 'region' | 'industry' | 'tag-list';
/** A profile's kind: who a policy serves and whom a fact describes (a fact may also serve both). */
export type Audience = 'individual' | 'enterprise';

/** GB/T 4754 industry: a section letter, optionally with 2–4 digits (C, C13, C1311). */
export const INDUSTRY_CODE = /^[A-T](\d{2,4})?$/;

// ---------------------------------------------------------------------------------------------
// transitional: B/C switch to the Registry argument. Everything below is today's lookup of the
// sixteen built-in facts in today's shape, derived from `registryFromDefs(STARTER_FACTS)`, kept only
// until validate-rule, evaluate-rule, compile-rule, evaluate-policy, rule-prefilter, profile-columns
// and validation/profile take a `Registry`. Remove it with their last import.
// ---------------------------------------------------------------------------------------------

// transitional: B/C switch to the Registry argument
export type FieldType = Exclude<FactType, 'year'>;
// transitional: B/C switch to the Registry argument (today's operators, without gt/lt; the full set is registry's `Op`)
export type Op = Exclude<RuleOp, 'gt' | 'lt'>;

// transitional: B/C switch to the Registry argument
export interface FieldDef {
  name: string;
  audience: Audience;
  type: FieldType;
  labelZh: string;
  labelBo?: string;
  values?: Record<string, { zh: string; bo?: string }>;
  tagDimension?: string;
  derivedFrom?: string;
  unit?: string;
  min?: number;
  max?: number;
  column?: 'birth_date' | 'region_code' | 'income_band' | 'industry_code' | 'enterprise_size' | 'founded_on' | 'employees' | 'registered_capital';
}

// transitional: B/C switch to the Registry argument (today's operators by type)
export const OPS_BY_TYPE: Record<FieldType, Op[]> = {
  integer: ['eq', 'in', 'gte', 'lte', 'between', 'exists'],
  number: ['eq', 'in', 'gte', 'lte', 'between', 'exists'],
  date: ['eq', 'gte', 'lte', 'between', 'before', 'after', 'exists'],
  enum: ['eq', 'in', 'exists'],
  region: ['eq', 'in', 'exists'],
  industry: ['eq', 'in', 'exists'],
  'tag-list': ['eq', 'in', 'exists'],
  boolean: ['eq', 'exists'],
};

// transitional: B/C switch to the Registry argument (the profile columns C removes)
const LEGACY_COLUMNS: Record<string, FieldDef['column']> = {
  age: 'birth_date', birthDate: 'birth_date', householdRegion: 'region_code', region: 'region_code', incomeBand: 'income_band',
  industryCode: 'industry_code', enterpriseSize: 'enterprise_size', foundedOn: 'founded_on', employees: 'employees', registeredCapital: 'registered_capital',
};

// transitional: B/C switch to the Registry argument
export const FIELDS: FieldDef[] = registryFromDefs(STARTER_FACTS)
  .facts.filter((f) => f.builtIn)
  .map((f) => {
    if (f.audience === 'both' || f.type === 'year') throw new Error(`built-in fact ${f.code} has no legacy shape`);
    const def: FieldDef = { name: f.code, audience: f.audience, type: f.type, labelZh: f.labelZh };
    if (f.labelBo) def.labelBo = f.labelBo;
    if (f.values) def.values = Object.fromEntries(f.values.map((v) => [v.code, v.bo ? { zh: v.zh, bo: v.bo } : { zh: v.zh }]));
    if (f.tagDimension) def.tagDimension = f.tagDimension;
    if (f.derived) def.derivedFrom = f.derived.args[0];
    if (f.unit) def.unit = f.unit;
    if (f.min !== undefined) def.min = f.min;
    if (f.max !== undefined) def.max = f.max;
    if (LEGACY_COLUMNS[f.code]) def.column = LEGACY_COLUMNS[f.code];
    return def;
  });

// transitional: B/C switch to the Registry argument
export const FIELD_BY_NAME: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.name, f]));

// transitional: B/C switch to the Registry argument (the policy's jurisdictionFacts replace it)
export const HOME_REGION_FIELD: Record<Audience, string> = { individual: 'householdRegion', enterprise: 'region' };
