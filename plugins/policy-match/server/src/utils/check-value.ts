import { isIsoDate } from './dates';
import { INDUSTRY_CODE } from './fields';
import { REGION_CODE } from './region';
import { YEAR_RANGE, type FactDef } from './registry';

/** What a value is checked against: a registry fact's type, bounds and values. */
type ValueSpec = Pick<FactDef, 'type' | 'min' | 'max' | 'values'>;

/** The codes of an enum fact, in list order. */
export const enumCodes = (def: ValueSpec): string[] => (def.values ?? []).map((v) => v.code);

/**
 * Whether `value` is one scalar of the fact's type (a tag-list fact's scalar is one tag code), within
 * its bounds. Returns the reason it is not, or null. Relative values (`{ today }`, `{ thisYear }`) are
 * resolved by the rule language before they get here.
 */
export const checkScalar = (def: ValueSpec, value: unknown): string | null => {
  switch (def.type) {
    case 'integer':
      if (!Number.isInteger(value)) return 'must be an integer';
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      break;
    case 'year':
      if (!Number.isInteger(value)) return 'must be a year such as 2026';
      if ((value as number) < YEAR_RANGE[0] || (value as number) > YEAR_RANGE[1]) return `must be a year from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]}`;
      break;
    case 'date':
      return isIsoDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'enum': {
      const codes = enumCodes(def);
      return typeof value === 'string' && codes.includes(value) ? null : `must be one of ${codes.join(', ')}`;
    }
    case 'region':
      return typeof value === 'string' && REGION_CODE.test(value) ? null : 'must be a 6-digit GB/T 2260 region code';
    case 'industry':
      return typeof value === 'string' && INDUSTRY_CODE.test(value) ? null : 'must be a GB/T 4754 code such as C or C13';
    case 'tag-list':
      return typeof value === 'string' && value.length > 0 && value.length <= 80 ? null : 'must be a tag code';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
  const n = value as number;
  if (def.min !== undefined && n < def.min) return `must be ≥ ${def.min}`;
  if (def.max !== undefined && n > def.max) return `must be ≤ ${def.max}`;
  return null;
};

/** A profile's fact value: a tag-list is an array of tag codes, everything else one scalar. */
export const checkFact = (def: ValueSpec, value: unknown): string | null => {
  if (value === null) return null;
  if (def.type === 'tag-list') {
    if (!Array.isArray(value) || value.length > 50) return 'must be a list of at most 50 tag codes';
    for (const v of value) {
      const why = checkScalar(def, v);
      if (why) return why;
    }
    return null;
  }
  return checkScalar(def, value);
};
