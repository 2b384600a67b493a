import { FIELDS, HOME_REGION_FIELD, type Audience } from './fields';

/** The indexed columns of a stored profile, taken from its facts (the reverse match pre-filters on them). */
export const profileColumns = (kind: Audience, facts: Record<string, unknown>) => {
  const get = (name: string) => (facts[name] === undefined ? null : facts[name]);
  return {
    regionCode: get(HOME_REGION_FIELD[kind]),
    birthDate: kind === 'individual' ? get('birthDate') : null,
    incomeBand: kind === 'individual' ? get('incomeBand') : null,
    industryCode: kind === 'enterprise' ? get('industryCode') : null,
    enterpriseSize: kind === 'enterprise' ? get('enterpriseSize') : null,
    foundedOn: kind === 'enterprise' ? get('foundedOn') : null,
    employees: kind === 'enterprise' ? get('employees') : null,
    registeredCapital: kind === 'enterprise' ? get('registeredCapital') : null,
  };
};

/** Tag-list facts stored one row per tag, as `<field>:<code>`. */
export const profileTagRows = (facts: Record<string, unknown>) =>
  FIELDS.filter((f) => f.type === 'tag-list').flatMap((f) => (Array.isArray(facts[f.name]) ? (facts[f.name] as string[]).map((code) => `${f.name}:${code}`) : []));
