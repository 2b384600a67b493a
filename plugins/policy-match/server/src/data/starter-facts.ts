import type { EnumValue, FactDef } from '../utils/registry';

/**
 * The facts a fresh install starts with (design section 1.8): the sixteen the matcher always had
 * (`builtIn`: code, type and audience locked, delete refused) and a national starter set covering
 * the conditions common Chinese policies name. `registry.seedStarter()` inserts those whose code is
 * missing and never changes an existing row. `sortOrder` keeps today's order of the built-in facts
 * (the tie-break of missing facts); the starter facts sit between them by topic.
 *
 * Tibetan labels: only the three the matcher always had (approved with the built-in set); every
 * other label is null until the glossary approves a term (the registry service fills it in).
 */

const values = (pairs: [string, string][]): EnumValue[] => pairs.map(([code, zh]) => ({ code, zh, bo: null }));

type Spec = Omit<FactDef, 'askable' | 'storable' | 'sensitive' | 'builtIn' | 'sortOrder' | 'labelBo'> &
  Partial<Pick<FactDef, 'askable' | 'storable' | 'sensitive' | 'builtIn' | 'labelBo'>>;

const SPECS: Spec[] = [
  // — individuals —
  { code: 'age', audience: 'individual', type: 'integer', labelZh: '年龄', labelBo: 'ལོ་ཚད།', unit: '岁', min: 0, max: 150, group: 'basic', derived: { formula: 'yearsSince', args: ['birthDate'] }, storable: false, builtIn: true },
  { code: 'birthDate', audience: 'individual', type: 'date', labelZh: '出生日期', group: 'basic', builtIn: true },
  { code: 'gender', audience: 'individual', type: 'enum', labelZh: '性别', group: 'basic', values: values([['male', '男'], ['female', '女']]) },
  { code: 'householdRegion', audience: 'individual', type: 'region', labelZh: '户籍所在地', labelBo: 'ཐོ་འགོད་ས་ཁུལ།', group: 'region', questionZh: '您的户籍在哪里？', builtIn: true },
  { code: 'residenceRegion', audience: 'individual', type: 'region', labelZh: '常住地', group: 'region', questionZh: '您现在常住在哪里？', helpZh: '连续居住半年以上的地方，可与户籍地不同' },
  { code: 'hukouType', audience: 'individual', type: 'enum', labelZh: '户口性质', group: 'household', questionZh: '您的户口性质是？', values: values([['urban', '城镇'], ['rural', '农村']]) },
  { code: 'identityTags', audience: 'individual', type: 'tag-list', labelZh: '身份', tagDimension: 'identity', group: 'basic', helpZh: '低保对象、残疾人等敏感身份只在单独同意后保存', builtIn: true },
  { code: 'lifeEvents', audience: 'individual', type: 'tag-list', labelZh: '人生事件', tagDimension: 'life-event', group: 'basic', builtIn: true },
  {
    code: 'educationLevel', audience: 'individual', type: 'enum', ordered: true, labelZh: '文化程度', group: 'education', questionZh: '您的最高学历是？',
    values: values([['primary', '小学及以下'], ['junior-high', '初中'], ['senior-high', '普通高中'], ['secondary-vocational', '中职/技工'], ['junior-college', '大专/高职'], ['bachelor', '本科'], ['master', '硕士'], ['doctor', '博士']]),
  },
  { code: 'graduationYear', audience: 'individual', type: 'year', labelZh: '毕业年份', unit: '年', min: 1950, max: 2100, group: 'education', questionZh: '您哪一年毕业（最高学历）？' },
  {
    code: 'employmentStatus', audience: 'individual', type: 'enum', labelZh: '就业状态', group: 'employment', questionZh: '您目前的就业状态是？',
    values: values([['employed', '单位就业'], ['flexible', '灵活就业'], ['self-employed', '自主创业/个体经营'], ['farming', '务农务牧'], ['registered-unemployed', '登记失业'], ['unemployed', '未就业（未登记）'], ['student', '在校学生'], ['retired', '已退休']]),
  },
  { code: 'unemploymentRegisteredOn', audience: 'individual', type: 'date', labelZh: '失业登记日期', group: 'employment' },
  { code: 'ownBusinessSince', audience: 'individual', type: 'date', labelZh: '创业（营业执照登记）日期', group: 'employment' },
  {
    code: 'incomeBand', audience: 'individual', type: 'enum', labelZh: '家庭收入档次', group: 'household', builtIn: true,
    values: values([['dibao', '低保'], ['low', '低收入'], ['middle', '中等收入'], ['high', '高收入']]),
  },
  { code: 'householdAnnualIncome', audience: 'individual', type: 'number', labelZh: '家庭年收入', unit: '元', min: 0, max: 100_000_000, group: 'household', helpZh: '家庭共同生活成员上一年的全部收入' },
  { code: 'householdSize', audience: 'individual', type: 'integer', labelZh: '家庭共同生活人口', unit: '人', min: 1, max: 30, group: 'household' },
  {
    code: 'incomePerCapita', audience: 'individual', type: 'number', labelZh: '家庭人均年收入', unit: '元', group: 'household',
    derived: { formula: 'ratio', args: ['householdAnnualIncome', 'householdSize'] }, askable: false, storable: false,
  },
  { code: 'ownsLocalHousing', audience: 'individual', type: 'boolean', labelZh: '本地有住房', group: 'household', builtIn: true },
  {
    code: 'housingSafetyRating', audience: 'individual', type: 'enum', ordered: true, labelZh: '农村住房安全性鉴定等级', group: 'household',
    values: values([['A', 'A级'], ['B', 'B级'], ['C', 'C级（局部危险）'], ['D', 'D级（整栋危险）']]),
  },
  {
    code: 'disabilityGrade', audience: 'individual', type: 'enum', ordered: true, labelZh: '残疾等级', group: 'assistance', sensitive: true,
    helpZh: '以残疾人证记载为准；只在您单独同意后保存',
    values: values([['none', '无'], ['grade4', '四级'], ['grade3', '三级'], ['grade2', '二级'], ['grade1', '一级']]),
  },
  {
    code: 'veteranStatus', audience: 'individual', type: 'enum', labelZh: '退役类别', group: 'veteran',
    values: values([['soldier-self-employed', '自主就业退役士兵'], ['soldier-placed', '安排工作退役士兵'], ['officer', '转业/退役军官'], ['other', '其他']]),
  },
  { code: 'dischargeDate', audience: 'individual', type: 'date', labelZh: '退役日期', group: 'veteran' },
  { code: 'contractedGrasslandArea', audience: 'individual', type: 'number', labelZh: '承包草原面积', unit: '亩', min: 0, max: 1_000_000, group: 'agriculture' },
  {
    code: 'grasslandScheme', audience: 'individual', type: 'enum', labelZh: '草原补奖类型', group: 'agriculture',
    values: values([['ban', '禁牧'], ['balance', '草畜平衡'], ['none', '未纳入']]),
  },
  // — both —
  { code: 'unemploymentInsuranceMonths', audience: 'both', type: 'integer', labelZh: '失业保险累计缴费月数', unit: '月', min: 0, max: 600, group: 'social-security' },
  {
    code: 'hasOtherBusinessLoans', audience: 'both', type: 'boolean', labelZh: '有其他经营性贷款', group: 'enterprise-finance',
    helpZh: '除助学、扶贫、住房、购车贷款及5万元以下消费贷款外的其他贷款',
  },
  { code: 'boughtListedMachinery', audience: 'both', type: 'boolean', labelZh: '当年购置补贴目录内农机具', group: 'agriculture' },
  // — enterprises —
  { code: 'industryCode', audience: 'enterprise', type: 'industry', labelZh: '所属行业', group: 'enterprise-basic', builtIn: true },
  {
    code: 'enterpriseSize', audience: 'enterprise', type: 'enum', ordered: true, labelZh: '企业规模', group: 'enterprise-basic', builtIn: true,
    values: values([['micro', '微型'], ['small', '小型'], ['medium', '中型'], ['large', '大型']]),
  },
  { code: 'enterpriseTypes', audience: 'enterprise', type: 'tag-list', labelZh: '企业类型', tagDimension: 'enterprise-type', group: 'enterprise-basic' },
  { code: 'foundedOn', audience: 'enterprise', type: 'date', labelZh: '成立日期', group: 'enterprise-basic', builtIn: true },
  {
    code: 'enterpriseAgeYears', audience: 'enterprise', type: 'integer', labelZh: '成立年限', unit: '年', group: 'enterprise-basic',
    derived: { formula: 'yearsSince', args: ['foundedOn'] }, askable: false, storable: false,
  },
  { code: 'employees', audience: 'enterprise', type: 'integer', labelZh: '从业人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment', builtIn: true },
  { code: 'employeesLastYear', audience: 'enterprise', type: 'integer', labelZh: '上年末从业人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment' },
  {
    code: 'netNewJobs', audience: 'enterprise', type: 'integer', labelZh: '较上年净增岗位', unit: '个', group: 'enterprise-employment',
    derived: { formula: 'difference', args: ['employees', 'employeesLastYear'] }, askable: false, storable: false,
  },
  { code: 'newHires', audience: 'enterprise', type: 'integer', labelZh: '当年新招用人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment' },
  {
    code: 'newHireRatio', audience: 'enterprise', type: 'number', labelZh: '新招用人员占在职职工比例', unit: '%', group: 'enterprise-employment',
    derived: { formula: 'ratio', args: ['newHires', 'employees'], scale: 100, whenZero: 0 }, askable: false, storable: false,
  },
  { code: 'youthHires', audience: 'enterprise', type: 'integer', labelZh: '当年招用高校毕业生及16—24岁失业青年人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment' },
  { code: 'insuredEmployees', audience: 'enterprise', type: 'integer', labelZh: '参保职工人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment' },
  { code: 'layoffsLastYear', audience: 'enterprise', type: 'integer', labelZh: '上年度裁员人数', unit: '人', min: 0, max: 10_000_000, group: 'enterprise-employment' },
  {
    code: 'layoffRate', audience: 'enterprise', type: 'number', labelZh: '上年度裁员率', unit: '%', group: 'enterprise-employment',
    derived: { formula: 'ratio', args: ['layoffsLastYear', 'insuredEmployees'], scale: 100, whenZero: 0 }, askable: false, storable: false,
  },
  { code: 'registeredCapital', audience: 'enterprise', type: 'number', labelZh: '注册资本', unit: '万元', min: 0, group: 'enterprise-finance', builtIn: true },
  { code: 'annualRevenue', audience: 'enterprise', type: 'number', labelZh: '上年营业收入', unit: '万元', min: 0, group: 'enterprise-finance', builtIn: true },
  { code: 'taxableIncome', audience: 'enterprise', type: 'number', labelZh: '年度应纳税所得额', unit: '万元', group: 'enterprise-finance' },
  { code: 'totalAssets', audience: 'enterprise', type: 'number', labelZh: '资产总额', unit: '万元', min: 0, group: 'enterprise-finance' },
  { code: 'rdExpenseRatio', audience: 'enterprise', type: 'number', labelZh: '研发费用占营业收入比例', unit: '%', min: 0, max: 100, group: 'enterprise-finance' },
  { code: 'region', audience: 'enterprise', type: 'region', labelZh: '注册地', labelBo: 'ཐོ་འགོད་ས་ཁུལ།', group: 'region', builtIn: true },
  {
    code: 'taxCreditRating', audience: 'enterprise', type: 'enum', labelZh: '纳税信用等级', group: 'enterprise-finance', builtIn: true,
    values: values([['A', 'A级'], ['B', 'B级'], ['M', 'M级'], ['C', 'C级'], ['D', 'D级']]),
  },
  { code: 'seriousDishonesty', audience: 'enterprise', type: 'boolean', labelZh: '列入严重失信主体名单', group: 'enterprise-basic' },
  {
    code: 'enterpriseStage', audience: 'enterprise', type: 'enum', labelZh: '企业阶段', group: 'enterprise-basic', builtIn: true,
    values: values([['opening', '开办'], ['operating', '经营'], ['closing', '注销']]),
  },
];

export const STARTER_FACTS: readonly FactDef[] = Object.freeze(
  SPECS.map(({ askable = true, storable = true, sensitive = false, builtIn = false, labelBo = null, ...spec }, i) =>
    Object.freeze({ ...spec, labelBo, askable, storable, sensitive, builtIn, sortOrder: (i + 1) * 10 })
  )
);
