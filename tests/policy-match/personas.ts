/**
 * The hidden profiles of the questionnaire test (#19 deliver 3, design §3.3): 16 people and 8 firms
 * of the demo's world, each as complete as that person or firm would answer — a fact that is not
 * listed is one they do not have (the questionnaire declines it). Matched against the demo policy
 * set (database/seeds/demo-policies.ts) on `PERSONA_AS_OF`. Region codes are GB/T 2260.
 */
export interface Persona {
  key: string;
  /** Who this is, for failure messages. */
  who: string;
  kind: 'individual' | 'enterprise';
  facts: Record<string, unknown>;
}

export const PERSONA_AS_OF = '2026-07-01';

export const PERSONAS: Persona[] = [
  // ---- individuals
  {
    key: 'graduate', who: 'the README graduate, completed: 24, 户籍 康定, 2025 bachelor, registered unemployed', kind: 'individual',
    facts: {
      age: 24, householdRegion: '513301', residenceRegion: '513301', identityTags: ['graduate'], graduationYear: 2025, educationLevel: 'bachelor',
      employmentStatus: 'registered-unemployed', hukouType: 'urban', householdAnnualIncome: 80000, householdSize: 3, hasOtherBusinessLoans: false,
    },
  },
  {
    key: 'graduate-flexible', who: 'a graduate of 2025 from 泸定 in flexible employment, living in 成都', kind: 'individual',
    facts: {
      age: 23, householdRegion: '513322', residenceRegion: '510104', identityTags: ['graduate'], graduationYear: 2025, educationLevel: 'junior-college',
      employmentStatus: 'flexible', hukouType: 'rural', householdAnnualIncome: 60000, householdSize: 4,
    },
  },
  {
    key: 'graduate-business', who: 'a graduate of 2023 back in 康定 running a business since 2024 with no other loans', kind: 'individual',
    facts: {
      age: 26, householdRegion: '513301', residenceRegion: '513301', identityTags: ['graduate', 'returnee'], graduationYear: 2023, educationLevel: 'bachelor',
      employmentStatus: 'self-employed', ownBusinessSince: '2024-03-01', hasOtherBusinessLoans: false, hukouType: 'urban',
    },
  },
  {
    key: 'herder', who: 'an 86-year-old herder of 甘孜县 with 1,200 亩 under the grazing ban', kind: 'individual',
    facts: {
      birthDate: '1940-03-02', householdRegion: '513328', residenceRegion: '513328', identityTags: ['elderly', 'herder'], employmentStatus: 'farming',
      grasslandScheme: 'ban', contractedGrasslandArea: 1200, boughtListedMachinery: false, hukouType: 'rural', householdAnnualIncome: 40000, householdSize: 4,
      educationLevel: 'primary', housingSafetyRating: 'B',
    },
  },
  {
    key: 'disabled-dibao', who: 'a 45-year-old disabled 低保 person of 康定 (grade 2) in a C-rated house', kind: 'individual',
    facts: {
      age: 45, householdRegion: '513301', residenceRegion: '513301', identityTags: ['disabled', 'dibao'], disabilityGrade: 'grade2', hukouType: 'rural',
      housingSafetyRating: 'C', householdAnnualIncome: 14000, householdSize: 3, employmentStatus: 'unemployed', educationLevel: 'junior-high',
    },
  },
  {
    key: 'veteran', who: 'a soldier of 理塘 discharged on 2025-09-15', kind: 'individual',
    facts: {
      age: 23, householdRegion: '513334', residenceRegion: '513334', identityTags: ['veteran'], veteranStatus: 'soldier-self-employed', dischargeDate: '2025-09-15',
      employmentStatus: 'unemployed', educationLevel: 'senior-high', hukouType: 'rural',
    },
  },
  {
    key: 'teen', who: 'a 16-year-old of 丹巴 out of junior high school', kind: 'individual',
    facts: { age: 16, householdRegion: '513323', residenceRegion: '513323', identityTags: [], educationLevel: 'junior-high', employmentStatus: 'unemployed', hukouType: 'rural' },
  },
  {
    key: 'farmer', who: 'a farmer of 泸定 lifted out of poverty who bought listed machinery', kind: 'individual',
    facts: {
      age: 48, householdRegion: '513322', residenceRegion: '513322', identityTags: ['farmer', 'poverty-alleviated'], boughtListedMachinery: true, employmentStatus: 'farming',
      hukouType: 'rural', householdAnnualIncome: 36000, householdSize: 5, housingSafetyRating: 'A', educationLevel: 'primary',
    },
  },
  {
    key: 'tekun', who: 'a 72-year-old 特困 elder of 石渠 in a D-rated house', kind: 'individual',
    facts: {
      age: 72, householdRegion: '513332', residenceRegion: '513332', identityTags: ['tekun', 'elderly'], housingSafetyRating: 'D', hukouType: 'rural',
      employmentStatus: 'unemployed', householdAnnualIncome: 3000, householdSize: 1, educationLevel: 'primary',
    },
  },
  {
    key: 'worker', who: 'a 55-year-old employee of 康定 with 36 months of unemployment insurance', kind: 'individual',
    facts: {
      age: 55, householdRegion: '513301', residenceRegion: '513301', identityTags: [], employmentStatus: 'employed', unemploymentInsuranceMonths: 36,
      hukouType: 'urban', educationLevel: 'senior-high', householdAnnualIncome: 90000, householdSize: 3,
    },
  },
  {
    key: 'loan-holder', who: 'a student-loan holder of 2022 working in 康定', kind: 'individual',
    facts: {
      age: 26, householdRegion: '513301', residenceRegion: '513301', identityTags: ['graduate', 'student-loan-holder'], graduationYear: 2022,
      educationLevel: 'bachelor', employmentStatus: 'employed', hukouType: 'rural',
    },
  },
  {
    key: 'retired', who: 'a retired 65-year-old of 成都', kind: 'individual',
    facts: { age: 65, householdRegion: '510104', residenceRegion: '510104', identityTags: ['elderly'], employmentStatus: 'retired', hukouType: 'urban', educationLevel: 'senior-high' },
  },
  {
    key: 'rural-entrepreneur', who: 'a 30-year-old rural entrepreneur of 雅江 in business since 2024-05-01', kind: 'individual',
    facts: {
      age: 30, householdRegion: '513325', residenceRegion: '513325', identityTags: ['rural-entrepreneur'], employmentStatus: 'self-employed',
      ownBusinessSince: '2024-05-01', hasOtherBusinessLoans: false, hukouType: 'rural', educationLevel: 'senior-high',
    },
  },
  {
    key: 'youth', who: 'a registered-unemployed 19-year-old of 康定', kind: 'individual',
    facts: { age: 19, householdRegion: '513301', residenceRegion: '513301', identityTags: ['unemployed'], employmentStatus: 'registered-unemployed', educationLevel: 'senior-high', hukouType: 'urban' },
  },
  {
    key: 'elsewhere', who: 'a graduate of 昆明, outside every jurisdiction', kind: 'individual',
    facts: {
      age: 30, householdRegion: '530102', residenceRegion: '530102', identityTags: ['graduate'], graduationYear: 2018, educationLevel: 'bachelor',
      employmentStatus: 'employed', hukouType: 'urban',
    },
  },
  {
    key: 'centenarian', who: 'a 100-year-old of 康定', kind: 'individual',
    facts: { age: 100, householdRegion: '513301', residenceRegion: '513301', identityTags: ['elderly'], employmentStatus: 'unemployed', hukouType: 'urban', educationLevel: 'primary' },
  },
  // ---- enterprises
  {
    key: 'minsu', who: 'the README 民宿: a micro 个体工商户 of 康定 in H61', kind: 'enterprise',
    facts: {
      region: '513301', enterpriseSize: 'micro', industryCode: 'H61', employees: 6, employeesLastYear: 5, foundedOn: '2023-04-10', enterpriseTypes: ['individual-business'],
      unemploymentInsuranceMonths: 12, layoffsLastYear: 0, insuredEmployees: 2, newHires: 1, youthHires: 0, seriousDishonesty: false,
    },
  },
  {
    key: 'hightech', who: 'a small high-tech firm of 成都 with 120 employees', kind: 'enterprise',
    facts: {
      region: '510104', enterpriseSize: 'small', industryCode: 'I65', employees: 120, employeesLastYear: 100, newHires: 12, youthHires: 4, enterpriseTypes: ['high-tech'],
      foundedOn: '2015-01-01', unemploymentInsuranceMonths: 60, layoffsLastYear: 3, insuredEmployees: 118, seriousDishonesty: false, annualRevenue: 9000, rdExpenseRatio: 6,
    },
  },
  {
    key: 'coop', who: 'a farmer co-op of 甘孜县 that bought listed machinery', kind: 'enterprise',
    facts: {
      region: '513328', enterpriseTypes: ['farmer-coop'], industryCode: 'A01', enterpriseSize: 'micro', boughtListedMachinery: true, employees: 8, employeesLastYear: 8,
      foundedOn: '2019-05-01', unemploymentInsuranceMonths: 0, newHires: 0, youthHires: 0,
    },
  },
  {
    key: 'tech-sme', who: 'a tech SME of 康定 founded on 2025-07-01 (R&D 6 %, revenue 800 万元)', kind: 'enterprise',
    facts: {
      region: '513301', enterpriseTypes: ['tech-sme'], foundedOn: '2025-07-01', rdExpenseRatio: 6, annualRevenue: 800, enterpriseSize: 'micro', industryCode: 'M73',
      employees: 15, employeesLastYear: 0, newHires: 15, youthHires: 3, unemploymentInsuranceMonths: 10,
    },
  },
  {
    key: 'hotel', who: 'a large hotel of 康定 with 400 employees, 30 net new jobs', kind: 'enterprise',
    facts: {
      region: '513301', industryCode: 'H61', enterpriseSize: 'large', employees: 400, employeesLastYear: 370, newHires: 45, youthHires: 10, enterpriseTypes: [],
      foundedOn: '2008-06-01', unemploymentInsuranceMonths: 120, layoffsLastYear: 4, insuredEmployees: 400, seriousDishonesty: false,
    },
  },
  {
    key: 'medium', who: 'a medium firm of 康定 with 40 insured employees and 5 layoffs', kind: 'enterprise',
    facts: {
      region: '513301', enterpriseSize: 'medium', industryCode: 'C13', employees: 40, employeesLastYear: 45, newHires: 0, youthHires: 0, enterpriseTypes: [],
      foundedOn: '2012-03-01', unemploymentInsuranceMonths: 24, insuredEmployees: 40, layoffsLastYear: 5, seriousDishonesty: false,
    },
  },
  {
    key: 'luding-small', who: 'a small firm of 泸定 that pays no unemployment insurance', kind: 'enterprise',
    facts: {
      region: '513322', enterpriseSize: 'small', industryCode: 'F52', employees: 25, employeesLastYear: 25, newHires: 2, youthHires: 0, enterpriseTypes: [],
      foundedOn: '2020-08-01', unemploymentInsuranceMonths: 0,
    },
  },
  {
    key: 'small-low-profit', who: 'a 小型微利 firm of 成都', kind: 'enterprise',
    facts: {
      region: '510104', enterpriseTypes: ['small-low-profit'], enterpriseSize: 'small', industryCode: 'F51', employees: 30, employeesLastYear: 28, newHires: 3, youthHires: 1,
      foundedOn: '2018-01-01', unemploymentInsuranceMonths: 48, layoffsLastYear: 0, insuredEmployees: 30, seriousDishonesty: false,
    },
  },
];
