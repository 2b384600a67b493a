import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { validateRule } from './validate-rule';

const registry = registryFromDefs(STARTER_FACTS);
const paths = (rule: unknown, opts = {}) => validateRule(rule, { registry, ...opts }).map((p) => p.path.join('.'));

describe('rule validation at save', () => {
  it('accepts every op on the types it means something for', () => {
    expect(
      validateRule({
        all: [
          { field: 'age', op: 'between', value: [18, 35] },
          { field: 'age', op: 'gte', value: 18 },
          { field: 'birthDate', op: 'before', value: '2000-01-01' },
          { field: 'householdRegion', op: 'in', value: ['513300', '513301'] },
          { any: [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { not: { field: 'incomeBand', op: 'exists' } }] },
        ],
      }, { registry })
    ).toEqual([]);
  });

  it.each([
    [{ field: 'salary', op: 'gte', value: 1 }, ['field']],
    [{ all: [{ field: 'age', op: 'gte', value: 18 }, { field: 'nickname', op: 'eq', value: 'x' }] }, ['all.1.field']],
    [{ field: 'age', op: 'gte', value: '18' }, ['value']],
    [{ field: 'age', op: 'before', value: 18 }, ['op']],
    [{ field: 'age', op: 'between', value: [40, 18] }, ['value']],
    [{ field: 'age', op: 'between', value: [18] }, ['value']],
    [{ field: 'age', op: 'in', value: [] }, ['value']],
    [{ field: 'householdRegion', op: 'eq', value: '5133' }, ['value']],
    [{ field: 'birthDate', op: 'after', value: '2025-02-30' }, ['value']],
    [{ field: 'enterpriseSize', op: 'in', value: ['small', 'tiny'] }, ['value.1']],
    [{ field: 'age', op: 'gte' }, ['value']],
    [{ field: 'age', op: 'gte', value: 1, extra: true }, ['extra']],
    [{ all: [] }, ['all']],
    [{ any: [{ field: 'age', op: 'gte', value: 1 }], all: [] }, ['any', 'all']],
    [{ not: 'age' }, ['not']],
    ['age > 18', ['']],
  ])('%j → problems at %j', (rule, expected) => expect(paths(rule)).toEqual(expected));

  it('refuses nesting beyond the limit with the path of the first too-deep part', () => {
    let rule: any = { field: 'age', op: 'gte', value: 18 };
    for (let i = 0; i < 6; i += 1) rule = { not: rule };
    expect(paths(rule)).toEqual(['not.not.not.not.not.not']);
    expect(validateRule(rule, { registry })[0].message).toMatch(/deeper than 6/);
  });

  it('checks audience and tag codes when told', () => {
    expect(paths({ field: 'employees', op: 'gte', value: 5 }, { audience: 'individual' })).toEqual(['field']);
    expect(paths({ field: 'identityTags', op: 'eq', value: 'martian' }, { knownTags: new Set(['graduate']) })).toEqual(['value']);
  });
});
