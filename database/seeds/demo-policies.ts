import type { Core } from '@strapi/strapi';
import { CONTENT_UIDS, ZH, creditCode, policyRef, writeSpecs, type ContentSpec } from './demo-content';

/*
 * The demo's 政策找人 set (#19, design `docs/design/policy-match-real-policies.md` §4): 26 policies
 * of the kinds a citizen or a firm of Garzê asks about — graduate and youth employment, social
 * insurance, start-up loans, the elderly, the disabled, veterans, small-firm taxes, high-tech firms,
 * job retention, farm machinery, rural housing, 9+3 education, grassland subsidies, 低保, medical
 * insurance, tourism and catering — at national, provincial, prefecture and county level.
 *
 * Each body is written as such a file is: addressees, a preamble, numbered provisions, the issuer
 * and the date. Every eligibility clause quotes its provision word for word (the clause `text`
 * occurs in the body), and its rule says what that provision says over the fact registry. Titles,
 * document numbers, figures and dates are modelled on real Sichuan and Garzê files, not quoted from
 * them; every body ends with "示例政策（演示数据）" so nobody takes them for real files.
 *
 * Written through the same path as the other demo content (`writeSpecs`: Document Service,
 * review-workflow's trusted publish), each with a text interpretation (政策解读), then the
 * eligibility through policy-match's eligibility service, whose validation a rule must pass (a rule
 * the registry refuses fails the seed). Idempotent by document number.
 */

/** A rule as stored (policy-match's JSON rule language); validated by the eligibility service. */
export type RuleJson = { [key: string]: unknown };

export interface DemoClause {
  /** The provision, word for word as it stands in the body. */
  text: string;
  benefit: string;
  rule: RuleJson;
}

export interface DemoEligibility {
  audience: 'individual' | 'enterprise' | 'any';
  tags: string[];
  jurisdiction: string | null;
  /** The region fact a jurisdiction is tested against when it is not the home region (常住地 instead of 户籍地). */
  jurisdictionFacts?: { individual?: string; enterprise?: string };
  clauses: DemoClause[];
}

type Level = 'national' | 'provincial' | 'prefecture' | 'county';

export interface DemoPolicy {
  /** P01 … P26, as the design and the hand-worked cases name them. */
  key: string;
  title: string;
  level: Level;
  issuingAuthority: string;
  documentNumber: string;
  /** 成文日期, YYYY-MM-DD (also validFrom). */
  written: string;
  themeCategory: string;
  subjectWords: string;
  summary: string;
  /** The full text (markdown): addressees, preamble, numbered provisions, issuer, date, demo footer. */
  body: string;
  /** Days after the seed day the application closes (only P01 has a deadline). */
  applicationDeadlineDays?: number;
  eligibility: DemoEligibility;
}

/** What a definition below gives; the body and the clauses are assembled from it. */
interface Draft {
  key: string;
  title: string;
  level: Level;
  issuingAuthority: string;
  /** Short form of the issuer for the signature block (defaults to issuingAuthority). */
  signature?: string;
  documentNumber: string;
  written: string;
  themeCategory: string;
  subjectWords: string;
  summary: string;
  /** 各县（市）人民政府…: absent for 公告. */
  addressees?: string;
  preamble: string;
  /** The provisions; `c[i]` is clause i's text, to be written into them. */
  provisions: (c: string[]) => string[];
  /** `notice`: 一、二、…; `articles`: 第一条、第二条 … */
  style: 'notice' | 'articles';
  closing?: string;
  applicationDeadlineDays?: number;
  eligibility: Omit<DemoEligibility, 'clauses'> & { clauses: DemoClause[] };
}

// ---------------------------------------------------------------------------------------------
// Rule helpers (spelled out in the stored JSON)

const f = (field: string, op: string, value?: unknown): RuleJson => (value === undefined ? { field, op } : { field, op, value });
const all = (...rules: RuleJson[]): RuleJson => ({ all: rules });
const any = (...rules: RuleJson[]): RuleJson => ({ any: rules });
const not = (rule: RuleJson): RuleJson => ({ not: rule });
const IND: RuleJson = { kind: 'individual' };
const ENT: RuleJson = { kind: 'enterprise' };
const GRAD = f('identityTags', 'eq', 'graduate');
const thisYear = (n: number) => ({ thisYear: n });
const today = (offset: { years?: number; months?: number; days?: number }) => ({ today: offset });
const UNEMPLOYED = f('employmentStatus', 'in', ['registered-unemployed', 'unemployed']);
const clause = (text: string, benefit: string, rule: RuleJson): DemoClause => ({ text, benefit, rule });

const GARZE = '513300';
const SICHUAN = '510000';

// ---------------------------------------------------------------------------------------------
// Body assembly

const ORDINALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 20 → 二十 (enough for a file's articles). */
const chineseNumber = (n: number): string => (n <= 10 ? ORDINALS[n] : n < 20 ? `十${ORDINALS[n - 10]}` : `${ORDINALS[Math.floor(n / 10)]}十${ORDINALS[n % 10]}`);
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export const DEMO_FOOTER = '示例政策（演示数据）';

const assemble = (d: Draft): DemoPolicy => {
  const texts = d.eligibility.clauses.map((c) => c.text);
  const provisions = d.provisions(texts).map((p, i) => (d.style === 'articles' ? `**第${chineseNumber(i + 1)}条** ${p}` : `${chineseNumber(i + 1)}、${p}`));
  const body = [
    ...(d.addressees ? [d.addressees] : []),
    d.preamble,
    ...provisions,
    ...(d.closing ? [d.closing] : []),
    d.signature ?? d.issuingAuthority,
    chineseDate(d.written),
    `${DEMO_FOOTER}：文号、数额和日期为演示用途编写，不是真实文件。`,
  ].join('\n\n');
  return {
    key: d.key, title: d.title, level: d.level, issuingAuthority: d.issuingAuthority, documentNumber: d.documentNumber, written: d.written,
    themeCategory: d.themeCategory, subjectWords: d.subjectWords, summary: d.summary, body, applicationDeadlineDays: d.applicationDeadlineDays,
    eligibility: d.eligibility,
  };
};

const PREFECTURE_ADDRESSEES = '各县（市）人民政府，州级各部门：';
const PREFECTURE_DEPT_ADDRESSEES = (dept: string) => `各县（市）${dept}：`;
const PROVINCIAL_ADDRESSEES = '各市（州）人民政府，省政府各部门、各直属机构：';
const PROVINCIAL_DEPT_ADDRESSEES = (dept: string) => `各市（州）${dept}：`;
const NATIONAL_DEPT_ADDRESSEES = (depts: string) => `各省、自治区、直辖市及新疆生产建设兵团${depts}：`;

// ---------------------------------------------------------------------------------------------
// The 26 policies

const DRAFTS: Draft[] = [
  {
    key: 'P01',
    title: '甘孜州人力资源和社会保障局 甘孜州财政局关于做好高校毕业生求职创业补贴发放工作的通知',
    level: 'prefecture',
    issuingAuthority: '甘孜州人力资源和社会保障局 甘孜州财政局',
    documentNumber: '甘人社发〔2026〕9号',
    written: '2026-03-16',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '高校毕业生 求职创业补贴',
    summary: '对毕业年度内和离校2年内未就业的35周岁以下高校毕业生给予一次性求职创业补贴1000元，困难家庭毕业生提高至1500元。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('人力资源和社会保障局、财政局'),
    preamble: '为贯彻落实党中央、国务院和省委、省政府关于做好高校毕业生等青年就业工作的决策部署，帮助我州高校毕业生尽快实现就业创业，经州人民政府同意，现就做好高校毕业生求职创业补贴发放工作通知如下。',
    style: 'notice',
    provisions: (c) => [
      `补贴对象和标准。${c[0]}${c[1]}`,
      '申请程序。符合条件的高校毕业生在户籍所在县（市）公共就业服务机构或通过“四川人社”手机应用进行求职登记，提交身份证、毕业证书（或学籍证明）和社会保障卡，经县（市）人力资源和社会保障部门审核、公示5个工作日无异议后，由财政部门将补贴资金直接拨付至本人社会保障卡银行账户。',
      '资金来源。求职创业补贴从就业补助资金中列支，各县（市）财政部门要及时足额拨付，不得挤占挪用。',
      '工作要求。各县（市）要将补贴政策纳入“1131”实名服务清单，主动推送至每一名离校未就业高校毕业生，做到“政策找人”；同一毕业生只能享受一次求职创业补贴，不得重复申领。',
    ],
    closing: '本通知自印发之日起施行，有效期2年。',
    applicationDeadlineDays: 180,
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'employment'],
      jurisdiction: GARZE,
      clauses: [
        clause('毕业年度内和离校2年内未就业、年龄在35周岁以下的高校毕业生，在州内进行求职登记的，给予一次性求职创业补贴1000元。', '一次性求职创业补贴1000元',
          all(GRAD, f('age', 'lte', 35), f('graduationYear', 'gte', thisYear(-2)), UNEMPLOYED)),
        clause('享受城乡低保家庭、脱贫家庭的高校毕业生，求职创业补贴标准提高至1500元。', '求职创业补贴1500元',
          all(GRAD, f('graduationYear', 'gte', thisYear(-2)), f('identityTags', 'in', ['dibao', 'poverty-alleviated']))),
      ],
    },
  },
  {
    key: 'P26',
    title: '甘孜州人力资源和社会保障局关于做好2026年高校毕业生等青年就业创业工作的通知',
    level: 'prefecture',
    issuingAuthority: '甘孜州人力资源和社会保障局',
    documentNumber: '甘人社发〔2026〕15号',
    written: '2026-04-20',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '高校毕业生 青年就业 实名服务',
    summary: '为有就业创业意愿的高校毕业生免费提供公共就业服务，对离校未就业高校毕业生提供“1131”实名服务。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('人力资源和社会保障局'),
    preamble: '2026年全州高校毕业生规模继续保持高位。为做好高校毕业生等青年就业创业工作，确保就业局势总体稳定，现将有关事项通知如下。',
    style: 'notice',
    provisions: (c) => [
      `免费公共就业服务。${c[0]}各县（市）要在公共就业服务机构设立高校毕业生服务专窗，推行“一站式”办理。`,
      `实名帮扶。${c[1]}对长期失业、就业困难的毕业生实行“一人一档”“一人一策”精准帮扶。`,
      '岗位拓展。各县（市）要组织开展“百日千万招聘专项行动”“民营企业服务月”等活动，全年举办线上线下招聘会不少于4场，积极开发基层公共管理和社会服务岗位。',
      '组织保障。各县（市）人力资源和社会保障部门要按月调度毕业生就业进展，及时报送工作情况。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'employment'],
      jurisdiction: GARZE,
      clauses: [
        clause('对有就业创业意愿的高校毕业生，各级公共就业服务机构免费提供政策咨询、职业指导、职业介绍和创业服务。', '免费就业创业服务', GRAD),
        clause('对离校未就业高校毕业生提供“1131”服务（1次政策宣介、1次职业指导、3个岗位信息、1次技能培训或就业见习机会）。', '“1131”实名服务',
          all(GRAD, f('graduationYear', 'gte', thisYear(-1)), UNEMPLOYED)),
      ],
    },
  },
  {
    key: 'P02',
    title: '康定市人力资源和社会保障局关于青年人才驿站免费入住的公告',
    level: 'county',
    issuingAuthority: '康定市人力资源和社会保障局',
    documentNumber: '康人社发〔2026〕4号',
    written: '2026-05-08',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '青年人才驿站 免费入住',
    summary: '来康定求职的35周岁以下高校毕业生和退役军人可免费入住青年人才驿站，每人每次最长14天。',
    preamble: '为吸引青年人才来康定就业创业，解决来康求职人员的临时住宿困难，康定市青年人才驿站（康定市炉城街道光明路12号）即日起开放申请。现将有关事项公告如下。',
    style: 'notice',
    provisions: (c) => [
      `入住对象。${c[0]}${c[1]}`,
      '申请方式。申请人可通过“康定人社”微信公众号预约，或持身份证、毕业证书（退役军人持退役证件）到驿站现场登记，入住期间须参加至少一次招聘或就业指导活动。',
      '服务内容。驿站为入住人员免费提供住宿、岗位推荐、职业指导和城市生活指引等服务。',
      '咨询电话。0836-2822345（工作日9:00—17:00）。',
    ],
    signature: '康定市人力资源和社会保障局',
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'veteran', 'employment'],
      jurisdiction: null,
      clauses: [
        clause('来康定求职、年龄在35周岁以下的高校毕业生，可申请免费入住青年人才驿站，每人每次最长14天。', '免费入住青年人才驿站14天', all(GRAD, f('age', 'lte', 35))),
        clause('退役军人来康定求职的，参照高校毕业生执行。', '免费入住青年人才驿站14天', f('identityTags', 'eq', 'veteran')),
      ],
    },
  },
  {
    key: 'P03',
    title: '甘孜州职业技能培训补贴实施办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州人力资源和社会保障局 甘孜州财政局',
    documentNumber: '甘人社规〔2025〕3号',
    written: '2025-06-18',
    themeCategory: '劳动、人事、监察/职业技能',
    subjectWords: '职业培训补贴 技能提升补贴',
    summary: '明确城乡劳动者职业培训补贴和企业职工技能提升补贴的对象、标准和申领程序。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('人力资源和社会保障局、财政局'),
    preamble: '为深入实施职业技能提升行动，规范职业技能培训补贴管理，根据《四川省职业技能培训补贴管理办法》，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      '本办法适用于在我州开展的、由就业补助资金和失业保险基金支持的职业技能培训。',
      c[0],
      c[1],
      '职业培训补贴按取得证书的等级给予，初级工（五级）1200元，中级工（四级）1600元，高级工（三级）2000元；技能提升补贴按初级1000元、中级1500元、高级2000元的标准执行。',
      '同一劳动者同一职业（工种）同一等级只能享受一次补贴，每人每年享受补贴不超过3次。',
      '本办法由甘孜州人力资源和社会保障局负责解释，自2025年7月1日起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['employment'],
      jurisdiction: GARZE,
      clauses: [
        clause('在法定劳动年龄内（16周岁至60周岁）、有就业创业意愿和培训需求的城乡劳动者，参加职业技能培训并取得证书的，按规定给予职业培训补贴。', '职业培训补贴',
          f('age', 'between', [16, 60])),
        clause('企业职工参加失业保险累计缴费满1年，取得职业资格证书或职业技能等级证书的，可申领技能提升补贴。', '技能提升补贴1000—2000元',
          all(f('employmentStatus', 'eq', 'employed'), f('unemploymentInsuranceMonths', 'gte', 12))),
      ],
    },
  },
  {
    key: 'P04',
    title: '甘孜藏族自治州人民政府关于调整城乡居民基本养老保险缴费补贴和代缴政策的通知',
    level: 'prefecture',
    issuingAuthority: '甘孜藏族自治州人民政府',
    documentNumber: '甘府发〔2025〕6号',
    written: '2025-03-10',
    themeCategory: '劳动、人事、监察/社会保险',
    subjectWords: '城乡居民养老保险 缴费补贴 代缴',
    summary: '明确城乡居民养老保险参保对象、政府缴费补贴、待遇领取条件和困难群体代缴政策。',
    addressees: PREFECTURE_ADDRESSEES,
    preamble: '为进一步完善城乡居民基本养老保险制度，提高参保缴费积极性，保障城乡居民老年基本生活，根据《四川省人民政府关于建立统一的城乡居民基本养老保险制度的实施意见》，现就调整有关政策通知如下。',
    style: 'notice',
    provisions: (c) => [
      `参保范围。${c[0]}`,
      '缴费补贴标准。缴费档次设为每年200元至6000元14个档次，政府对选择200元档次的补贴30元，选择500元及以上档次的补贴不低于60元，多缴多补。',
      `待遇领取。${c[1]}基础养老金由中央、省、州、县共同负担，州级另行增发高寒地区补助每人每月20元。`,
      `困难群体代缴。${c[2]}`,
      '经办服务。各县（市）要依托乡（镇）便民服务中心和村（社区）代办点做好参保缴费和待遇领取资格认证，推行“不见面”认证。',
    ],
    closing: '本通知自2025年4月1日起执行。此前规定与本通知不一致的，以本通知为准。',
    eligibility: {
      audience: 'individual',
      tags: ['retirement'],
      jurisdiction: GARZE,
      clauses: [
        clause('年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险，政府对参保人缴费给予补贴。', '缴费补贴每人每年不低于30元',
          all(f('age', 'gte', 16), not(f('employmentStatus', 'in', ['student', 'employed', 'retired'])))),
        clause('年满60周岁、未领取国家规定的基本养老保障待遇的参保人，可以按月领取城乡居民养老保险待遇。', '按月领取养老金',
          all(f('age', 'gte', 60), not(f('employmentStatus', 'eq', 'retired')))),
        clause('对重度残疾人、特困人员、低保对象等缴费困难群体，由县级人民政府为其代缴部分或全部最低标准的养老保险费。', '代缴养老保险费',
          any(f('disabilityGrade', 'in', ['grade1', 'grade2']), f('identityTags', 'in', ['tekun', 'dibao', 'low-income']))),
      ],
    },
  },
  {
    key: 'P05',
    title: '四川省人力资源和社会保障厅 四川省财政厅关于灵活就业人员社会保险补贴的通知',
    level: 'provincial',
    issuingAuthority: '四川省人力资源和社会保障厅 四川省财政厅',
    documentNumber: '川人社发〔2025〕21号',
    written: '2025-08-05',
    themeCategory: '劳动、人事、监察/社会保险',
    subjectWords: '灵活就业 社会保险补贴',
    summary: '对以灵活就业方式就业并缴纳社会保险费的离校2年内高校毕业生和就业困难人员给予社会保险补贴。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('人力资源社会保障局、财政局'),
    preamble: '为支持多渠道灵活就业，减轻灵活就业人员缴费负担，根据就业补助资金管理有关规定，现就灵活就业人员社会保险补贴有关事项通知如下。',
    style: 'notice',
    provisions: (c) => [
      `补贴对象。${c[0]}${c[1]}`,
      '申领地点。社会保险补贴由申请人在常住地（居住证所在地）县级公共就业服务机构申领，不以户籍为限。',
      '补贴标准。就业困难人员社会保险补贴原则上不超过其实际缴费的2/3，补贴期限除距法定退休年龄不足5年的外，最长不超过3年。',
      '资金管理。补贴资金从就业补助资金中列支，实行“先缴后补”，按季度拨付至申请人社会保障卡银行账户。',
    ],
    closing: '本通知自2025年9月1日起施行，有效期5年。',
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'employment'],
      jurisdiction: SICHUAN,
      jurisdictionFacts: { individual: 'residenceRegion' },
      clauses: [
        clause('离校2年内未就业高校毕业生以灵活就业方式就业并缴纳社会保险费的，按其实际缴费的2/3给予社会保险补贴，补贴期限最长不超过2年。', '社会保险补贴（实际缴费的2/3）',
          all(GRAD, f('graduationYear', 'gte', thisYear(-2)), f('employmentStatus', 'eq', 'flexible'))),
        clause('就业困难人员灵活就业后缴纳社会保险费的，给予一定数额的社会保险补贴。', '社会保险补贴',
          all(f('identityTags', 'eq', 'hard-to-employ'), f('employmentStatus', 'eq', 'flexible'))),
      ],
    },
  },
  {
    key: 'P06',
    title: '甘孜州创业担保贷款实施办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州财政局 中国人民银行甘孜州分行 甘孜州人力资源和社会保障局',
    documentNumber: '甘财金〔2025〕12号',
    written: '2025-05-26',
    themeCategory: '财政、金融、审计/金融',
    subjectWords: '创业担保贷款 财政贴息',
    summary: '规范个人和小微企业创业担保贷款的申请条件、额度、贴息和风险防控。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('财政局、人力资源和社会保障局，各经办金融机构'),
    preamble: '为充分发挥创业担保贷款政策促进创业带动就业的作用，根据财政部、中国人民银行、人力资源社会保障部关于创业担保贷款的有关规定，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      '本办法所称创业担保贷款，是指以具备规模的创业担保基金为主要担保方式，由经办金融机构发放，财政部门给予贴息，支持个人和小微企业创业创新的贷款业务。',
      c[0],
      c[1],
      '个人创业担保贷款期限最长不超过3年，小微企业贷款期限最长不超过2年；贷款利率不超过贷款市场报价利率（LPR）加150个基点，财政按规定给予贴息。',
      '借款人应按期还本付息。对恶意逃废债务的，依法追偿并纳入信用记录。',
      '本办法自2025年7月1日起施行，由甘孜州财政局会同中国人民银行甘孜州分行、甘孜州人力资源和社会保障局负责解释。',
    ],
    eligibility: {
      audience: 'any',
      tags: ['graduate', 'veteran', 'unemployed', 'returnee', 'employment', 'micro', 'small'],
      jurisdiction: GARZE,
      clauses: [
        clause('城镇登记失业人员、就业困难人员、退役军人、刑满释放人员、高校毕业生、返乡创业农民工、脱贫人口、农村自主创业农民等个人自主创业，除助学贷款、扶贫贷款、住房贷款、购车贷款、5万元以下小额消费贷款以外，本人及其配偶没有其他贷款的，可申请最高20万元的创业担保贷款。', '个人创业担保贷款最高20万元，财政贴息',
          all(IND, f('identityTags', 'in', ['unemployed', 'hard-to-employ', 'veteran', 'released-prisoner', 'graduate', 'returnee', 'poverty-alleviated', 'rural-entrepreneur']),
            f('employmentStatus', 'eq', 'self-employed'), f('hasOtherBusinessLoans', 'eq', false))),
        clause('小微企业当年新招用符合创业担保贷款申请条件的人员数量达到企业现有在职职工人数15%（超过100人的企业达到8%），并与其签订1年以上劳动合同的，可申请最高300万元的创业担保贷款。', '小微企业创业担保贷款最高300万元',
          all(ENT, f('enterpriseSize', 'in', ['small', 'micro']),
            any(all(f('employees', 'lte', 100), f('newHireRatio', 'gte', 15)), all(f('employees', 'gte', 101), f('newHireRatio', 'gte', 8))))),
      ],
    },
  },
  {
    key: 'P07',
    title: '四川省2026年高校毕业生“三支一扶”计划招募公告',
    level: 'provincial',
    issuingAuthority: '四川省人力资源和社会保障厅',
    documentNumber: '川人社函〔2026〕30号',
    written: '2026-04-02',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '三支一扶 高校毕业生 基层服务',
    summary: '2026年全省招募高校毕业生到乡镇从事支农、支教、支医和帮扶乡村振兴工作，民族地区户籍放宽年龄。',
    preamble: '根据中央组织部、人力资源社会保障部等部门关于实施高校毕业生“三支一扶”计划的部署，2026年我省计划招募“三支一扶”人员2500名，到乡镇从事支农、支教、支医和帮扶乡村振兴工作。现将招募有关事项公告如下。',
    style: 'notice',
    provisions: (c) => [
      `招募对象。${c[0]}${c[1]}`,
      '招募程序。招募按照公开报名、资格审查、笔试、面试、体检、公示的程序进行，报名时间为2026年5月6日至5月15日，报名网址为四川人事考试网。',
      '服务期限和待遇。服务期限为2年。服务期间按当地乡镇机关或事业单位新聘用工作人员试用期满后工资收入水平发放生活补贴，并为其办理社会保险；到甘孜、阿坝、凉山州服务的，发放一次性安家费3000元。',
      '服务期满后政策。服务期满考核合格的，享受事业单位专项招聘、公务员定向考录和报考硕士研究生加分等政策。',
    ],
    signature: '四川省高校毕业生“三支一扶”工作协调管理办公室（四川省人力资源和社会保障厅代章）',
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'employment'],
      jurisdiction: null,
      clauses: [
        clause('招募对象为全日制普通高校应届毕业生，大专及以上学历，年龄30周岁以下（甘孜、阿坝、凉山州户籍的放宽至35周岁以下）。', '服务期间生活补贴、一次性安家费3000元',
          all(GRAD, f('educationLevel', 'gte', 'junior-college'), f('graduationYear', 'eq', thisYear(0)), AGE_3ZYF())),
        clause('毕业2年内未就业的高校毕业生可以报名，学历和年龄条件同应届毕业生。', '服务期间生活补贴、一次性安家费3000元',
          all(GRAD, f('educationLevel', 'gte', 'junior-college'), f('graduationYear', 'gte', thisYear(-2)), UNEMPLOYED, AGE_3ZYF())),
      ],
    },
  },
  {
    key: 'P08',
    title: '甘孜州就业见习管理办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州人力资源和社会保障局 甘孜州财政局',
    documentNumber: '甘人社规〔2025〕5号',
    written: '2025-09-12',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '就业见习 见习补贴',
    summary: '规范就业见习基地管理和见习人员基本生活补助，困难家庭高校毕业生另给予每月200元生活补助。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('人力资源和社会保障局、财政局，各就业见习基地'),
    preamble: '为帮助离校未就业高校毕业生和失业青年积累工作经验、提升就业能力，规范就业见习工作，根据《四川省就业见习管理办法》，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      '就业见习基地由县（市）人力资源和社会保障部门认定，优先认定国有企业、事业单位、社会组织和吸纳就业能力强的民营企业。',
      c[0],
      c[1],
      '见习基本生活补助按当地最低工资标准的100%发放，由就业补助资金对见习单位给予补贴；见习单位应为见习人员办理人身意外伤害保险。',
      '见习期未满被见习单位正式录用的，按实际见习时间给予补贴，见习留用率达到50%以上的单位，见习补贴标准提高到当地最低工资标准的110%。',
      '本办法自2025年10月1日起施行，有效期5年。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'unemployed', 'employment'],
      jurisdiction: GARZE,
      clauses: [
        clause('离校2年内未就业高校毕业生和16—24岁失业青年参加就业见习的，见习期间给予基本生活补助，见习期限3至12个月。', '见习基本生活补助',
          any(all(GRAD, f('graduationYear', 'gte', thisYear(-2)), UNEMPLOYED), all(f('age', 'between', [16, 24]), UNEMPLOYED))),
        clause('离校2年内未就业的低保、脱贫、零就业家庭高校毕业生参加就业见习的，另给予每月200元生活补助。', '每月200元生活补助',
          all(GRAD, f('graduationYear', 'gte', thisYear(-2)), f('identityTags', 'in', ['dibao', 'poverty-alleviated', 'zero-employment-family']))),
      ],
    },
  },
  {
    key: 'P09',
    title: '甘孜州高龄津贴发放办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州民政局 甘孜州财政局',
    documentNumber: '甘民发〔2024〕18号',
    written: '2024-08-20',
    themeCategory: '民政、扶贫、救灾/老龄工作',
    subjectWords: '高龄津贴 长寿补贴',
    summary: '本州户籍80周岁以上老年人按年龄段每月发放高龄津贴，100周岁以上发放长寿补贴。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('民政局、财政局'),
    preamble: '为弘扬中华民族尊老敬老的传统美德，提高高龄老年人生活质量，根据《中华人民共和国老年人权益保障法》和《四川省老年人权益保障条例》，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      c[2],
      '高龄津贴由老年人或其监护人向户籍所在地乡（镇）人民政府申请，县（市）民政部门审核后按月发放至老年人社会保障卡；年满80周岁的，自其满80周岁的次月起发放。',
      '享受高龄津贴的老年人死亡的，自死亡次月起停发。冒领、骗取津贴的，由县（市）民政部门追回。',
      '本办法自2024年10月1日起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['elderly', 'retirement'],
      jurisdiction: GARZE,
      clauses: [
        clause('具有本州户籍、年满80周岁至89周岁的老年人，每人每月发放高龄津贴100元。', '每月100元', f('age', 'between', [80, 89])),
        clause('年满90周岁至99周岁的老年人，每人每月发放高龄津贴200元。', '每月200元', f('age', 'between', [90, 99])),
        clause('年满100周岁及以上的老年人，每人每月发放长寿补贴500元。', '每月500元', f('age', 'gte', 100)),
      ],
    },
  },
  {
    key: 'P10',
    title: '四川省困难残疾人生活补贴和重度残疾人护理补贴实施办法',
    level: 'provincial',
    issuingAuthority: '四川省民政厅 四川省财政厅 四川省残疾人联合会',
    documentNumber: '川民规〔2024〕2号',
    written: '2024-03-28',
    themeCategory: '民政、扶贫、救灾/残疾人',
    subjectWords: '困难残疾人生活补贴 重度残疾人护理补贴',
    summary: '对低保家庭中的残疾人给予生活补贴，对一级、二级重度残疾人给予护理补贴。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('民政局、财政局、残疾人联合会'),
    preamble: '为进一步健全残疾人福利制度，切实保障困难残疾人基本生活和重度残疾人长期照护需求，根据国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的要求，结合我省实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      '困难残疾人生活补贴标准为每人每月不低于90元，重度残疾人护理补贴标准为每人每月不低于90元，各地可结合实际提高标准。',
      '申请人向户籍所在地乡（镇）人民政府（街道办事处）提出申请，可通过全国残疾人两项补贴信息系统在线办理，实行“跨省通办”。',
      '本办法自2024年5月1日起施行，有效期5年。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['disabled', 'dibao'],
      jurisdiction: SICHUAN,
      clauses: [
        clause('具有本省户籍、持有《中华人民共和国残疾人证》的低保家庭中的残疾人，给予困难残疾人生活补贴。', '困难残疾人生活补贴',
          all(f('identityTags', 'eq', 'disabled'), f('identityTags', 'eq', 'dibao'))),
        clause('残疾等级被评定为一级、二级且需要长期照护的重度残疾人，给予重度残疾人护理补贴。', '重度残疾人护理补贴',
          all(f('identityTags', 'eq', 'disabled'), f('disabilityGrade', 'in', ['grade1', 'grade2']))),
      ],
    },
  },
  {
    key: 'P11',
    title: '甘孜州退役士兵自主就业扶持办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州退役军人事务局 甘孜州财政局',
    documentNumber: '甘退役军人发〔2025〕7号',
    written: '2025-04-15',
    themeCategory: '民政、扶贫、救灾/优抚安置',
    subjectWords: '退役士兵 自主就业 一次性补助',
    summary: '对退役后1年内在州内初次登记就业创业的自主就业退役士兵给予一次性补助，退役士兵可享受免费教育培训。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('退役军人事务局、财政局'),
    preamble: '为鼓励和扶持退役士兵自主就业创业，根据《退役军人保障法》《退役士兵安置条例》，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      '本办法适用于户籍在我州、以自主就业方式安置的退役士兵。',
      c[0],
      c[1],
      '退役士兵自主创业的，按规定享受创业担保贷款、税费减免和创业场地租金补贴等扶持政策。',
      '本办法自2025年5月1日起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['veteran', 'employment'],
      jurisdiction: GARZE,
      clauses: [
        clause('自主就业退役士兵退役后1年内，在州内初次登记就业创业的，给予一次性就业创业补助3000元。', '一次性补助3000元',
          all(f('identityTags', 'eq', 'veteran'), f('veteranStatus', 'eq', 'soldier-self-employed'), f('dischargeDate', 'gte', today({ years: -1 })))),
        clause('退役士兵退役后1年内参加职业教育和技能培训的，按规定享受免费教育培训。', '免费教育培训',
          all(f('identityTags', 'eq', 'veteran'), f('dischargeDate', 'gte', today({ months: -12 })))),
      ],
    },
  },
  {
    key: 'P12',
    title: '财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告',
    level: 'national',
    issuingAuthority: '财政部 税务总局',
    documentNumber: '财税〔2023〕12号',
    written: '2023-08-02',
    themeCategory: '财政、金融、审计/税务',
    subjectWords: '小型微利企业 个体工商户 六税两费',
    summary: '小型微利企业减按25%计算应纳税所得额并按20%税率缴纳企业所得税，“六税两费”减半征收。',
    preamble: '为进一步支持小微企业和个体工商户发展，现将有关税费政策公告如下：',
    style: 'notice',
    provisions: (c) => [
      `${c[0]}政策延续执行至2027年12月31日。`,
      c[1],
      '小型微利企业是指从事国家非限制和禁止行业，且同时符合年度应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元三个条件的企业。',
      '本公告执行期限为2023年1月1日至2027年12月31日。',
    ],
    signature: '财政部 税务总局',
    eligibility: {
      audience: 'enterprise',
      tags: ['micro', 'small', 'operating'],
      jurisdiction: null,
      clauses: [
        clause('对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。', '企业所得税实际税负5%', f('enterpriseTypes', 'eq', 'small-low-profit')),
        clause('对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。', '“六税两费”减半',
          f('enterpriseTypes', 'in', ['small-low-profit', 'individual-business'])),
      ],
    },
  },
  {
    key: 'P13',
    title: '四川省高新技术企业培育和认定支持办法',
    level: 'provincial',
    issuingAuthority: '四川省科学技术厅 四川省财政厅',
    documentNumber: '川科高〔2025〕9号',
    written: '2025-02-24',
    themeCategory: '科技、教育/科技',
    subjectWords: '高新技术企业 培育库 研发费用',
    summary: '经认定的高新技术企业减按15%税率征收企业所得税，符合条件的科技型中小企业纳入高新技术企业培育库。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('科技局、财政局'),
    preamble: '为加快培育壮大高新技术企业群体，推动科技型中小企业向高新技术企业成长，根据《高新技术企业认定管理办法》，结合我省实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      '对首次认定的高新技术企业，省级财政给予一次性奖励；各市（州）可按规定给予配套支持。',
      '入库企业实行动态管理，入库期限为3年，期满未通过高新技术企业认定的自动出库。',
      '本办法自2025年4月1日起施行。',
    ],
    eligibility: {
      audience: 'enterprise',
      tags: ['operating'],
      jurisdiction: null,
      clauses: [
        clause('经认定的高新技术企业，减按15%的税率征收企业所得税。', '企业所得税税率15%', f('enterpriseTypes', 'eq', 'high-tech')),
        clause('入库科技型中小企业注册成立一年以上，最近一年销售收入小于5000万元（含）的研究开发费用占比不低于5%，5000万元至2亿元（含）的不低于4%，2亿元以上的不低于3%，纳入高新技术企业培育库。', '纳入培育库，培育奖励最高20万元',
          all(not(f('enterpriseTypes', 'eq', 'high-tech')), f('enterpriseTypes', 'eq', 'tech-sme'), f('enterpriseAgeYears', 'gte', 1),
            any(
              all(f('annualRevenue', 'lte', 5000), f('rdExpenseRatio', 'gte', 5)),
              all(f('annualRevenue', 'gt', 5000), f('annualRevenue', 'lte', 20000), f('rdExpenseRatio', 'gte', 4)),
              all(f('annualRevenue', 'gt', 20000), f('rdExpenseRatio', 'gte', 3))
            ))),
      ],
    },
  },
  {
    key: 'P14',
    title: '四川省人力资源和社会保障厅等关于做好失业保险稳岗返还工作的通知',
    level: 'provincial',
    issuingAuthority: '四川省人力资源和社会保障厅 四川省财政厅 国家税务总局四川省税务局',
    documentNumber: '川人社发〔2026〕3号',
    written: '2026-01-20',
    themeCategory: '劳动、人事、监察/社会保险',
    subjectWords: '失业保险 稳岗返还 裁员率',
    summary: '对参加失业保险满12个月且裁员率符合规定的企业，按上年度实际缴纳失业保险费的一定比例返还。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('人力资源社会保障局、财政局，国家税务总局各市（州）税务局'),
    preamble: '为落实失业保险稳岗返还政策，支持企业稳定就业岗位，现就2026年失业保险稳岗返还工作通知如下。',
    style: 'notice',
    provisions: (c) => [
      `返还条件和比例。${c[0]}`,
      `困难企业返还。${c[1]}`,
      '经办方式。稳岗返还实行“免申即享”，由经办机构通过大数据比对筛选符合条件的企业，经公示无异议后直接返还至企业对公账户；无对公账户的小微企业可返还至其缴纳社会保险费的账户。',
      '资金监管。各地要加强资金审核和事后核查，对弄虚作假骗取返还资金的，依法追回并纳入失信记录。',
    ],
    closing: '本通知执行至2026年12月31日。',
    eligibility: {
      audience: 'enterprise',
      tags: ['operating'],
      jurisdiction: SICHUAN,
      clauses: [
        clause('参加失业保险满12个月，上年度未裁员或裁员率不高于5.5%，参保职工30人（含）以下的企业裁员率不高于参保职工总数20%的，按企业及其职工上年度实际缴纳失业保险费的60%返还，中小微企业返还比例提高至90%。', '稳岗返还60%—90%',
          all(f('unemploymentInsuranceMonths', 'gte', 12), any(f('layoffRate', 'lte', 5.5), all(f('insuredEmployees', 'lte', 30), f('layoffRate', 'lte', 20))))),
        clause('上年度裁员率超过5.5%但不高于10%的中小微企业，未列入严重失信主体名单的，按实际缴纳失业保险费的30%返还。', '稳岗返还30%',
          all(f('unemploymentInsuranceMonths', 'gte', 12), f('enterpriseSize', 'in', ['medium', 'small', 'micro']), f('layoffRate', 'gt', 5.5), f('layoffRate', 'lte', 10),
            f('seriousDishonesty', 'eq', false))),
      ],
    },
  },
  {
    key: 'P15',
    title: '财政部 工业和信息化部关于印发《政府采购促进中小企业发展管理办法》的通知',
    level: 'national',
    issuingAuthority: '财政部 工业和信息化部',
    documentNumber: '财库〔2020〕46号',
    written: '2020-12-18',
    themeCategory: '财政、金融、审计/政府采购',
    subjectWords: '政府采购 中小企业 预留份额 价格扣除',
    summary: '通过预留采购份额、价格评审优惠等措施，提高中小企业在政府采购中的份额。',
    addressees: '党中央有关部门，国务院各部委、各直属机构，全国人大常委会办公厅，全国政协办公厅，各省、自治区、直辖市、计划单列市财政厅（局）、工业和信息化主管部门：',
    preamble: '为贯彻落实《关于促进中小企业健康发展的指导意见》，发挥政府采购政策功能，促进中小企业发展，根据《中华人民共和国政府采购法》等法律法规，财政部、工业和信息化部制定了《政府采购促进中小企业发展管理办法》，现印发给你们，请遵照执行。办法主要内容如下：',
    style: 'notice',
    provisions: (c) => [
      '本办法所称中小企业，是指在中华人民共和国境内依法设立，依据国务院批准的中小企业划分标准确定的中型企业、小型企业和微型企业，但与大企业的负责人为同一人，或者与大企业存在直接控股、管理关系的除外。',
      c[0],
      c[1],
      '采购人应当在采购文件中明确中小企业扶持措施，并在采购合同履行中及时支付资金，不得无故拖欠中小企业账款。',
    ],
    signature: '财政部 工业和信息化部',
    eligibility: {
      audience: 'enterprise',
      tags: ['medium', 'small', 'micro', 'operating'],
      jurisdiction: null,
      clauses: [
        clause('超过200万元的货物和服务采购项目中适宜由中小企业提供的，预留该部分采购项目预算总额的30%以上专门面向中小企业采购。', '政府采购预留份额',
          f('enterpriseSize', 'in', ['medium', 'small', 'micro'])),
        clause('对于未预留份额专门面向中小企业采购的采购项目，对小微企业报价给予10%—20%的扣除，用扣除后的价格参加评审。', '报价扣除10%—20%', f('enterpriseSize', 'lte', 'small')),
      ],
    },
  },
  {
    key: 'P16',
    title: '四川省农机购置与应用补贴实施方案',
    level: 'provincial',
    issuingAuthority: '四川省农业农村厅 四川省财政厅',
    documentNumber: '川农发〔2024〕40号',
    written: '2024-04-12',
    themeCategory: '农业、林业、水利/农业',
    subjectWords: '农机购置补贴 农业机械',
    summary: '从事农业生产的个人和农业生产经营组织购置补贴范围内农机具，可享受农机购置与应用补贴。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('农业农村局、财政局'),
    preamble: '为贯彻落实农业农村部、财政部关于农机购置与应用补贴的部署，推进农业机械化全程全面高质高效发展，结合我省实际，制定本方案。',
    style: 'notice',
    provisions: (c) => [
      `补贴对象。${c[0]}`,
      '补贴标准。补贴实行定额补贴，一般机具单机补贴额不超过该档次产品上一年度平均销售价格的30%，高原地区和丘陵山区急需机具可适当提高。',
      `优先办理。${c[1]}`,
      '办理程序。购机者自主购机后，通过“四川农机购置补贴”手机应用或县级农业农村部门受理窗口提交申请，县级农业农村部门组织核验后兑付补贴资金。',
    ],
    eligibility: {
      audience: 'any',
      tags: ['herder', 'poverty-alleviated', 'A'],
      jurisdiction: SICHUAN,
      clauses: [
        clause('从事农业生产的个人和农民专业合作社、家庭农场、农业企业等农业生产经营组织，购置和更新补贴范围内的农业机械，可享受农机购置与应用补贴。', '农机购置补贴（不超过售价的30%）',
          any(all(IND, f('identityTags', 'in', ['farmer', 'herder']), f('boughtListedMachinery', 'eq', true)),
            all(ENT, f('enterpriseTypes', 'in', ['farmer-coop', 'family-farm', 'agri-leading']), f('boughtListedMachinery', 'eq', true)))),
        clause('脱贫户、监测对象购置补贴范围内农机的，优先办理补贴兑付。', '优先兑付',
          all(IND, f('identityTags', 'eq', 'poverty-alleviated'), f('boughtListedMachinery', 'eq', true))),
      ],
    },
  },
  {
    key: 'P17',
    title: '甘孜州农村低收入群体等重点对象住房安全保障实施办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州住房和城乡建设局 甘孜州财政局 甘孜州民政局',
    documentNumber: '甘住建发〔2025〕15号',
    written: '2025-05-06',
    themeCategory: '城乡建设、环境保护/住房保障',
    subjectWords: '农村危房改造 住房安全 低收入群体',
    summary: '对农村低保户、特困人员等重点对象经鉴定为C级、D级危房的住房给予加固改造或拆除重建补助。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('住房和城乡建设局、财政局、民政局'),
    preamble: '为巩固拓展脱贫攻坚成果，建立农村低收入群体等重点对象住房安全保障长效机制，根据住房城乡建设部、财政部、民政部有关规定，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      '本办法所称重点对象，是指农村低保户、农村分散供养特困人员、低保边缘家庭、脱贫不稳定户和因病因灾因意外事故等刚性支出较大导致基本生活出现严重困难的家庭。',
      c[0],
      c[1],
      '住房安全性鉴定由县（市）住房和城乡建设部门组织技术人员按照《农村住房安全性鉴定技术导则》进行，鉴定结果分为A、B、C、D四个等级。',
      '改造后的住房须达到安全标准，人均建筑面积原则上不低于13平方米。',
      '本办法自印发之日起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['dibao', 'poverty-alleviated', 'housing'],
      jurisdiction: GARZE,
      clauses: [
        clause('农村低保户、分散供养特困人员、低保边缘家庭和脱贫不稳定户等重点对象，住房经鉴定为C级危房的，给予加固改造补助，户均不低于1万元。', '加固改造补助≥1万元',
          all(f('hukouType', 'eq', 'rural'), LOWINC(), f('housingSafetyRating', 'eq', 'C'))),
        clause('上述重点对象住房经鉴定为D级危房的，原则上拆除重建，户均补助不低于3.5万元。', '拆除重建补助≥3.5万元',
          all(f('hukouType', 'eq', 'rural'), LOWINC(), f('housingSafetyRating', 'eq', 'D'))),
      ],
    },
  },
  {
    key: 'P18',
    title: '四川省藏区“9+3”免费教育计划实施办法',
    level: 'provincial',
    issuingAuthority: '四川省教育厅 四川省财政厅',
    documentNumber: '川教〔2024〕61号',
    written: '2024-05-20',
    themeCategory: '科技、教育/教育',
    subjectWords: '9+3 免费中职教育',
    summary: '组织甘孜州、阿坝州和木里县22周岁以下初高中毕业生到内地中职学校接受三年免费中等职业教育。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('教育局、财政局，各有关中等职业学校'),
    preamble: '为促进民族地区经济社会发展，提高民族地区劳动者素质，在九年义务教育基础上实施三年免费中等职业教育，根据省委、省政府有关决定，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      '“9+3”学生在校期间免除学费、住宿费、教科书费，每人每年补助生活费3000元，并给予交通和冬装补助。',
      '毕业时由学校推荐就业，也可通过对口升学考试升入高等职业院校。',
      '本办法自2024年秋季学期起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['schooling'],
      jurisdiction: SICHUAN,
      clauses: [
        clause('具有甘孜州、阿坝州或凉山州木里县户籍、年龄在22周岁以下的应届、往届初中毕业生和未升学的高中毕业生，到内地中职学校接受三年免费中等职业教育。', '免学费、住宿费，生活补助每年3000元',
          all(AREA_9P3(), f('age', 'lte', 22), not(GRAD), f('educationLevel', 'in', ['junior-high', 'senior-high']))),
        clause('往届初中毕业生年龄在22周岁以下、当年未被录取的，可申请参加“9+3”补录。', '参加补录',
          all(AREA_9P3(), f('educationLevel', 'eq', 'junior-high'), f('age', 'lte', 22))),
      ],
    },
  },
  {
    key: 'P19',
    title: '甘孜州林业和草原局 甘孜州财政局关于做好2026年草原生态保护补助奖励资金发放工作的通知',
    level: 'prefecture',
    issuingAuthority: '甘孜州林业和草原局 甘孜州财政局',
    documentNumber: '甘林草发〔2026〕2号',
    written: '2026-02-27',
    themeCategory: '农业、林业、水利/林业',
    subjectWords: '草原生态保护补助奖励 禁牧补助 草畜平衡',
    summary: '对禁牧草原和草畜平衡草原分别按每亩7.5元和2.5元发放补助奖励，承包面积不足50亩的按50亩保底。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('林业和草原局、财政局'),
    preamble: '根据第三轮草原生态保护补助奖励政策实施方案，现就做好2026年度补助奖励资金发放工作通知如下。',
    style: 'notice',
    provisions: (c) => [
      `禁牧补助。${c[0]}`,
      `草畜平衡奖励。${c[1]}`,
      `保底发放。${c[2]}`,
      '发放程序。补助奖励资金实行“一卡通”发放，由乡（镇）核实承包面积和禁牧、草畜平衡履约情况，村级公示7天无异议后，于每年6月底前发放到户。',
      '监督管理。对未履行禁牧、超载放牧的牧户，视情节扣减或停发补助奖励资金。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['herder'],
      jurisdiction: GARZE,
      clauses: [
        clause('对实施禁牧的草原，按照每年每亩7.5元的测算标准给予禁牧补助，补助发放到承包草原的牧户。', '禁牧补助每亩7.5元',
          all(f('identityTags', 'eq', 'herder'), f('grasslandScheme', 'eq', 'ban'))),
        clause('对禁牧区域以外实行草畜平衡的草原，按照每年每亩2.5元的测算标准给予草畜平衡奖励。', '每亩2.5元',
          all(f('identityTags', 'eq', 'herder'), f('grasslandScheme', 'eq', 'balance'))),
        clause('承包草原面积不足50亩的牧户，补助奖励资金按50亩保底发放。', '按50亩保底',
          all(f('identityTags', 'eq', 'herder'), f('grasslandScheme', 'in', ['ban', 'balance']), f('contractedGrasslandArea', 'lt', 50))),
      ],
    },
  },
  {
    key: 'P20',
    title: '甘孜州最低生活保障实施细则',
    level: 'prefecture',
    issuingAuthority: '甘孜藏族自治州人民政府办公室',
    documentNumber: '甘府办发〔2025〕27号',
    written: '2025-07-08',
    themeCategory: '民政、扶贫、救灾/社会救助',
    subjectWords: '最低生活保障 低保标准 单人保',
    summary: '明确城乡低保标准、申请条件和重度残疾人单独纳入低保的条件。',
    addressees: PREFECTURE_ADDRESSEES,
    preamble: '为规范最低生活保障工作，切实保障困难群众基本生活，根据《社会救助暂行办法》《四川省社会救助实施办法》，结合我州实际，制定本细则。',
    style: 'articles',
    provisions: (c) => [
      '最低生活保障坚持应保尽保、公平公正、动态管理的原则，实行属地管理，由户籍所在地县（市）民政部门审核确认。',
      c[0],
      c[1],
      c[2],
      '家庭收入是指共同生活的家庭成员在规定期限内获得的全部现金及实物收入，按上年度数据计算，除以共同生活的家庭成员人数得到人均收入。',
      '本细则自2025年8月1日起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['dibao', 'disabled'],
      jurisdiction: GARZE,
      clauses: [
        clause('城镇居民共同生活的家庭成员人均收入低于当地城市最低生活保障标准（每人每年9360元），且家庭财产状况符合规定的，可以申请最低生活保障。', '按月发放城市低保金',
          all(f('hukouType', 'eq', 'urban'), f('incomePerCapita', 'lt', 9360))),
        clause('农村居民家庭人均收入低于当地农村最低生活保障标准（每人每年6000元）的，可以申请最低生活保障。', '按月发放农村低保金',
          all(f('hukouType', 'eq', 'rural'), f('incomePerCapita', 'lt', 6000))),
        clause('家庭人均收入低于当地低保标准2倍、家庭成员中有一级、二级重度残疾人的，可将其单独纳入最低生活保障范围。', '单人保',
          all(f('identityTags', 'eq', 'disabled'), f('disabilityGrade', 'in', ['grade1', 'grade2']), f('incomePerCapita', 'lt', 12000))),
      ],
    },
  },
  {
    key: 'P21',
    title: '甘孜州城乡居民基本医疗保险参保资助办法',
    level: 'prefecture',
    issuingAuthority: '甘孜州医疗保障局 甘孜州财政局',
    documentNumber: '甘医保发〔2025〕8号',
    written: '2025-10-09',
    themeCategory: '卫生、体育/医疗保障',
    subjectWords: '医疗救助 参保资助',
    summary: '对特困人员全额资助、低保对象和返贫致贫人口定额资助参加城乡居民医保，低收入人口按规定资助。',
    addressees: PREFECTURE_DEPT_ADDRESSEES('医疗保障局、财政局'),
    preamble: '为做好困难群众参加城乡居民基本医疗保险工作，防范化解因病致贫返贫风险，根据《四川省医疗救助办法》，结合我州实际，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      c[2],
      '资助资金从医疗救助资金中列支，由县（市）医疗保障部门根据民政、乡村振兴等部门认定的身份信息直接资助，困难群众无需申请。',
      '本办法自2026年度集中参保缴费期起施行。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['dibao', 'poverty-alleviated', 'illness'],
      jurisdiction: GARZE,
      clauses: [
        clause('特困人员参加城乡居民基本医疗保险的个人缴费部分给予全额资助。', '全额资助', f('identityTags', 'eq', 'tekun')),
        clause('低保对象、返贫致贫人口参加城乡居民医保的个人缴费部分给予定额资助，资助标准不低于个人缴费标准的70%。', '资助≥70%', f('identityTags', 'in', ['dibao', 'poverty-alleviated'])),
        clause('低收入人口按规定给予定额资助。', '定额资助', f('identityTags', 'eq', 'low-income')),
      ],
    },
  },
  {
    key: 'P22',
    title: '四川省返乡入乡创业一次性创业补贴实施办法',
    level: 'provincial',
    issuingAuthority: '四川省人力资源和社会保障厅 四川省财政厅',
    documentNumber: '川人社规〔2025〕11号',
    written: '2025-06-03',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '返乡入乡创业 一次性创业补贴',
    summary: '对首次创业、正常经营1年以上的返乡入乡创业人员给予一次性创业补贴，农村自主创业农民提高至2万元。',
    addressees: PROVINCIAL_DEPT_ADDRESSEES('人力资源社会保障局、财政局'),
    preamble: '为鼓励农民工等人员返乡入乡创业，以创业带动就业，根据省委、省政府关于支持返乡入乡创业的部署，制定本办法。',
    style: 'articles',
    provisions: (c) => [
      c[0],
      c[1],
      '正常经营是指依法办理营业执照并持续经营，按规定申报纳税，申请补贴时仍在经营。',
      '同一创业主体只能享受一次一次性创业补贴，不得与其他同类创业补贴重复享受。',
      '本办法自2025年7月1日起施行，有效期5年。',
    ],
    eligibility: {
      audience: 'individual',
      tags: ['returnee', 'migrant-worker', 'employment'],
      jurisdiction: SICHUAN,
      clauses: [
        clause('返乡入乡创业的农民工、高校毕业生、退役军人等人员，首次创办小微企业或从事个体经营，正常经营1年以上的，给予一次性创业补贴1万元。', '一次性创业补贴1万元',
          all(f('identityTags', 'in', ['migrant-worker', 'graduate', 'veteran', 'returnee', 'rural-entrepreneur']), f('employmentStatus', 'eq', 'self-employed'), ONEYEAR())),
        clause('农村自主创业农民首次创业、正常经营1年以上的，补贴标准提高至2万元。', '一次性创业补贴2万元',
          all(f('identityTags', 'eq', 'rural-entrepreneur'), f('hukouType', 'eq', 'rural'), ONEYEAR())),
      ],
    },
  },
  {
    key: 'P23',
    title: '教育部 财政部 中国人民银行 国家金融监督管理总局关于完善国家助学贷款政策的通知',
    level: 'national',
    issuingAuthority: '教育部 财政部 中国人民银行 国家金融监督管理总局',
    documentNumber: '教财〔2021〕8号',
    written: '2021-09-13',
    themeCategory: '科技、教育/教育',
    subjectWords: '国家助学贷款 还本宽限期 学费代偿',
    summary: '国家助学贷款借款学生毕业后可申请最长5年还本宽限期，到中西部和艰苦边远地区基层就业的可申请学费和贷款代偿。',
    addressees: NATIONAL_DEPT_ADDRESSEES('教育厅（教委、教育局）、财政厅（局），中国人民银行各分支机构，各金融监管局，各银行业金融机构'),
    preamble: '为深入贯彻党中央、国务院关于完善学生资助体系的决策部署，进一步减轻借款学生经济负担，现就完善国家助学贷款政策有关事项通知如下。',
    style: 'notice',
    provisions: (c) => [
      '贷款额度。全日制普通本专科学生每人每年申请贷款额度不超过16000元，全日制研究生每人每年不超过20000元。',
      `还本宽限期。${c[0]}`,
      `基层就业代偿。${c[1]}`,
      '贷款利率。新发放的国家助学贷款利率按照同期同档次贷款市场报价利率（LPR）减60个基点执行，借款学生在校期间的贷款利息由财政全额补贴。',
    ],
    signature: '教育部 财政部 中国人民银行 国家金融监督管理总局',
    eligibility: {
      audience: 'individual',
      tags: ['graduate', 'schooling'],
      jurisdiction: null,
      clauses: [
        clause('国家助学贷款借款学生毕业后，可申请最长5年的还本宽限期，宽限期内只需偿还利息。', '还本宽限期5年',
          all(f('identityTags', 'eq', 'student-loan-holder'), f('graduationYear', 'gte', thisYear(-5)))),
        clause('借款学生毕业后到中西部地区和艰苦边远地区基层单位就业的，可申请学费和国家助学贷款代偿。', '学费和贷款代偿',
          all(f('identityTags', 'eq', 'student-loan-holder'), f('employmentStatus', 'eq', 'employed'), f('residenceRegion', 'in', ['513300', '513200', '513400']))),
      ],
    },
  },
  {
    key: 'P24',
    title: '人力资源社会保障部 教育部 财政部关于实施一次性扩岗补助政策的通知',
    level: 'national',
    issuingAuthority: '人力资源社会保障部 教育部 财政部',
    documentNumber: '人社部发〔2025〕14号',
    written: '2025-05-15',
    themeCategory: '劳动、人事、监察/就业创业',
    subjectWords: '一次性扩岗补助 吸纳就业',
    summary: '企业招用毕业年度或离校2年内未就业高校毕业生、16—24岁登记失业青年的，按每人不超过1500元发放一次性扩岗补助。',
    addressees: NATIONAL_DEPT_ADDRESSEES('人力资源社会保障厅（局）、教育厅（教委）、财政厅（局）'),
    preamble: '为鼓励企业吸纳高校毕业生和青年就业，现就实施一次性扩岗补助政策有关事项通知如下。',
    style: 'notice',
    provisions: (c) => [
      `补助对象和标准。${c[0]}`,
      `金融支持。${c[1]}`,
      '经办方式。一次性扩岗补助实行“免申即享”，由各地人力资源社会保障部门依托社保参保和就业登记数据比对，直接向企业发放；同一企业同一人员不得重复享受。',
      '政策期限。政策执行至2025年12月31日，各地可结合实际延续执行。',
    ],
    signature: '人力资源社会保障部 教育部 财政部',
    eligibility: {
      audience: 'enterprise',
      tags: ['graduate', 'operating'],
      jurisdiction: null,
      clauses: [
        clause('企业招用毕业年度或离校2年内未就业高校毕业生、登记失业的16—24岁青年，签订1年以上劳动合同并足额缴纳社会保险费的，按每人不超过1500元的标准发放一次性扩岗补助。', '每人1500元',
          f('youthHires', 'gte', 1)),
        clause('当年新招用人员达到在职职工30%以上的中小微企业，优先推荐申请创业担保贷款。', '优先推荐创业担保贷款',
          all(f('enterpriseSize', 'lte', 'medium'), f('newHireRatio', 'gte', 30))),
      ],
    },
  },
  {
    key: 'P25',
    title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州支持文旅住宿餐饮业纾困发展若干措施》的通知',
    level: 'prefecture',
    issuingAuthority: '甘孜藏族自治州人民政府办公室',
    documentNumber: '甘府办发〔2026〕5号',
    written: '2026-03-02',
    themeCategory: '商贸、海关、旅游/旅游',
    subjectWords: '文旅 住宿餐饮 稳岗 纾困',
    summary: '对州内住宿和餐饮业中小微企业和个体工商户给予一次性稳岗经营补贴，净增岗位的给予每岗1000元补贴。',
    addressees: PREFECTURE_ADDRESSEES,
    preamble: '为帮助文旅住宿餐饮业市场主体应对淡季经营困难、稳定就业岗位，促进全域旅游高质量发展，经州人民政府同意，现将《甘孜州支持文旅住宿餐饮业纾困发展若干措施》印发给你们，请认真贯彻执行。主要措施如下：',
    style: 'notice',
    provisions: (c) => [
      `稳岗经营补贴。${c[0]}`,
      `扩岗补贴。${c[1]}`,
      '金融支持。对住宿餐饮企业申请创业担保贷款的，优先受理、优先放款，州级财政按规定贴息。',
      '宣传推广。将符合条件的民宿、农家乐纳入“圣洁甘孜”全域旅游推介平台，免费开展线上宣传。',
    ],
    closing: '以上措施自印发之日起施行，执行至2026年12月31日。',
    signature: '甘孜藏族自治州人民政府办公室',
    eligibility: {
      audience: 'enterprise',
      tags: ['H', 'micro', 'small', 'operating'],
      jurisdiction: GARZE,
      clauses: [
        clause('在州内登记注册、从事住宿和餐饮业的中小微企业和个体工商户，可申请一次性稳岗经营补贴5000元。', '一次性补贴5000元',
          all(f('industryCode', 'eq', 'H'), any(f('enterpriseSize', 'lte', 'medium'), f('enterpriseTypes', 'eq', 'individual-business')))),
        clause('较上年净增就业岗位的住宿餐饮企业，每净增1个岗位补贴1000元。', '每岗1000元', all(f('industryCode', 'eq', 'H'), f('netNewJobs', 'gte', 1))),
      ],
    },
  },
];

/** 三支一扶's age: 30, or 35 for 甘孜、阿坝、凉山 户籍 (P07). */
function AGE_3ZYF(): RuleJson {
  return any(f('age', 'lte', 30), all(f('age', 'lte', 35), f('householdRegion', 'in', ['513200', '513300', '513400'])));
}
/** 农村低保户、特困人员、低保边缘家庭、脱贫不稳定户 (P17). */
function LOWINC(): RuleJson {
  return f('identityTags', 'in', ['dibao', 'tekun', 'low-income', 'poverty-alleviated']);
}
/** 甘孜州、阿坝州或凉山州木里县户籍 (P18). */
function AREA_9P3(): RuleJson {
  return f('householdRegion', 'in', ['513300', '513200', '513422']);
}
/** 正常经营1年以上 (P22). */
function ONEYEAR(): RuleJson {
  return f('ownBusinessSince', 'lte', today({ years: -1 }));
}

const ORDER = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10', 'P11', 'P12', 'P13', 'P14', 'P15', 'P16', 'P17', 'P18', 'P19', 'P20', 'P21', 'P22', 'P23', 'P24', 'P25', 'P26'];

/** The 26 demo policies, P01 … P26. */
export const DEMO_POLICIES: DemoPolicy[] = ORDER.map((key) => {
  const draft = DRAFTS.find((d) => d.key === key);
  if (!draft) throw new Error(`demo policies: no ${key}`);
  return assemble(draft);
});

export const demoPolicy = (key: string) => {
  const found = DEMO_POLICIES.find((p) => p.key === key);
  if (!found) throw new Error(`demo policies: no ${key}`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// As demo content: index numbers, owners, the chain (implements), interpretations

/** Region and serial of the lead issuing agency, for its unified social credit code in the index number. */
const ISSUERS: Record<Level, { region: (p: DemoPolicy) => string }> = {
  national: { region: () => '100000' },
  provincial: { region: () => '510000' },
  prefecture: { region: () => '513300' },
  county: { region: () => '513301' },
};
/** Serial numbers above the ones demo-content hands out, so no index number can collide with theirs. */
const serialOf = (p: DemoPolicy) => 60 + [...new Set(DEMO_POLICIES.map((x) => x.issuingAuthority.split(' ')[0]))].indexOf(p.issuingAuthority.split(' ')[0]);
const indexNumberOf = (p: DemoPolicy) =>
  `${creditCode(ISSUERS[p.level].region(p), serialOf(p))}/${p.written.slice(0, 4)}-${String(900 + DEMO_POLICIES.indexOf(p)).padStart(5, '0')}`;

/**
 * The file each one implements (every non-national policy of the demo implements exactly one):
 * another demo policy by key, or a policy of demo-content's chains by title.
 */
export const DEMO_PARENTS: Record<string, { key: string } | { title: string }> = {
  P01: { title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见' },
  P02: { key: 'P26' },
  P03: { title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见' },
  P04: { title: '四川省人民政府关于建立统一的城乡居民基本养老保险制度的实施意见' },
  P05: { title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见' },
  P06: { key: 'P22' },
  P07: { title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见' },
  P08: { title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见' },
  P09: { title: '四川省社会救助实施办法' },
  P10: { title: '社会救助暂行办法' },
  P11: { title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见' },
  P13: { key: 'P12' },
  P14: { key: 'P24' },
  P16: { title: '农业农村部办公厅 财政部办公厅关于印发《第三轮草原生态保护补助奖励政策实施指导意见》的通知' },
  P17: { title: '四川省社会救助实施办法' },
  P18: { title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见' },
  P19: { title: '四川省农业农村厅 四川省财政厅关于印发《四川省第三轮草原生态保护补助奖励政策实施方案》的通知' },
  P20: { title: '四川省社会救助实施办法' },
  P21: { title: '四川省人民政府关于整合城乡居民基本医疗保险制度的实施意见' },
  P22: { key: 'P24' },
  P25: { title: '四川省人民政府办公厅关于促进个体工商户高质量发展的实施意见' },
  P26: { title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见' },
};

/** Parents first, so every `implements` target is written before the file that names it. */
const writeOrder = (): DemoPolicy[] => {
  const placed = new Set<string>();
  const out: DemoPolicy[] = [];
  const visit = (p: DemoPolicy) => {
    if (placed.has(p.key)) return;
    const parent = DEMO_PARENTS[p.key];
    if (parent && 'key' in parent) visit(demoPolicy(parent.key));
    placed.add(p.key);
    out.push(p);
  };
  DEMO_POLICIES.forEach(visit);
  return out;
};

const OWNER = (p: DemoPolicy) => (p.level === 'county' ? 'kangding' : 'ganzi');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Published three days after it was written, 09:30 Beijing time. */
const publishDateOf = (p: DemoPolicy) => `${addDays(p.written, 3)}T01:30:00.000Z`;
/** 《…》 of a title, else the title without the issuer: how the interpretation names the file. */
const shortTitle = (p: DemoPolicy) => p.title.match(/《(.+)》/)?.[1] ?? p.title.replace(/^.*?关于/, '关于');

const interpretationBody = (p: DemoPolicy) =>
  [
    '## 一、出台背景',
    `${p.summary}为便于群众和市场主体了解、用好政策，现就《${shortTitle(p)}》解读如下。`,
    '## 二、谁可以享受',
    p.eligibility.clauses.map((c, i) => `${i + 1}. ${c.text}（${c.benefit}）`).join('\n'),
    '## 三、怎么办理',
    '可在政府门户网站“政策找人”栏目填写个人或企业情况，系统自动判断可享受的条款并列出仍需补充的信息；也可向发文机关或12345政务服务便民热线咨询。',
    '## 四、解读机关',
    `解读机关：${p.issuingAuthority}。`,
    DEMO_FOOTER,
  ].join('\n\n');

/**
 * The demo policies and their interpretations as demo content. `parentRef` maps a demo-content
 * policy's title to its reference; a parent it does not know is left out (a database without the
 * chains, such as a test's).
 */
export const demoPolicySpecs = (parentRef: (title: string) => string | undefined = () => undefined): ContentSpec[] => {
  const refOfKey = (key: string) => policyRef(demoPolicy(key).documentNumber);
  const policies: ContentSpec[] = writeOrder().map((p) => {
    const parent = DEMO_PARENTS[p.key];
    const ref = parent ? ('key' in parent ? refOfKey(parent.key) : parentRef(parent.title)) : undefined;
    return {
      type: 'policy',
      keyField: 'documentNumber',
      key: p.documentNumber,
      data: {
        title: p.title,
        indexNumber: indexNumberOf(p),
        issuingAuthority: p.issuingAuthority,
        documentNumber: p.documentNumber,
        writtenDate: p.written,
        publishDate: publishDateOf(p),
        documentKind: 'normative',
        themeCategory: p.themeCategory,
        subjectWords: p.subjectWords,
        validity: 'valid',
        validFrom: p.written,
        validTo: null,
        disclosure: 'proactive',
        level: p.level,
        summary: p.summary,
        body: p.body,
        ownerSite: OWNER(p),
      },
      relations: ref ? { implements: [ref] } : undefined,
    };
  });
  const interpretations: ContentSpec[] = writeOrder().map((p) => {
    const title = `《${shortTitle(p)}》政策解读`;
    return {
      type: 'interpretation',
      keyField: 'title',
      key: title,
      data: {
        title,
        summary: `解读《${shortTitle(p)}》的适用对象、享受条件和办理方式。`.slice(0, 300),
        body: interpretationBody(p),
        form: 'text',
        source: p.issuingAuthority,
        publishDate: publishDateOf(p),
        ownerSite: OWNER(p),
      },
      relations: { policy: refOfKey(p.key) },
    };
  });
  return [...policies, ...interpretations];
};

// ---------------------------------------------------------------------------------------------
// Seeding

export interface DemoPoliciesResult {
  /** Policies created by this run. */
  created: number;
  /** Policies given their eligibility by this run. */
  eligibility: number;
  /** documentId of every demo policy by key (P01 …). */
  byKey: Record<string, string>;
}

/** The eligibility body of a policy (`PUT /policy-match/policies/:documentId/eligibility`) on the seed day. */
export const eligibilityBody = (p: DemoPolicy, seedDay: string) => ({
  ...p.eligibility,
  applicationDeadline: p.applicationDeadlineDays ? addDays(seedDay, p.applicationDeadlineDays) : null,
});

/**
 * Gives every demo policy its eligibility through policy-match's eligibility service (validation
 * included: a rule the registry refuses fails the seed). The policies must exist (written as demo
 * content). Idempotent: a policy that has an eligibility keeps it.
 */
export const seedDemoEligibility = async (strapi: Core.Strapi, seedDay = new Date().toISOString().slice(0, 10)) => {
  const eligibility = strapi.plugin('policy-match')?.service('eligibility');
  const byKey: Record<string, string> = {};
  let created = 0;
  for (const p of DEMO_POLICIES) {
    const row = await strapi.db.query(CONTENT_UIDS.policy).findOne({ where: { documentNumber: p.documentNumber, locale: ZH }, select: ['documentId'] });
    if (!row) throw new Error(`demo eligibility: no policy ${p.documentNumber} (${p.key}) in the demo content`);
    byKey[p.key] = row.documentId;
    if (!eligibility || (await eligibility.get(row.documentId))) continue;
    try {
      await eligibility.save(row.documentId, eligibilityBody(p, seedDay));
    } catch (e) {
      const details = (e as { details?: unknown }).details;
      throw new Error(`demo eligibility of ${p.key} refused: ${(e as Error).message} ${details ? JSON.stringify(details) : ''}`);
    }
    created += 1;
  }
  return { created, byKey };
};

/**
 * The demo policy set on its own (tests, the questionnaire spec): writes the policies and their
 * interpretations as demo content (linked to demo-content's chains where those are present), then
 * their eligibility. Idempotent by document number.
 */
export const seedDemoPolicies = async (strapi: Core.Strapi, { seedDay }: { seedDay?: string } = {}): Promise<DemoPoliciesResult> => {
  const parentTitles = [...new Set(Object.values(DEMO_PARENTS).flatMap((p) => ('title' in p ? [p.title] : [])))];
  const ids = new Map<string, string>();
  const refs = new Map<string, string>();
  for (const title of parentTitles) {
    const row = await strapi.db.query(CONTENT_UIDS.policy).findOne({ where: { title, locale: ZH }, select: ['documentId', 'indexNumber'] });
    if (!row) continue;
    refs.set(title, policyRef(row.indexNumber));
    ids.set(policyRef(row.indexNumber), row.documentId);
  }
  const gate = strapi.plugin('review-workflow')?.service('publish-gate');
  const specs = demoPolicySpecs((title) => refs.get(title));
  const write = () => writeSpecs(strapi, specs, ids);
  const written = gate ? await gate.withTrustedPublish('demo seed: content approved before Jiyue', write) : await write();
  const eligibility = await seedDemoEligibility(strapi, seedDay);
  return { created: written.created.policy, eligibility: eligibility.created, byKey: eligibility.byKey };
};
