import { isIsoDate } from './dates';
import type { FieldDef } from './fields';
import { INDUSTRY_CODE } from './fields';
import { REGION_CODE } from './region';

/**
 * Whether `value` is one scalar of the field's type (a tag-list field's scalar is one tag code).
 * Returns the reason it is not, or null.
 */
export const checkScalar = (field: FieldDef, value: unknown): string | null => {
  switch (field.type) {
    case 'integer':
      if (!Number.isInteger(value)) return 'must be an integer';
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      break;
    case 'date':
      return isIsoDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && field.values && value in field.values ? null : `must be one of ${Object.keys(field.values ?? {}).join(', ')}`;
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
  if (field.min !== undefined && n < field.min) return `must be ≥ ${field.min}`;
  if (field.max !== undefined && n > field.max) return `must be ≤ ${field.max}`;
  return null;
};

/** A profile's fact value: a tag-list is an array of tag codes, everything else one scalar. */
export const checkFact = (field: FieldDef, value: unknown): string | null => {
  if (value === null) return null;
  if (field.type === 'tag-list') {
    if (!Array.isArray(value) || value.length > 50) return 'must be a list of at most 50 tag codes';
    for (const v of value) {
      const why = checkScalar(field, v);
      if (why) return why;
    }
    return null;
  }
  return checkScalar(field, value);
};
