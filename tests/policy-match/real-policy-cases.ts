/**
 * The hand-worked cases of the demo policies (design `docs/design/policy-match-real-policies.md` §4.4):
 * a profile, a policy (its key P01 … P26 in `database/seeds/demo-policies.ts`), the evaluation day,
 * the expected status and the facts that would settle it (a set; the API orders them). Each case
 * was worked out from the policy's clause text, not from the code. Used by the pure test
 * `plugins/policy-match/server/src/utils/evaluate-policy.cases.test.ts` and, over HTTP, by
 * `real-policies.spec.ts`, so a disagreement between the two paths shows.
 */
export type CaseKind = 'individual' | 'enterprise';
export type CaseStatus = 'eligible' | 'possibly-eligible' | 'ineligible';
export type CaseFacts = Record<string, unknown>;

export interface RealPolicyCase {
  n: number;
  policy: string;
  kind: CaseKind;
  facts: CaseFacts;
  asOf: string;
  status: CaseStatus;
  /** The facts that would settle a possibly-eligible result (empty otherwise). */
  missing: string[];
  /** Policy-level reasons of an ineligible result, when the case is about them (e.g. ['jurisdiction']). */
  reasons?: string[];
  why: string;
}

export const CASES_AS_OF = '2026-07-01';

/** Base profiles (individual unless marked). */
export const G: CaseFacts = { age: 24, householdRegion: '513301', identityTags: ['graduate'] };
export const G2: CaseFacts = { ...G, graduationYear: 2025, educationLevel: 'bachelor', employmentStatus: 'registered-unemployed', residenceRegion: '513301', hasOtherBusinessLoans: false };
export const OLD: CaseFacts = { birthDate: '1940-03-02', householdRegion: '513328', identityTags: ['elderly', 'herder'] };
export const DIS: CaseFacts = { age: 45, householdRegion: '513301', identityTags: ['disabled', 'dibao'], disabilityGrade: 'grade2', hukouType: 'rural' };
export const VET: CaseFacts = { age: 23, householdRegion: '513334', identityTags: ['veteran'], veteranStatus: 'soldier-self-employed', dischargeDate: '2025-09-15' };
export const HERD: CaseFacts = { age: 40, householdRegion: '513332', identityTags: ['herder'], grasslandScheme: 'ban', contractedGrasslandArea: 1200, hukouType: 'rural' };
export const TEEN: CaseFacts = { age: 16, householdRegion: '513323', identityTags: [], educationLevel: 'junior-high' };
/** Enterprises. */
export const E: CaseFacts = { region: '513301', enterpriseSize: 'micro', industryCode: 'H61', employees: 6, foundedOn: '2023-04-10', enterpriseTypes: ['individual-business'] };
export const TECH: CaseFacts = {
  region: '510104', enterpriseSize: 'small', employees: 120, employeesLastYear: 100, newHires: 12, enterpriseTypes: ['high-tech'], foundedOn: '2015-01-01',
  unemploymentInsuranceMonths: 60, layoffsLastYear: 3, insuredEmployees: 118, seriousDishonesty: false,
};
export const COOP: CaseFacts = { region: '513328', enterpriseTypes: ['farmer-coop'], industryCode: 'A01', enterpriseSize: 'micro', boughtListedMachinery: true };

/** `base` with facts added or overridden, and the facts named in `without` removed. */
const plus = (base: CaseFacts, add: CaseFacts = {}, ...without: string[]): CaseFacts => {
  const out: CaseFacts = { ...base, ...add };
  for (const k of without) delete out[k];
  return out;
};

type Row = [n: number, policy: string, kind: CaseKind, facts: CaseFacts, status: CaseStatus, missing: string[], why: string, reasons?: string[]];
const I: CaseKind = 'individual';
const EN: CaseKind = 'enterprise';
const ok: CaseStatus = 'eligible';
const maybe: CaseStatus = 'possibly-eligible';
const no: CaseStatus = 'ineligible';

const C28 = { region: '513301', enterpriseSize: 'small', employees: 150, newHires: 13 };
const C57 = { region: '513301', enterpriseTypes: ['tech-sme'], foundedOn: '2025-07-02', annualRevenue: 800, rdExpenseRatio: 6 };
const C58 = plus(C57, { foundedOn: '2025-07-01' });
const C64 = { region: '513301', enterpriseSize: 'medium', unemploymentInsuranceMonths: 24, insuredEmployees: 40, layoffsLastYear: 3, seriousDishonesty: false };
const C74 = { age: 60, householdRegion: '513328', hukouType: 'rural', identityTags: ['tekun'], housingSafetyRating: 'D' };
const C85 = { age: 45, householdRegion: '513301', identityTags: [], hukouType: 'rural', householdAnnualIncome: 20000, householdSize: 4 };

const ROWS: Row[] = [
  // P01 求职创业补贴 (州内户籍; C1 graduate ≤ 35, graduated ≥ thisYear−2, not employed; C2 graduate ≥ thisYear−2 from a 低保/脱贫 family)
  [1, 'P01', I, G, maybe, ['graduationYear', 'employmentStatus'], 'graduation year and employment unknown; C2 false (no 低保/脱贫 tag)'],
  [2, 'P01', I, G2, ok, [], 'C1: graduate, 24 ≤ 35, 2025 ≥ 2024, registered unemployed'],
  [3, 'P01', I, plus(G2, { graduationYear: 2024 }), ok, [], 'thisYear−2 = 2024 is included'],
  [4, 'P01', I, plus(G2, { graduationYear: 2023 }), no, [], '2023 < 2024: both clauses false'],
  [5, 'P01', I, plus(G2, { age: 36 }), no, [], '36 > 35; C2 false'],
  [6, 'P01', I, plus(G2, { householdRegion: '510104' }), no, [], '户籍 in 成都, outside 甘孜州', ['jurisdiction']],
  [7, 'P01', I, { age: 24, identityTags: ['graduate', 'dibao'], graduationYear: 2026 }, maybe, ['householdRegion'], 'C2 holds; only the jurisdiction is unknown'],
  // P02 青年人才驿站 (no jurisdiction)
  [8, 'P02', I, G, ok, [], 'C1: graduate, 24 ≤ 35'],
  [9, 'P02', I, VET, ok, [], 'C2: veteran'],
  [10, 'P02', I, { identityTags: ['graduate'] }, maybe, ['age'], 'C1 needs the age; C2 false'],
  // P03 职业技能培训补贴 (州内户籍)
  [11, 'P03', I, G, ok, [], 'C1: 16 ≤ 24 ≤ 60'],
  [12, 'P03', I, OLD, maybe, ['employmentStatus', 'unemploymentInsuranceMonths'], 'age 86 > 60; C2 unknown'],
  [13, 'P03', I, TEEN, ok, [], '16 is included'],
  [14, 'P03', I, { age: 15, householdRegion: '513323', employmentStatus: 'student' }, no, [], '15 < 16; a student is not employed'],
  // P04 城乡居民养老保险 (州内户籍)
  [15, 'P04', I, G, maybe, ['employmentStatus', 'disabilityGrade'], 'C1 needs employment status; C3 needs the disability grade'],
  [16, 'P04', I, G2, ok, [], 'C1: 24 ≥ 16, registered unemployed is not student/employed/retired'],
  [17, 'P04', I, OLD, maybe, ['employmentStatus', 'disabilityGrade'], 'C1 and C2 need employment status; C3 the disability grade'],
  [18, 'P04', I, plus(OLD, { employmentStatus: 'retired' }), maybe, ['disabilityGrade'], 'retired: C1 and C2 false; C3 unknown'],
  [19, 'P04', I, DIS, ok, [], 'C3: grade2 (and 低保) despite unknown employment'],
  // P05 灵活就业社保补贴 (四川 常住地)
  [20, 'P05', I, G, maybe, ['residenceRegion', 'graduationYear', 'employmentStatus'], '常住地 unknown; clause facts unknown'],
  [21, 'P05', I, plus(G2, { employmentStatus: 'flexible' }), ok, [], 'C1: graduate, 2025 ≥ 2024, flexible'],
  [22, 'P05', I, G2, no, [], 'registered unemployed, not flexible: both clauses false'],
  [23, 'P05', I, plus(G2, { employmentStatus: 'flexible', residenceRegion: '530102' }), no, [], '常住地 in 昆明 (户籍 inside does not count)', ['jurisdiction']],
  // P06 创业担保贷款 (any; 户籍 / 注册地 in 甘孜州)
  [24, 'P06', I, G, maybe, ['employmentStatus', 'hasOtherBusinessLoans'], 'graduate; self-employment and other loans unknown'],
  [25, 'P06', I, plus(G2, { employmentStatus: 'self-employed' }), ok, [], 'C1'],
  [26, 'P06', I, plus(G2, { employmentStatus: 'self-employed', hasOtherBusinessLoans: true }), no, [], 'other business loans'],
  [27, 'P06', EN, E, maybe, ['newHires'], 'micro, ≤ 100 employees: the new-hire ratio needs newHires'],
  [28, 'P06', EN, C28, ok, [], '13 ÷ 150 = 8.67 % ≥ 8 % (more than 100 employees)'],
  [29, 'P06', EN, plus(C28, { newHires: 11 }), no, [], '11 ÷ 150 = 7.33 % < 8 %'],
  [30, 'P06', EN, { region: '513301', enterpriseSize: 'micro', employees: 0, newHires: 2 }, no, [], 'no employees: whenZero 0 → 0 %'],
  [31, 'P06', EN, TECH, no, [], '注册地 成都', ['jurisdiction']],
  // P07 三支一扶 (no jurisdiction; age 30, 35 for 甘孜/阿坝/凉山 户籍)
  [32, 'P07', I, G, maybe, ['educationLevel', 'graduationYear', 'employmentStatus'], 'education and graduation unknown'],
  [33, 'P07', I, G2, ok, [], 'C2: bachelor ≥ 大专, 2025 ≥ 2024, unemployed, 24 ≤ 30'],
  [34, 'P07', I, plus(G2, { graduationYear: 2026, employmentStatus: 'student' }), ok, [], 'C1: graduating this year (thisYear 0)'],
  [35, 'P07', I, plus(G2, { age: 33 }), ok, [], '33 ≤ 35 with 甘孜 户籍'],
  [36, 'P07', I, plus(G2, { age: 33, householdRegion: '510104' }), no, [], '33 > 30 and 户籍 outside the three prefectures'],
  [37, 'P07', I, plus(G2, { age: 33 }, 'householdRegion'), maybe, ['householdRegion'], 'a region fact inside a rule'],
  [38, 'P07', I, plus(G2, { educationLevel: 'senior-high' }), no, [], 'ordered enum: 普通高中 below 大专'],
  // P08 就业见习 (州内户籍)
  [39, 'P08', I, G, maybe, ['graduationYear', 'employmentStatus'], 'C1 branches need graduation and employment; C2 false'],
  [40, 'P08', I, TEEN, maybe, ['employmentStatus'], '16 in 16–24; employment unknown'],
  [41, 'P08', I, { age: 25, householdRegion: '513301', identityTags: [], employmentStatus: 'registered-unemployed' }, no, [], '25 outside 16–24, not a graduate'],
  // P09 高龄津贴 (州内户籍)
  [42, 'P09', I, OLD, ok, [], 'born 1940-03-02: 86 on 2026-07-01'],
  [43, 'P09', I, { birthDate: '1946-07-02', householdRegion: '513301' }, no, [], '79: the 80th birthday is tomorrow'],
  [44, 'P09', I, { birthDate: '1946-07-01', householdRegion: '513301' }, ok, [], '80 on the birthday'],
  [45, 'P09', I, { householdRegion: '513301' }, maybe, ['age'], 'age unknown (asked as age)'],
  // P10 残疾人两项补贴 (四川户籍)
  [46, 'P10', I, DIS, ok, [], 'C1: disabled in a 低保 family'],
  [47, 'P10', I, { age: 50, householdRegion: '513301', identityTags: ['disabled'] }, maybe, ['disabilityGrade'], 'C1 false (no 低保); C2 needs the grade'],
  [48, 'P10', I, G, no, [], 'not disabled'],
  // P11 退役士兵 (州内户籍)
  [49, 'P11', I, VET, ok, [], 'discharged 2025-09-15 ≥ 2025-07-01'],
  [50, 'P11', I, plus(VET, { dischargeDate: '2025-07-01' }), ok, [], 'today − 1 year is included'],
  [51, 'P11', I, plus(VET, { dischargeDate: '2025-06-30' }), no, [], 'one day more than a year'],
  [52, 'P11', I, plus(VET, {}, 'veteranStatus'), ok, [], 'C2 does not need the veteran category'],
  // P12 小微企业和个体工商户税费 (national)
  [53, 'P12', EN, E, ok, [], 'C2: 个体工商户'],
  [54, 'P12', EN, { employees: 50 }, maybe, ['enterpriseTypes'], 'enterprise types unknown'],
  [55, 'P12', EN, { enterpriseTypes: [] }, no, [], 'a known empty list'],
  // P13 高新技术企业 (provincial, no jurisdiction)
  [56, 'P13', EN, TECH, ok, [], 'C1: 高新技术企业'],
  [57, 'P13', EN, C57, no, [], 'founded 2025-07-02: 0 full years'],
  [58, 'P13', EN, C58, ok, [], 'one year on the anniversary; revenue 800 ≤ 5000 with R&D 6 % ≥ 5 %'],
  [59, 'P13', EN, plus(C58, { annualRevenue: 6000, rdExpenseRatio: 4.5 }), ok, [], 'second band: 5000 < 6000 ≤ 20000, 4.5 % ≥ 4 %'],
  [60, 'P13', EN, plus(C58, { annualRevenue: 5000, rdExpenseRatio: 4.5 }), no, [], '5000 belongs to the first band, where 4.5 % < 5 %'],
  [61, 'P13', EN, { enterpriseTypes: ['tech-sme'], foundedOn: '2020-01-01' }, maybe, ['annualRevenue', 'rdExpenseRatio'], 'the bands need revenue and R&D ratio'],
  // P14 稳岗返还 (四川 注册地)
  [62, 'P14', EN, TECH, ok, [], 'layoff rate 3 ÷ 118 = 2.54 % ≤ 5.5 %'],
  [63, 'P14', EN, { region: '513301', unemploymentInsuranceMonths: 24, insuredEmployees: 20, layoffsLastYear: 3 }, ok, [], '15 % ≤ 20 % with ≤ 30 insured'],
  [64, 'P14', EN, C64, ok, [], 'C2: 7.5 % in (5.5 %, 10 %], medium, not dishonest'],
  [65, 'P14', EN, plus(C64, { layoffsLastYear: 5 }), no, [], '12.5 % > 10 %'],
  [66, 'P14', EN, E, maybe, ['unemploymentInsuranceMonths', 'layoffsLastYear', 'insuredEmployees', 'seriousDishonesty'], 'insurance months and layoffs unknown'],
  // P15 政府采购 (national)
  [67, 'P15', EN, E, ok, [], 'micro'],
  [68, 'P15', EN, { enterpriseSize: 'medium' }, ok, [], 'C1 only (medium is above small)'],
  [69, 'P15', EN, { enterpriseSize: 'large' }, no, [], 'large'],
  // P16 农机购置补贴 (any; 四川 户籍 / 注册地)
  [70, 'P16', EN, COOP, ok, [], 'enterprise branch: 农民专业合作社 bought listed machinery'],
  [71, 'P16', I, HERD, maybe, ['boughtListedMachinery'], 'herder; the purchase unknown'],
  [72, 'P16', I, G, no, [], 'neither farmer nor herder, nor 脱贫'],
  [73, 'P16', EN, E, no, [], 'not an agricultural organisation'],
  // P17 农村危房改造 (州内户籍)
  [74, 'P17', I, C74, ok, [], 'C2: rural 特困 with a D-rated house'],
  [75, 'P17', I, plus(C74, { housingSafetyRating: 'B' }), no, [], 'B is not C or D'],
  [76, 'P17', I, plus(C74, {}, 'housingSafetyRating'), maybe, ['housingSafetyRating'], 'rating unknown'],
  // P18 9+3 免费教育 (四川户籍; 甘孜、阿坝、木里)
  [77, 'P18', I, TEEN, ok, [], 'C1: `not` over a tag-list (not a graduate), 初中'],
  [78, 'P18', I, plus(TEEN, { householdRegion: '513401' }), no, [], '凉山 is in 四川 but only 木里 of it is in the clause'],
  [79, 'P18', I, plus(TEEN, { householdRegion: '513422' }), ok, [], '木里'],
  [80, 'P18', I, G, no, [], 'a graduate; education unknown but C2 needs 初中 and age ≤ 22 (24)'],
  // P19 草原补奖 (州内户籍)
  [81, 'P19', I, HERD, ok, [], '禁牧'],
  [82, 'P19', I, plus(HERD, { grasslandScheme: 'balance' }), ok, [], '草畜平衡'],
  [83, 'P19', I, plus(HERD, {}, 'grasslandScheme'), maybe, ['grasslandScheme'], 'scheme unknown'],
  // P20 低保 (州内户籍)
  [84, 'P20', I, G, maybe, ['hukouType', 'householdAnnualIncome', 'householdSize'], 'hukou and per-capita income unknown (derived → its inputs)'],
  [85, 'P20', I, C85, ok, [], '20000 ÷ 4 = 5000 < 6000 (rural)'],
  [86, 'P20', I, plus(C85, { householdAnnualIncome: 24000 }), no, [], '6000 is not < 6000'],
  [87, 'P20', I, { age: 45, householdRegion: '513301', identityTags: [], householdAnnualIncome: 40000, householdSize: 4 }, no, [], '10000 ≥ 9360: hukou type not needed'],
  [88, 'P20', I, DIS, maybe, ['householdAnnualIncome', 'householdSize'], 'C2 and C3 need per-capita income (derived → inputs)'],
  // P21 医保参保资助 (州内户籍)
  [89, 'P21', I, DIS, ok, [], 'C2: 低保'],
  [90, 'P21', I, G, no, [], 'none of the tags'],
  // P22 返乡入乡创业补贴 (四川户籍)
  [91, 'P22', I, G, maybe, ['employmentStatus', 'ownBusinessSince'], 'C1 needs self-employment since a year; C2 false (not a rural entrepreneur)'],
  [92, 'P22', I, plus(G, { employmentStatus: 'self-employed', ownBusinessSince: '2025-07-01' }), ok, [], 'exactly one year is included'],
  [93, 'P22', I, plus(G, { employmentStatus: 'self-employed', ownBusinessSince: '2025-07-02' }), no, [], 'one day short'],
  // P23 国家助学贷款 (national)
  [94, 'P23', I, { identityTags: ['graduate', 'student-loan-holder'], graduationYear: 2021 }, ok, [], 'C1: 2021 = thisYear − 5 is included'],
  // P24 一次性扩岗补助 (national)
  [95, 'P24', EN, TECH, maybe, ['youthHires'], 'C2: 12 ÷ 120 = 10 % < 30 %; C1 needs the youth hires'],
  [96, 'P24', EN, E, maybe, ['youthHires', 'newHires'], 'C1 youth hires; C2 the new-hire ratio'],
  [97, 'P24', EN, plus(TECH, { youthHires: 0 }), no, [], 'no youth hires, ratio below 30 %'],
  // P25 文旅住宿餐饮 (州内注册)
  [98, 'P25', EN, E, ok, [], 'C1: H61 in H, micro'],
  [99, 'P25', EN, TECH, no, [], '注册地 成都', ['jurisdiction']],
  [100, 'P25', EN, { region: '513301', industryCode: 'H62', enterpriseSize: 'large', employees: 400, employeesLastYear: 370 }, ok, [], 'C2: 30 net new jobs (large, so not C1)'],
  // P26 高校毕业生就业服务 (州内户籍)
  [101, 'P26', I, G, ok, [], 'C1: a graduate'],
  [102, 'P26', I, VET, no, [], 'not a graduate'],
];

export const REAL_POLICY_CASES: RealPolicyCase[] = ROWS.map(([n, policy, kind, facts, status, missing, why, reasons]) => ({
  n, policy, kind, facts, asOf: CASES_AS_OF, status, missing, why, ...(reasons ? { reasons } : {}),
}));
