import { STARTER_FACTS } from '../../plugins/policy-match/server/src/data/starter-facts';
import { deriveValue, registryFromDefs } from '../../plugins/policy-match/server/src/utils/registry';

/**
 * The questionnaire's hidden profiles (design §3.3): each a complete profile of its person; a fact
 * the person does not have is absent (and declined when asked). Used by
 * `tests/policy-match/questionnaire.spec.ts` over HTTP and by the pure demo-budget case of
 * `utils/next-question.test.ts`.
 */

const registry = registryFromDefs(STARTER_FACTS);

export type Persona = {
  name: string;
  kind: 'individual' | 'enterprise';
  facts: Record<string, unknown>;
  /**
   * Why this person is known to need more than 8 questions with today's demo rules: the tests
   * assert that it still does (so a rule gate that fixes it shows up and the mark is removed),
   * and count it out of the ≥ 20 that must fit.
   */
  knownOverBudget?: string;
};

/** 24 hidden profiles (16 people, 8 firms): design §3.3. */
export const PERSONAS: Persona[] = [
  { name: 'README graduate of 康定', kind: 'individual', facts: { age: 24, gender: 'male', householdRegion: '513301', residenceRegion: '513301', identityTags: ['graduate'], graduationYear: 2025, educationLevel: 'bachelor', employmentStatus: 'registered-unemployed', hukouType: 'urban', householdAnnualIncome: 80_000, householdSize: 3, hasOtherBusinessLoans: false, ownsLocalHousing: true, disabilityGrade: 'none' } },
  { name: 'flexible-employed graduate living in 成都', kind: 'individual', facts: { age: 26, householdRegion: '513301', residenceRegion: '510104', identityTags: ['graduate'], graduationYear: 2024, educationLevel: 'junior-college', employmentStatus: 'flexible', hukouType: 'rural', householdAnnualIncome: 60_000, householdSize: 4, unemploymentInsuranceMonths: 0 } },
  { name: 'self-employed graduate, business since 2024, no loans', kind: 'individual', facts: { age: 27, householdRegion: '513301', residenceRegion: '513301', identityTags: ['graduate'], graduationYear: 2023, educationLevel: 'bachelor', employmentStatus: 'self-employed', ownBusinessSince: '2024-03-01', hasOtherBusinessLoans: false, hukouType: 'urban' } },
  { name: '86-year-old herder of 甘孜县', kind: 'individual', facts: { birthDate: '1940-03-02', householdRegion: '513328', residenceRegion: '513328', identityTags: ['elderly', 'herder'], employmentStatus: 'farming', grasslandScheme: 'ban', contractedGrasslandArea: 1200, boughtListedMachinery: false, hukouType: 'rural', householdAnnualIncome: 40_000, householdSize: 4 } },
  { name: 'disabled 低保 person of 康定', kind: 'individual', facts: { age: 45, householdRegion: '513301', identityTags: ['disabled', 'dibao'], disabilityGrade: 'grade2', hukouType: 'rural', housingSafetyRating: 'C', householdAnnualIncome: 14_000, householdSize: 3, employmentStatus: 'unemployed' } },
  { name: 'discharged soldier of 理塘', kind: 'individual', facts: { age: 23, householdRegion: '513334', identityTags: ['veteran'], veteranStatus: 'soldier-self-employed', dischargeDate: '2025-09-15', employmentStatus: 'unemployed', educationLevel: 'senior-high', hukouType: 'rural' } },
  { name: '16-year-old of 丹巴', kind: 'individual', facts: { age: 16, householdRegion: '513323', identityTags: [], educationLevel: 'junior-high', employmentStatus: 'student', hukouType: 'rural' } },
  { name: '脱贫 farmer of 泸定 who bought machinery', kind: 'individual', facts: { age: 50, householdRegion: '513322', identityTags: ['farmer', 'poverty-alleviated'], boughtListedMachinery: true, employmentStatus: 'farming', hukouType: 'rural', housingSafetyRating: 'B' } },
  { name: '特困 elder of 石渠 in a D-rated house', kind: 'individual', facts: { age: 72, householdRegion: '513332', identityTags: ['tekun', 'elderly'], housingSafetyRating: 'D', hukouType: 'rural', householdAnnualIncome: 3000, householdSize: 1 } },
  { name: '55-year-old employed worker, 36 insurance months', kind: 'individual', facts: { age: 55, householdRegion: '513301', identityTags: [], employmentStatus: 'employed', unemploymentInsuranceMonths: 36, hukouType: 'urban' } },
  { name: 'student-loan holder of 2022 working in 康定', kind: 'individual', facts: { age: 26, householdRegion: '513325', residenceRegion: '513301', identityTags: ['graduate', 'student-loan-holder'], graduationYear: 2022, educationLevel: 'bachelor', employmentStatus: 'employed' } },
  { name: 'retired 65-year-old of 成都', kind: 'individual', facts: { age: 65, householdRegion: '510104', identityTags: ['elderly'], employmentStatus: 'retired', hukouType: 'urban' } },
  { name: '30-year-old rural entrepreneur', kind: 'individual', facts: { age: 30, householdRegion: '513326', identityTags: ['rural-entrepreneur'], employmentStatus: 'self-employed', ownBusinessSince: '2025-05-01', hasOtherBusinessLoans: false, hukouType: 'rural' } },
  { name: '19-year-old registered-unemployed youth', kind: 'individual', facts: { age: 19, householdRegion: '513301', identityTags: [], employmentStatus: 'registered-unemployed', educationLevel: 'senior-high', unemploymentRegisteredOn: '2026-03-01' } },
  { name: 'person of 昆明 (no jurisdiction matches)', kind: 'individual', facts: { age: 35, householdRegion: '530102', residenceRegion: '530102', identityTags: [] } },
  { name: '100-year-old of 康定', kind: 'individual', facts: { birthDate: '1926-01-15', householdRegion: '513301', identityTags: ['elderly'], hukouType: 'urban' } },
  { name: 'README 民宿 (个体工商户)', kind: 'enterprise', facts: { region: '513301', enterpriseTypes: ['individual-business'], enterpriseSize: 'micro', industryCode: 'H61', employees: 6, foundedOn: '2023-04-10', unemploymentInsuranceMonths: 12, layoffsLastYear: 0, insuredEmployees: 2, newHires: 1, youthHires: 0, seriousDishonesty: false } },
  { name: '成都 high-tech firm', kind: 'enterprise', facts: { region: '510104', enterpriseSize: 'small', industryCode: 'I65', employees: 120, employeesLastYear: 100, newHires: 12, enterpriseTypes: ['high-tech'], foundedOn: '2015-01-01', unemploymentInsuranceMonths: 60, layoffsLastYear: 3, insuredEmployees: 118, seriousDishonesty: false } },
  { name: '甘孜 farmer co-op with machinery', kind: 'enterprise', facts: { region: '513328', enterpriseTypes: ['farmer-coop'], industryCode: 'A01', enterpriseSize: 'micro', employees: 8, boughtListedMachinery: true, foundedOn: '2019-05-20' } },
  { name: '康定 tech SME founded 2025-07-01', kind: 'enterprise', facts: { region: '513301', enterpriseTypes: ['tech-sme'], foundedOn: '2025-07-01', rdExpenseRatio: 6, annualRevenue: 800, enterpriseSize: 'small', employees: 30, industryCode: 'I65' },
    knownOverBudget:
      'P13 (高企培育) needs three facts (成立年限, 营业收入, 研发占比) after the four gates (type, size, region, industry); the questions for P06, P14 and P24 ' +
      '(new hires, layoffs), which this firm cannot answer, come first, so P13 is settled by the 9th question. A gate from those policies\' texts would fix it.' },
  { name: 'large 甘孜 hotel', kind: 'enterprise', facts: { region: '513301', industryCode: 'H61', enterpriseSize: 'large', employees: 400, employeesLastYear: 370, enterpriseTypes: [], foundedOn: '2008-06-01' } },
  { name: 'medium 康定 firm, 40 insured, 5 layoffs', kind: 'enterprise', facts: { region: '513301', enterpriseSize: 'medium', employees: 45, insuredEmployees: 40, layoffsLastYear: 5, unemploymentInsuranceMonths: 24, industryCode: 'C13', enterpriseTypes: [] } },
  { name: '泸定 small firm with 0 insurance months', kind: 'enterprise', facts: { region: '513322', enterpriseSize: 'small', employees: 20, unemploymentInsuranceMonths: 0, industryCode: 'E47', enterpriseTypes: [] } },
  { name: '小型微利 firm of 成都', kind: 'enterprise', facts: { region: '510104', enterpriseTypes: ['small-low-profit'], taxableIncome: 200, employees: 50, totalAssets: 3000, enterpriseSize: 'small', industryCode: 'F51' } },
];

/** The person's answer to one fact of a question: the value, an askable derived fact (age) from its inputs, or nothing. */
export const answerOf = (p: Persona, code: string, asOf: string): unknown => {
  if (p.facts[code] !== undefined) return p.facts[code];
  const def = registry.get(code);
  return def?.derived ? deriveValue(def.derived, (c) => p.facts[c], asOf) ?? undefined : undefined;
};

