import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs } from './registry';
import { evaluateRule as evaluate, testPredicate as test, type Facts, type NameLookup } from './evaluate-rule';
import type { Predicate, Rule } from './validate-rule';

const ASOF = '2025-06-15';
const registry = registryFromDefs(STARTER_FACTS);
const testPredicate = (p: Predicate, facts: Facts, asOf: string) => test(p, { kind: 'individual', facts }, { registry, asOf });
const evaluateRule = (rule: Rule, facts: Facts, asOf: string, names?: NameLookup) => evaluate(rule, { kind: 'individual', facts }, { registry, asOf, names });
const names = (code: string) =>
  ({ '513300': { zh: '甘孜藏族自治州', bo: 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ།' }, '513301': { zh: '康定市', bo: 'དར་མདོ་གྲོང་ཁྱེར།' }, graduate: { zh: '高校毕业生' } } as Record<string, any>)[code];

describe('predicates (three-valued)', () => {
  // [predicate, facts, expected]
  const table: [Predicate, Record<string, unknown>, boolean | null][] = [
    [{ field: 'age', op: 'lte', value: 35 }, { age: 35 }, true], // end point included
    [{ field: 'age', op: 'lte', value: 35 }, { age: 36 }, false],
    [{ field: 'age', op: 'gte', value: 18 }, { age: 18 }, true],
    [{ field: 'age', op: 'gte', value: 18 }, { age: 17 }, false],
    [{ field: 'age', op: 'between', value: [18, 35] }, { age: 18 }, true],
    [{ field: 'age', op: 'between', value: [18, 35] }, { age: 35 }, true],
    [{ field: 'age', op: 'between', value: [18, 35] }, { age: 36 }, false],
    [{ field: 'age', op: 'lte', value: 35 }, { birthDate: '1990-06-15' }, true], // 35 on the birthday
    [{ field: 'age', op: 'lte', value: 34 }, { birthDate: '1990-06-15' }, false],
    [{ field: 'age', op: 'lte', value: 34 }, { birthDate: '1990-06-16' }, true],
    [{ field: 'age', op: 'lte', value: 35 }, {}, null], // missing → unknown
    [{ field: 'age', op: 'lte', value: 35 }, { age: null }, null], // null → unknown
    [{ field: 'foundedOn', op: 'before', value: '2025-01-01' }, { foundedOn: '2025-01-01' }, false], // strict
    [{ field: 'foundedOn', op: 'before', value: '2025-01-01' }, { foundedOn: '2024-12-31' }, true],
    [{ field: 'foundedOn', op: 'after', value: '2025-01-01' }, { foundedOn: '2025-01-01' }, false],
    [{ field: 'foundedOn', op: 'after', value: '2025-01-01' }, { foundedOn: '2025-01-02' }, true],
    [{ field: 'foundedOn', op: 'gte', value: '2025-01-01' }, { foundedOn: '2025-01-01' }, true],
    [{ field: 'foundedOn', op: 'between', value: ['2024-01-01', '2024-12-31'] }, { foundedOn: '2024-12-31' }, true],
    [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { identityTags: ['veteran', 'graduate'] }, true], // membership
    [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { identityTags: [] }, false], // known empty list
    [{ field: 'identityTags', op: 'in', value: ['disabled', 'dibao'] }, { identityTags: ['dibao'] }, true],
    [{ field: 'identityTags', op: 'in', value: ['disabled', 'dibao'] }, { identityTags: ['graduate'] }, false],
    [{ field: 'identityTags', op: 'in', value: ['disabled'] }, {}, null],
    [{ field: 'householdRegion', op: 'eq', value: '513300' }, { householdRegion: '513301' }, true], // county in prefecture
    [{ field: 'householdRegion', op: 'eq', value: '513301' }, { householdRegion: '513300' }, false],
    [{ field: 'householdRegion', op: 'in', value: ['513322', '513323'] }, { householdRegion: '513323' }, true],
    [{ field: 'industryCode', op: 'eq', value: 'C' }, { industryCode: 'C13' }, true],
    [{ field: 'industryCode', op: 'in', value: ['A', 'I'] }, { industryCode: 'C13' }, false],
    [{ field: 'enterpriseSize', op: 'in', value: ['small', 'micro'] }, { enterpriseSize: 'micro' }, true],
    [{ field: 'enterpriseSize', op: 'eq', value: 'small' }, { enterpriseSize: 'large' }, false],
    [{ field: 'taxCreditRating', op: 'exists' }, {}, false], // exists is never unknown
    [{ field: 'taxCreditRating', op: 'exists' }, { taxCreditRating: 'A' }, true],
    [{ field: 'taxCreditRating', op: 'exists', value: false }, {}, true],
    [{ field: 'ownsLocalHousing', op: 'eq', value: false }, { ownsLocalHousing: false }, true],
    [{ field: 'registeredCapital', op: 'gte', value: 100.5 }, { registeredCapital: 100.5 }, true],
  ];
  it.each(table)('%j with %j → %p', (p, facts, expected) => expect(testPredicate(p, facts, ASOF)).toBe(expected));
});

describe('rules', () => {
  const rule: Rule = {
    all: [
      { field: 'age', op: 'between', value: [18, 35] },
      { any: [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { field: 'incomeBand', op: 'eq', value: 'dibao' }] },
      { not: { field: 'ownsLocalHousing', op: 'eq', value: true } },
    ],
  };

  it('all facts known and true → true with explanations in zh, bo where translated', () => {
    const out = evaluateRule(rule, { age: 35, identityTags: ['graduate'], ownsLocalHousing: false }, ASOF, names);
    expect(out.result).toBe(true);
    expect(out.missing).toEqual([]);
    expect(out.explanations[0]).toEqual({ field: 'age', result: true, zh: '年龄 35岁 在 18–35岁 之间（含） ✓', bo: 'ལོ་ཚད། 35 18–35 ✓' });
    expect(out.explanations[1].zh).toBe('身份 {高校毕业生} 包含 高校毕业生 ✓');
  });

  it('unknown parts report exactly the facts that decide', () => {
    const out = evaluateRule(rule, { age: 30 }, ASOF, names);
    expect(out.result).toBeNull();
    expect(out.missing.sort()).toEqual(['identityTags', 'incomeBand', 'ownsLocalHousing']);
    // a false part settles `all`: nothing is missing then
    const no = evaluateRule(rule, { age: 40 }, ASOF, names);
    expect(no.result).toBe(false);
    expect(no.missing).toEqual([]);
    // a true part settles `any`: income band is no longer asked for
    const some = evaluateRule(rule, { age: 30, identityTags: ['graduate'] }, ASOF, names);
    expect(some.result).toBeNull();
    expect(some.missing).toEqual(['ownsLocalHousing']);
  });

  it('not keeps unknown and explains the region by name', () => {
    expect(evaluateRule({ not: { field: 'age', op: 'gte', value: 60 } }, {}, ASOF).result).toBeNull();
    const out = evaluateRule({ field: 'householdRegion', op: 'eq', value: '513300' }, { householdRegion: '513301' }, ASOF, names);
    expect(out.explanations[0].zh).toBe('户籍所在地 康定市 属于 甘孜藏族自治州 ✓');
    expect(out.explanations[0].bo).toBe('ཐོ་འགོད་ས་ཁུལ། དར་མདོ་གྲོང་ཁྱེར། ∈ དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ། ✓');
    const unknown = evaluateRule({ field: 'age', op: 'lte', value: 40 }, {}, ASOF);
    expect(unknown.explanations[0].zh).toBe('年龄：未提供（需 ≤ 40岁）?');
  });
});
