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

describe('the rule language of #19 (asOf 2026-07-01)', () => {
  const DAY = '2026-07-01';
  const ind = (facts: Facts) => ({ kind: 'individual' as const, facts });
  const ent = (facts: Facts) => ({ kind: 'enterprise' as const, facts });
  const run = (rule: Rule, subject: { kind: 'individual' | 'enterprise'; facts: Facts }) => evaluate(rule, subject, { registry, asOf: DAY });

  it.each<[Rule, { kind: 'individual' | 'enterprise'; facts: Facts }, boolean | null, string[]]>([
    // kind: never unknown, usable inside any/not
    [{ kind: 'enterprise' }, ent({}), true, []],
    [{ kind: 'enterprise' }, ind({}), false, []],
    [{ not: { kind: 'enterprise' } }, ind({}), true, []],
    [{ any: [{ all: [{ kind: 'individual' }, { field: 'identityTags', op: 'eq', value: 'farmer' }] }, { all: [{ kind: 'enterprise' }, { field: 'enterpriseTypes', op: 'eq', value: 'farmer-coop' }] }] }, ent({}), null, ['enterpriseTypes']],
    [{ any: [{ all: [{ kind: 'individual' }, { field: 'identityTags', op: 'eq', value: 'farmer' }] }, { all: [{ kind: 'enterprise' }, { field: 'enterpriseTypes', op: 'eq', value: 'farmer-coop' }] }] }, ind({ identityTags: ['farmer'] }), true, []],
    // relative dates: today − 1 year = 2025-07-01, included
    [{ field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, ind({ dischargeDate: '2025-07-01' }), true, []],
    [{ field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, ind({ dischargeDate: '2025-06-30' }), false, []],
    [{ field: 'dischargeDate', op: 'gte', value: { today: { months: -12 } } }, ind({}), null, ['dischargeDate']],
    [{ field: 'ownBusinessSince', op: 'before', value: { today: { days: -1 } } }, ind({ ownBusinessSince: '2026-06-29' }), true, []],
    [{ field: 'ownBusinessSince', op: 'before', value: { today: { days: -1 } } }, ind({ ownBusinessSince: '2026-06-30' }), false, []],
    // relative years
    [{ field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }, ind({ graduationYear: 2024 }), true, []],
    [{ field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }, ind({ graduationYear: 2023 }), false, []],
    [{ field: 'graduationYear', op: 'eq', value: { thisYear: 0 } }, ind({ graduationYear: 2026 }), true, []],
    [{ field: 'graduationYear', op: 'in', value: [{ thisYear: -1 }, { thisYear: 0 }] }, ind({ graduationYear: 2025 }), true, []],
    // gt / lt are strict
    [{ field: 'incomePerCapita', op: 'lt', value: 6000 }, ind({ householdAnnualIncome: 24000, householdSize: 4 }), false, []],
    [{ field: 'incomePerCapita', op: 'lt', value: 6000 }, ind({ householdAnnualIncome: 20000, householdSize: 4 }), true, []],
    [{ field: 'annualRevenue', op: 'gt', value: 5000 }, ent({ annualRevenue: 5000 }), false, []],
    [{ field: 'annualRevenue', op: 'gt', value: 5000 }, ent({ annualRevenue: 5000.5 }), true, []],
    // ordered enums compare list positions
    [{ field: 'educationLevel', op: 'gte', value: 'junior-college' }, ind({ educationLevel: 'bachelor' }), true, []],
    [{ field: 'educationLevel', op: 'gte', value: 'junior-college' }, ind({ educationLevel: 'senior-high' }), false, []],
    [{ field: 'educationLevel', op: 'gt', value: 'bachelor' }, ind({ educationLevel: 'bachelor' }), false, []],
    [{ field: 'enterpriseSize', op: 'lte', value: 'medium' }, ent({ enterpriseSize: 'micro' }), true, []],
    [{ field: 'enterpriseSize', op: 'lte', value: 'medium' }, ent({ enterpriseSize: 'large' }), false, []],
    [{ field: 'disabilityGrade', op: 'between', value: ['grade2', 'grade1'] }, ind({ disabilityGrade: 'grade3' }), false, []],
    [{ field: 'disabilityGrade', op: 'between', value: ['grade2', 'grade1'] }, ind({ disabilityGrade: 'grade1' }), true, []],
    [{ field: 'educationLevel', op: 'gte', value: 'bachelor' }, ind({ educationLevel: 'no-longer-a-value' }), null, ['educationLevel']], // removed value reads as unknown
    // derived facts: computed; unknown → itself if askable, else its unknown inputs
    [{ field: 'newHireRatio', op: 'gte', value: 8 }, ent({ newHires: 13, employees: 150 }), true, []],
    [{ field: 'newHireRatio', op: 'gte', value: 8 }, ent({ newHires: 11, employees: 150 }), false, []],
    [{ field: 'newHireRatio', op: 'gte', value: 8 }, ent({ employees: 150 }), null, ['newHires']],
    [{ field: 'newHireRatio', op: 'gte', value: 1 }, ent({ newHires: 2, employees: 0 }), false, []], // whenZero 0
    [{ field: 'layoffRate', op: 'lte', value: 5.5 }, ent({}), null, ['layoffsLastYear', 'insuredEmployees']],
    [{ field: 'layoffRate', op: 'lte', value: 5.5 }, ent({ layoffsLastYear: 11, insuredEmployees: 200 }), true, []],
    [{ field: 'netNewJobs', op: 'gte', value: 1 }, ent({ employees: 400, employeesLastYear: 370 }), true, []],
    [{ field: 'enterpriseAgeYears', op: 'gte', value: 1 }, ent({ foundedOn: '2025-07-01' }), true, []],
    [{ field: 'enterpriseAgeYears', op: 'gte', value: 1 }, ent({ foundedOn: '2025-07-02' }), false, []],
    [{ field: 'enterpriseAgeYears', op: 'gte', value: 1 }, ent({}), null, ['foundedOn']],
    [{ field: 'age', op: 'gte', value: 80 }, ind({}), null, ['age']], // askable: asks itself
    [{ field: 'newHireRatio', op: 'exists' }, ent({ newHires: 1 }), false, []],
    // not keeps unknown and its inner missing facts
    [{ not: { field: 'incomePerCapita', op: 'lt', value: 6000 } }, ind({ householdSize: 3 }), null, ['householdAnnualIncome']],
  ])('%j on %j → %p missing %j', (rule, subject, result, missing) => {
    const out = run(rule, subject);
    expect([out.result, [...out.missing].sort()]).toEqual([result, [...missing].sort()]);
  });

  it('explains kind, relative bounds, derived values and ordered enums', () => {
    const ex = (rule: Rule, subject: { kind: 'individual' | 'enterprise'; facts: Facts }) => run(rule, subject).explanations.map((e) => e.zh);
    expect(ex({ kind: 'enterprise' }, ent({}))).toEqual(['申请主体 企业 属于 企业 ✓']);
    expect(ex({ kind: 'enterprise' }, ind({}))).toEqual(['申请主体 个人 属于 企业 ✗']);
    expect(ex({ field: 'dischargeDate', op: 'gte', value: { today: { years: -1 } } }, ind({ dischargeDate: '2025-09-15' }))).toEqual(['退役日期 2025-09-15 ≥ 2025-07-01（评估日前1年） ✓']);
    expect(ex({ field: 'newHireRatio', op: 'gte', value: 8 }, ent({ newHires: 13, employees: 150 }))).toEqual(['新招用人员占在职职工比例 8.67%（13÷150） ≥ 8% ✓']);
    expect(ex({ field: 'educationLevel', op: 'gte', value: 'junior-college' }, ind({ educationLevel: 'senior-high' }))).toEqual(['文化程度 普通高中 ≥ 大专/高职 ✗']);
    expect(ex({ field: 'graduationYear', op: 'gte', value: { thisYear: -2 } }, ind({}))).toEqual(['毕业年份：未提供（需 ≥ 2024年（评估年度前2年））?']);
    expect(ex({ field: 'enterpriseAgeYears', op: 'gte', value: 1 }, ent({ foundedOn: '2015-01-01' }))).toEqual(['成立年限 11年（按成立日期 2015-01-01 计） ≥ 1年 ✓']);
  });
});
