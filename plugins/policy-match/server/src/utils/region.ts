/**
 * GB/T 2260 codes are hierarchical by position: 51 0000 province, 5133 00 prefecture, 513301 county.
 * '000000' (or '100000', the code of the whole country in some lists) stands for the nation.
 */
export const REGION_CODE = /^\d{6}$/;

export type RegionLevel = 'nation' | 'province' | 'prefecture' | 'county';

export const regionLevel = (code: string): RegionLevel => {
  if (code === '000000' || code === '100000') return 'nation';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
};

/** The significant prefix of a code: every descendant region starts with it. */
export const regionPrefix = (code: string): string => {
  switch (regionLevel(code)) {
    case 'nation':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    default:
      return code;
  }
};

/** Whether `code` is `ancestor` or lies inside it. */
export const isWithinRegion = (code: string, ancestor: string): boolean => code.startsWith(regionPrefix(ancestor));

/** The inclusive code range of `ancestor` and its descendants, for an index range scan instead of LIKE. */
export const regionRange = (ancestor: string): [string, string] => {
  const prefix = regionPrefix(ancestor);
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
};

/** Ancestors from the nearest up (county → prefecture → province). */
export const regionAncestors = (code: string): string[] => {
  const out: string[] = [];
  const level = regionLevel(code);
  if (level === 'county') out.push(`${code.slice(0, 4)}00`);
  if (level === 'county' || level === 'prefecture') out.push(`${code.slice(0, 2)}0000`);
  return out.filter((c) => c !== code);
};

/** 0 for the same region, 1 for its parent, 2 for the grandparent …; null when `ancestor` does not contain `code`. */
export const regionDistance = (code: string, ancestor: string): number | null => {
  if (!isWithinRegion(code, ancestor)) return null;
  if (code === ancestor) return 0;
  const idx = regionAncestors(code).indexOf(ancestor);
  return idx >= 0 ? idx + 1 : 3;
};

/** Every region that contains `code`, with its distance (0 itself, 1 parent …): one Map lookup per policy instead of string work. */
export const containingRegions = (code: string): Map<string, number> => {
  const out = new Map<string, number>([[code, 0]]);
  regionAncestors(code).forEach((a, i) => out.set(a, i + 1));
  const top = out.size;
  out.set('000000', top);
  out.set('100000', top);
  return out;
};
