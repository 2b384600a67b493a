import { STARTER_FACTS } from '../data/starter-facts';
import { checkFact, checkScalar } from './check-value';
import { deriveValue, factProblems, opsOf, registryFromDefs, serves, type FactDef } from './registry';

const registry = registryFromDefs(STARTER_FACTS);
const def = (code: string) => {
  const d = registry.get(code);
  if (!d) throw new Error(`no fact ${code}`);
  return d;
};

describe('the starter facts', () => {
  it('are each valid among the others, with unique codes and sort orders', () => {
    for (const f of STARTER_FACTS) expect([f.code, factProblems(f, STARTER_FACTS)]).toEqual([f.code, []]);
    expect(new Set(STARTER_FACTS.map((f) => f.code)).size).toBe(STARTER_FACTS.length);
    expect(new Set(STARTER_FACTS.map((f) => f.sortOrder)).size).toBe(STARTER_FACTS.length);
  });

  it('keep the sixteen built-in facts in today\'s order, types and audiences', () => {
    expect(registry.facts.filter((f) => f.builtIn).map((f) => `${f.code}:${f.type}:${f.audience}`)).toEqual([
      'age:integer:individual', 'birthDate:date:individual', 'householdRegion:region:individual', 'identityTags:tag-list:individual',
      'lifeEvents:tag-list:individual', 'incomeBand:enum:individual', 'ownsLocalHousing:boolean:individual', 'industryCode:industry:enterprise',
      'enterpriseSize:enum:enterprise', 'foundedOn:date:enterprise', 'employees:integer:enterprise', 'registeredCapital:number:enterprise',
      'annualRevenue:number:enterprise', 'region:region:enterprise', 'taxCreditRating:enum:enterprise', 'enterpriseStage:enum:enterprise',
    ]);
  });

  it('cover the conditions the issue names', () => {
    for (const code of [
      'gender', 'householdRegion', 'residenceRegion', 'educationLevel', 'graduationYear', 'employmentStatus', 'householdAnnualIncome',
      'disabilityGrade', 'veteranStatus', 'dischargeDate', 'hukouType', 'householdSize', 'housingSafetyRating', 'contractedGrasslandArea',
      'enterpriseTypes', 'taxCreditRating', 'unemploymentInsuranceMonths', 'layoffRate', 'newHireRatio', 'hasOtherBusinessLoans',
    ]) expect(registry.get(code)).toBeDefined();
    expect(def('disabilityGrade')).toMatchObject({ sensitive: true, ordered: true });
    expect(def('disabilityGrade').values?.map((v) => v.zh)).toEqual(['无', '四级', '三级', '二级', '一级']);
    expect(def('employmentStatus').values?.map((v) => v.code)).toEqual(expect.arrayContaining(['registered-unemployed', 'flexible', 'employed']));
    expect(def('enterpriseTypes').tagDimension).toBe('enterprise-type');
    expect(def('unemploymentInsuranceMonths').audience).toBe('both');
  });

  it('label in Tibetan only what was approved, every other bo label left for the glossary', () => {
    expect(STARTER_FACTS.filter((f) => f.labelBo !== null).map((f) => f.code)).toEqual(['age', 'householdRegion', 'region']);
    expect(STARTER_FACTS.flatMap((f) => f.values ?? []).every((v) => v.bo === null)).toBe(true);
  });
});

describe('the registry', () => {
  it('gives the operators of a fact by its type, comparisons for ordered enums', () => {
    expect(registry.ops(def('employees'))).toEqual(['eq', 'in', 'gte', 'lte', 'gt', 'lt', 'between', 'exists']);
    expect(registry.ops(def('graduationYear'))).toContain('gt');
    expect(registry.ops(def('birthDate'))).toEqual(['eq', 'gte', 'lte', 'between', 'before', 'after', 'exists']);
    expect(registry.ops(def('gender'))).toEqual(['eq', 'in', 'exists']);
    expect(registry.ops(def('educationLevel'))).toContain('gte');
    expect(registry.ops(def('ownsLocalHousing'))).toEqual(['eq', 'exists']);
    // the table is not shared mutable state
    registry.ops(def('gender')).push('gt');
    expect(opsOf(def('gender'))).toEqual(['eq', 'in', 'exists']);
  });

  it('lists the region facts of each kind', () => {
    expect(registry.regionFacts('individual').map((f) => f.code)).toEqual(['householdRegion', 'residenceRegion']);
    expect(registry.regionFacts('enterprise').map((f) => f.code)).toEqual(['region']);
  });

  it('says which askable facts settle a fact', () => {
    expect(registry.inputsOf('age')).toEqual(['age']);
    expect(registry.inputsOf('layoffRate')).toEqual(['layoffsLastYear', 'insuredEmployees']);
    expect(registry.inputsOf('incomePerCapita')).toEqual(['householdAnnualIncome', 'householdSize']);
    expect(registry.inputsOf('gender')).toEqual(['gender']);
    expect(registry.inputsOf('nope')).toEqual([]);
  });

  it('serves a fact of both audiences to either kind', () => {
    expect(serves(def('unemploymentInsuranceMonths'), 'enterprise')).toBe(true);
    expect(serves(def('unemploymentInsuranceMonths'), 'individual')).toBe(true);
    expect(serves(def('employees'), 'individual')).toBe(false);
  });

  it('sorts by sortOrder and keeps its revision', () => {
    const r = registryFromDefs([{ ...def('gender'), sortOrder: 5 }, { ...def('age'), sortOrder: 1 }], 'rev-7');
    expect(r.facts.map((f) => f.code)).toEqual(['age', 'gender']);
    expect(r.revision).toBe('rev-7');
    expect(registry.revision).toBe('static');
  });
});

describe('derived facts', () => {
  const at = (facts: Record<string, unknown>) => (code: string) => facts[code];
  const asOf = '2026-07-01';

  it('compute a ratio, scaled, with its whenZero', () => {
    const d = def('newHireRatio').derived!;
    expect(deriveValue(d, at({ newHires: 13, employees: 150 }), asOf)).toBeCloseTo(8.6667, 3);
    expect(deriveValue(d, at({ newHires: 0, employees: 0 }), asOf)).toBe(0);
    expect(deriveValue(d, at({ newHires: 3 }), asOf)).toBeNull();
    const perCapita = def('incomePerCapita').derived!;
    expect(deriveValue(perCapita, at({ householdAnnualIncome: 18000, householdSize: 3 }), asOf)).toBe(6000);
    expect(deriveValue({ formula: 'ratio', args: ['a', 'b'] }, at({ a: 1, b: 0 }), asOf)).toBeNull();
  });

  it('compute a difference and whole years since a date (the anniversary counting)', () => {
    expect(deriveValue(def('netNewJobs').derived!, at({ employees: 120, employeesLastYear: 100 }), asOf)).toBe(20);
    expect(deriveValue(def('netNewJobs').derived!, at({ employees: 120 }), asOf)).toBeNull();
    expect(deriveValue(def('age').derived!, at({ birthDate: '2002-07-01' }), asOf)).toBe(24);
    expect(deriveValue(def('age').derived!, at({ birthDate: '2002-07-02' }), asOf)).toBe(23);
    expect(deriveValue(def('enterpriseAgeYears').derived!, at({}), asOf)).toBeNull();
  });
});

describe('factProblems', () => {
  const base: FactDef = { code: 'boughtGreenhouse', audience: 'both', type: 'boolean', labelZh: '购置温室', labelBo: null, askable: true, storable: true, sensitive: false, group: 'agriculture', sortOrder: 999, builtIn: false };
  const problems = (d: Partial<FactDef>) => factProblems({ ...base, ...d }, STARTER_FACTS).map((p) => `${p.path.join('.')}: ${p.message}`);

  it('accepts a plain new fact', () => expect(problems({})).toEqual([]));

  it('refuses bad codes, attributes of another type and inverted bounds', () => {
    expect(problems({ code: 'Bad code' })).toEqual(['code: must start with a lower-case letter and hold 2–40 letters or digits']);
    expect(problems({ min: 1 })).toEqual(['min: only integer, number and year facts have bounds']);
    expect(problems({ type: 'integer', min: 5, max: 1 })).toEqual(['min: must not be above max']);
    expect(problems({ values: [{ code: 'a', zh: 'A', bo: null }] })).toEqual(['values: only enum facts have values']);
    expect(problems({ type: 'enum', values: [] })).toEqual(['values: an enum fact needs at least one value']);
    expect(problems({ type: 'enum', values: [{ code: 'a', zh: 'A', bo: null }, { code: 'a', zh: 'B', bo: null }] })).toEqual(['values.1.code: repeats "a"']);
    expect(problems({ type: 'tag-list' })).toEqual(['tagDimension: a tag-list fact needs its tag dimension']);
  });

  it('refuses derivations over unknown, derived, unstored or incompatible facts, or of the wrong type', () => {
    const derived = (d: FactDef['derived'], extra: Partial<FactDef> = {}) => problems({ type: 'number', audience: 'enterprise', derived: d, storable: false, askable: false, ...extra });
    expect(derived({ formula: 'ratio', args: ['newHires', 'employees'] })).toEqual([]);
    expect(derived({ formula: 'ratio', args: ['newHires', 'nope'] })).toEqual(['derived.args.1: unknown fact "nope"']);
    expect(derived({ formula: 'ratio', args: ['newHireRatio', 'employees'] })).toEqual(['derived.args.0: "newHireRatio" is derived itself (one level only)']);
    expect(derived({ formula: 'ratio', args: ['foundedOn', 'employees'] })).toEqual(['derived.args.0: "foundedOn" must be an integer or number fact']);
    expect(derived({ formula: 'ratio', args: ['householdSize', 'employees'] })).toEqual(['derived.args.0: "householdSize" does not serve the audience enterprise']);
    expect(derived({ formula: 'yearsSince', args: ['foundedOn'] })).toEqual(['type: a yearsSince fact is of type integer']);
    expect(derived({ formula: 'difference', args: ['employees'] })).toEqual(['derived.args: difference takes 2 facts']);
    expect(derived({ formula: 'ratio', args: ['newHires', 'employees'] }, { storable: true })).toEqual(['storable: a derived fact is computed, never stored']);
  });
});

describe('checkScalar / checkFact on registry facts', () => {
  it('checks types, bounds and enum codes', () => {
    expect(checkScalar(def('graduationYear'), 2026)).toBeNull();
    expect(checkScalar(def('graduationYear'), 1949)).toBe('must be ≥ 1950');
    expect(checkScalar(def('graduationYear'), 2026.5)).toBe('must be a year such as 2026');
    expect(checkScalar(def('employees'), -1)).toBe('must be ≥ 0');
    expect(checkScalar(def('disabilityGrade'), 'grade2')).toBeNull();
    expect(checkScalar(def('disabilityGrade'), 'grade5')).toBe('must be one of none, grade4, grade3, grade2, grade1');
    expect(checkScalar(def('dischargeDate'), '2025-02-30')).toBe('must be a date YYYY-MM-DD');
    expect(checkScalar(def('residenceRegion'), '513301')).toBeNull();
    expect(checkScalar(def('hasOtherBusinessLoans'), 'yes')).toBe('must be true or false');
    expect(checkFact(def('enterpriseTypes'), ['high-tech', 'tech-sme'])).toBeNull();
    expect(checkFact(def('enterpriseTypes'), 'high-tech')).toBe('must be a list of at most 50 tag codes');
    expect(checkFact(def('gender'), null)).toBeNull();
  });
});
