import { fieldProblem, throwFieldErrors, type FieldError } from '@jiyue/kernel';

export interface ColumnRule {
  /** Content type uids (or singular names such as "policy") the column shows. */
  types: string[];
  /** Owning sites whose items are shown; none means the whole cluster. */
  sites?: string[];
  /** With `sites`: include every site below them. */
  includeDescendants?: boolean;
  /** Owning sites' levels, e.g. ["county"]. */
  levels?: string[];
  /** Theme categories (主题分类), for types that have one. */
  themes?: string[];
}

const LEVELS = ['province', 'prefecture', 'county', 'township', 'village'];
const KEYS = ['types', 'sites', 'includeDescendants', 'levels', 'themes'];

const stringList = (value: unknown, path: string, problems: FieldError[], max = 200) => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim()) || value.length > max) {
    problems.push(fieldProblem(['rule', path], `must be a list of at most ${max} non-empty strings`, value));
    return undefined;
  }
  return value.map((v: string) => v.trim());
};

/**
 * Checks a smart column's saved rule and returns it normalised (types as uids). `typeUids` maps
 * every accepted spelling (uid or singular name) of a site-group content type to its uid.
 */
export const validateColumnRule = (value: unknown, { typeUids, siteCodes }: { typeUids: Map<string, string>; siteCodes: Set<string> }): ColumnRule => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throwFieldErrors([fieldProblem(['rule'], 'a rule column needs a rule such as { "types": ["policy"], "themes": ["就业创业"] }', value)]);
  }
  const rule = value as Record<string, unknown>;
  const problems: FieldError[] = Object.keys(rule)
    .filter((k) => !KEYS.includes(k))
    .map((k) => fieldProblem(['rule', k], `unknown rule key; allowed: ${KEYS.join(', ')}`, rule[k]));

  const types = stringList(rule.types, 'types', problems) ?? [];
  if (!types.length) problems.push(fieldProblem(['rule', 'types'], 'name at least one content type'));
  const unknownTypes = types.filter((t) => !typeUids.has(t));
  if (unknownTypes.length) problems.push(fieldProblem(['rule', 'types'], `not content types placed by site-group: ${unknownTypes.join(', ')}`, unknownTypes));

  const sites = stringList(rule.sites, 'sites', problems, 5000);
  const unknownSites = (sites ?? []).filter((s) => !siteCodes.has(s));
  if (unknownSites.length) problems.push(fieldProblem(['rule', 'sites'], `unknown sites: ${unknownSites.join(', ')}`, unknownSites));

  const levels = stringList(rule.levels, 'levels', problems);
  const badLevels = (levels ?? []).filter((l) => !LEVELS.includes(l));
  if (badLevels.length) problems.push(fieldProblem(['rule', 'levels'], `unknown levels: ${badLevels.join(', ')} (use ${LEVELS.join(', ')})`, badLevels));

  const themes = stringList(rule.themes, 'themes', problems);
  if (rule.includeDescendants !== undefined && typeof rule.includeDescendants !== 'boolean') {
    problems.push(fieldProblem(['rule', 'includeDescendants'], 'must be true or false', rule.includeDescendants));
  }
  throwFieldErrors(problems);

  return {
    types: [...new Set(types.map((t) => typeUids.get(t)!))],
    ...(sites ? { sites } : {}),
    ...(rule.includeDescendants !== undefined ? { includeDescendants: rule.includeDescendants as boolean } : {}),
    ...(levels ? { levels } : {}),
    ...(themes ? { themes } : {}),
  };
};
