import { addDays, addMonths, addYears } from './dates';

/**
 * Values relative to the evaluation day: `{ today: { years?, months?, days? } }` for date facts
 * ("退役后1年内": dischargeDate ≥ today − 1 year) and `{ thisYear: n }` for year facts ("毕业年度内和离校2年内":
 * graduationYear ≥ thisYear − 2). They are resolved on the match's `asOf` (a China calendar day) into
 * the absolute value the op then compares with.
 */
export interface RelDate {
  today: { years?: number; months?: number; days?: number };
}
export interface RelYear {
  thisYear: number;
}

export const RELATIVE_LIMITS = { years: 100, months: 1200, days: 36500, thisYear: 100 } as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isRelDate = (v: unknown): v is RelDate => isPlainObject(v) && 'today' in v;
export const isRelYear = (v: unknown): v is RelYear => isPlainObject(v) && 'thisYear' in v;
export const isRelative = (v: unknown): v is RelDate | RelYear => isRelDate(v) || isRelYear(v);

/**
 * Why a relative value is malformed for a fact of `type` (null when it is well formed), with the
 * path below the value where the problem is. Only date facts take `today`, only year facts `thisYear`.
 */
export const relativeProblem = (type: string, v: RelDate | RelYear): { path: string[]; message: string } | null => {
  if (isRelDate(v)) {
    if (type !== 'date') return { path: [], message: `"today" is only for date facts; this fact is of type ${type}` };
    const extra = Object.keys(v).filter((k) => k !== 'today');
    if (extra.length) return { path: [extra[0]], message: 'is not allowed beside "today"' };
    if (!isPlainObject(v.today)) return { path: ['today'], message: 'must be an object { years?, months?, days? }' };
    for (const [k, n] of Object.entries(v.today)) {
      if (k !== 'years' && k !== 'months' && k !== 'days') return { path: ['today', k], message: 'must be years, months or days' };
      if (!Number.isInteger(n)) return { path: ['today', k], message: 'must be an integer' };
      if (Math.abs(n as number) > RELATIVE_LIMITS[k]) return { path: ['today', k], message: `must be between -${RELATIVE_LIMITS[k]} and ${RELATIVE_LIMITS[k]}` };
    }
    return null;
  }
  if (type !== 'year') return { path: [], message: `"thisYear" is only for year facts; this fact is of type ${type}` };
  const extra = Object.keys(v).filter((k) => k !== 'thisYear');
  if (extra.length) return { path: [extra[0]], message: 'is not allowed beside "thisYear"' };
  if (!Number.isInteger(v.thisYear) || Math.abs(v.thisYear) > RELATIVE_LIMITS.thisYear) {
    return { path: ['thisYear'], message: `must be an integer between -${RELATIVE_LIMITS.thisYear} and ${RELATIVE_LIMITS.thisYear}` };
  }
  return null;
};

/** One scalar resolved on `asOf` (YYYY-MM-DD): years, then months, then days are added; absolute values pass through. */
export const resolveScalar = (v: unknown, asOf: string): unknown => {
  if (isRelDate(v)) {
    const { years = 0, months = 0, days = 0 } = v.today;
    return addDays(addMonths(addYears(asOf, years), months), days);
  }
  if (isRelYear(v)) return Number(asOf.slice(0, 4)) + v.thisYear;
  return v;
};

/** A predicate's value (a scalar, or the list of `in` / the pair of `between`) with every relative part resolved. */
export const resolveValue = (value: unknown, asOf: string): unknown => (Array.isArray(value) ? value.map((v) => resolveScalar(v, asOf)) : resolveScalar(value, asOf));

/** Whether any part of a predicate's value depends on the evaluation day. */
export const hasRelative = (value: unknown): boolean => (Array.isArray(value) ? value.some(isRelative) : isRelative(value));

const span = (n: number, unit: string) => `${Math.abs(n)}${unit}`;

/** How a relative value reads in an explanation: "评估日前12个月", "评估年度前2年", "评估年度". */
export const describeRelative = (v: RelDate | RelYear): string => {
  if (isRelYear(v)) return v.thisYear === 0 ? '评估年度' : `评估年度${v.thisYear < 0 ? '前' : '后'}${Math.abs(v.thisYear)}年`;
  const { years = 0, months = 0, days = 0 } = v.today;
  const parts = [years && span(years, '年'), months && span(months, '个月'), days && span(days, '天')].filter(Boolean).join('');
  if (!parts) return '评估日';
  const sign = (years || months || days) < 0 ? '前' : '后';
  return `评估日${sign}${parts}`;
};
