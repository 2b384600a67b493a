/**
 * The typed registry of profile facts a rule may test. A rule naming any other field, or a value
 * of another type, is refused at save. `column` names the indexed column of a stored profile that
 * the reverse match pre-filters on in SQL; other facts are only read from the JSON.
 */
export type FieldType = 'integer' | 'number' | 'date' | 'enum' | 'region' | 'industry' | 'tag-list' | 'boolean';
export type Audience = 'individual' | 'enterprise';
export type Op = 'eq' | 'in' | 'gte' | 'lte' | 'between' | 'exists' | 'before' | 'after';

export interface FieldDef {
  name: string;
  audience: Audience;
  type: FieldType;
  labelZh: string;
  /** Tibetan label where a translation exists (demo translations: to be checked by a native reader). */
  labelBo?: string;
  /** Allowed values of an enum with their zh (and bo) names. */
  values?: Record<string, { zh: string; bo?: string }>;
  /** The tag dimension whose codes a tag-list holds. */
  tagDimension?: string;
  /** Derived from another fact when not given (age from birthDate). */
  derivedFrom?: string;
  unit?: string;
  min?: number;
  max?: number;
  /** Indexed column of the stored profile. */
  column?: 'birth_date' | 'region_code' | 'income_band' | 'industry_code' | 'enterprise_size' | 'founded_on' | 'employees' | 'registered_capital';
}

export const OPS_BY_TYPE: Record<FieldType, Op[]> = {
  integer: ['eq', 'in', 'gte', 'lte', 'between', 'exists'],
  number: ['eq', 'in', 'gte', 'lte', 'between', 'exists'],
  date: ['eq', 'gte', 'lte', 'between', 'before', 'after', 'exists'],
  enum: ['eq', 'in', 'exists'],
  region: ['eq', 'in', 'exists'],
  industry: ['eq', 'in', 'exists'],
  'tag-list': ['eq', 'in', 'exists'],
  boolean: ['eq', 'exists'],
};

const SIZES = { large: { zh: '大型' }, medium: { zh: '中型' }, small: { zh: '小型' }, micro: { zh: '微型' } };

export const FIELDS: FieldDef[] = [
  { name: 'age', audience: 'individual', type: 'integer', labelZh: '年龄', labelBo: 'ལོ་ཚད།', unit: '岁', min: 0, max: 150, derivedFrom: 'birthDate', column: 'birth_date' },
  { name: 'birthDate', audience: 'individual', type: 'date', labelZh: '出生日期', column: 'birth_date' },
  { name: 'householdRegion', audience: 'individual', type: 'region', labelZh: '户籍所在地', labelBo: 'ཐོ་འགོད་ས་ཁུལ།', column: 'region_code' },
  { name: 'identityTags', audience: 'individual', type: 'tag-list', labelZh: '身份', tagDimension: 'identity' },
  { name: 'lifeEvents', audience: 'individual', type: 'tag-list', labelZh: '人生事件', tagDimension: 'life-event' },
  {
    name: 'incomeBand', audience: 'individual', type: 'enum', labelZh: '家庭收入档次', column: 'income_band',
    values: { dibao: { zh: '低保' }, low: { zh: '低收入' }, middle: { zh: '中等收入' }, high: { zh: '高收入' } },
  },
  { name: 'ownsLocalHousing', audience: 'individual', type: 'boolean', labelZh: '本地有住房' },
  { name: 'industryCode', audience: 'enterprise', type: 'industry', labelZh: '所属行业', column: 'industry_code' },
  { name: 'enterpriseSize', audience: 'enterprise', type: 'enum', labelZh: '企业规模', values: SIZES, column: 'enterprise_size' },
  { name: 'foundedOn', audience: 'enterprise', type: 'date', labelZh: '成立日期', column: 'founded_on' },
  { name: 'employees', audience: 'enterprise', type: 'integer', labelZh: '从业人数', unit: '人', min: 0, max: 10_000_000, column: 'employees' },
  { name: 'registeredCapital', audience: 'enterprise', type: 'number', labelZh: '注册资本', unit: '万元', min: 0, column: 'registered_capital' },
  { name: 'annualRevenue', audience: 'enterprise', type: 'number', labelZh: '上年营业收入', unit: '万元', min: 0 },
  { name: 'region', audience: 'enterprise', type: 'region', labelZh: '注册地', labelBo: 'ཐོ་འགོད་ས་ཁུལ།', column: 'region_code' },
  {
    name: 'taxCreditRating', audience: 'enterprise', type: 'enum', labelZh: '纳税信用等级',
    values: { A: { zh: 'A级' }, B: { zh: 'B级' }, M: { zh: 'M级' }, C: { zh: 'C级' }, D: { zh: 'D级' } },
  },
  {
    name: 'enterpriseStage', audience: 'enterprise', type: 'enum', labelZh: '企业阶段',
    values: { opening: { zh: '开办' }, operating: { zh: '经营' }, closing: { zh: '注销' } },
  },
];

export const FIELD_BY_NAME: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.name, f]));

/** The fact holding where a profile lives or is registered: a jurisdiction is tested against it. */
export const HOME_REGION_FIELD: Record<Audience, string> = { individual: 'householdRegion', enterprise: 'region' };

export const INDUSTRY_CODE = /^[A-T](\d{2,4})?$/;
