import type { Core } from '@strapi/strapi';
import cluster from './garze-cluster.json';
import { DEMO_COLUMNS, demoSites } from './demo-sites';
// A cycle (demo-policies uses this file's writer and helpers), harmless: neither uses the other while loading.
import { demoPolicySpecs } from './demo-policies';

/*
 * Demo content for the Garzê "1+18+19" cluster: policies (政策文件) with their national →
 * provincial → prefecture → county chains, interpretations (政策解读), service guides (办事指南),
 * FAQs (问答) and articles (信息), in Mandarin with a Tibetan version for part of them (一网双语).
 *
 * The wording follows the source articles in /work/shared/seeds (Garzê's 003 above all). National
 * titles such as 国办发〔2017〕47号 are real documents; provincial, prefecture and county document
 * numbers, index numbers and figures are illustrative demo data, not records of real files.
 * Tibetan strings are demo translations; have a native reader check them before public use.
 *
 * Everything is generated from fixed data and a seeded PRNG, so two runs build identical items and
 * the seeding can match them by a stable key (index number, item code, title, question).
 */

export const ZH = 'zh-Hans';
export const BO = 'bo';

export const CONTENT_UIDS = {
  article: 'api::article.article',
  policy: 'api::policy.policy',
  interpretation: 'api::interpretation.interpretation',
  serviceGuide: 'api::service-guide.service-guide',
  faq: 'api::faq.faq',
} as const;

type ContentType = keyof typeof CONTENT_UIDS;
type Level = 'national' | 'provincial' | 'prefecture' | 'county';
type Kind = 'regulation' | 'normative' | 'other';
type Data = Record<string, unknown>;

/** One document to seed: its stable key, its zh-Hans data, relations by reference, an optional Tibetan version. */
export interface ContentSpec {
  type: ContentType;
  /** Field that identifies the document across runs (indexNumber, itemCode, title or question). */
  keyField: string;
  key: string;
  data: Data;
  /** Relation field → references (`policy:<indexNumber>` / `guide:<itemCode>`) resolved to documentIds at write time. */
  relations?: Record<string, string | string[]>;
  bo?: { data: Data; relations?: Record<string, string | string[]> };
}

export const policyRef = (indexNumber: string) => `policy:${indexNumber}`;
export const guideRef = (itemCode: string) => `guide:${itemCode}`;
const refOf = (spec: ContentSpec) =>
  spec.type === 'policy' ? policyRef(spec.key) : spec.type === 'serviceGuide' ? guideRef(spec.key) : `${spec.type}:${spec.key}`;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny seeded PRNG, so figures and dates vary between items but not between runs. */
const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Rng {
  int: (min: number, max: number) => number;
  /** An ISO datetime on a day between the two dates, in Beijing office hours. */
  dateTime: (from: string, to: string) => string;
}

const createRng = (seed: number): Rng => {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const dateTime = (from: string, to: string) => {
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
    const day = new Date(start + int(0, days) * 86_400_000).toISOString().slice(0, 10);
    // 09:00–11:59 in Beijing (UTC+8) is 01:00–03:59 UTC.
    return `${day}T0${int(1, 3)}:${String(int(0, 59)).padStart(2, '0')}:00.000Z`;
  };
  return { int, dateTime };
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const beijingMorning = (date: string) => `${date}T01:30:00.000Z`;
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

// ---------------------------------------------------------------------------------------------
// Tibetan text helpers

const bo = (text: string) => text.normalize('NFC');

/** A Tibetan name without its closing shad (and the tsheg before it), ready to take a particle. */
const boStem = (name: string) => bo(name).replace(/\u0F0B?\u0F0D$/u, '');

/**
 * Adds the genitive particle, chosen by the last syllable's final letter as Tibetan grammar wants:
 * ཀྱི after ད བ ས, གི after ག ང, གྱི after ན མ ར ལ, and འི after a vowel (no suffix letter).
 */
const boGenitive = (stem: string) => {
  const syllable = stem.split('\u0F0B').pop() ?? '';
  const last = syllable.slice(-1);
  if (syllable.length > 1 && /[\u0F51\u0F56\u0F66]/u.test(last)) return `${stem}་ཀྱི`;
  if (syllable.length > 1 && /[\u0F42\u0F44]/u.test(last)) return `${stem}་གི`;
  if (syllable.length > 1 && /[\u0F53\u0F58\u0F62\u0F63]/u.test(last)) return `${stem}་གྱི`;
  if (last === '\u0F60') return `${stem.slice(0, -1)}འི`;
  return `${stem}འི`;
};

/** Arabic digits to Tibetan digits (༠–༩), as dates are written in Tibetan-language government text. */
const boDigits = (value: number | string) => String(value).replace(/[0-9]/g, (d) => String.fromCodePoint(0x0f20 + Number(d)));

const PREFECTURE_GOV_BO = bo(cluster.prefecture.bo);
const PREFECTURE_BO = 'དཀར་མཛེས་ཁུལ';
const PREFECTURE_OFFICE_BO = bo(`${boGenitive(boStem(PREFECTURE_GOV_BO))}་ཡིག་ཚང་།`);
/** "For details please see the Chinese version": Tibetan versions are shorter than the Chinese originals. */
const BO_SEE_CHINESE = ['ཞིབ་ཕྲ་ནི་རྒྱ་ཡིག་པར་གཞི་ལ་གཟིགས་རོགས།'];
const columnBo = (slug: string) => DEMO_COLUMNS.find((c) => c.slug === slug)?.bo ?? '';

// ---------------------------------------------------------------------------------------------
// Places and issuing authorities

interface County {
  code: string;
  zh: string;
  bo: string;
  regionCode: string;
}

const COUNTIES: County[] = cluster.counties.map((c) => ({ ...c, bo: bo(c.bo) }));
const county = (code: string) => {
  const found = COUNTIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown demo county ${code}`);
  return found;
};
/** 市 for Kangding (a county-level city), 县 elsewhere: "全市", "市级各部门". */
const unit = (c: County) => (c.zh.endsWith('市') ? '市' : '县');

/**
 * The site-group plugin gives every item an owning site (`ownerSite`, a site code). Demo items
 * belong where they were written: a county's to its portal, a department's to its site, the rest
 * (including national and provincial files kept in the prefecture's policy library) to the portal.
 */
const OWNER_FIELD = 'ownerSite';
const PREFECTURE_SITE = cluster.prefecture.code;
const DEPARTMENT_SITES = new Map(demoSites().filter((s) => s.kind === 'department').map((s) => [s.name, s.code]));
const departmentSite = (name: string) => {
  const code = DEPARTMENT_SITES.get(name);
  if (!code) throw new Error(`no demo site for department ${name}`);
  return code;
};

/** The one-character abbreviation counties put in front of their document numbers (康府办发〔2025〕3号). */
const COUNTY_DOC_ABBR: Record<string, string> = {
  kangding: '康', luding: '泸', danba: '丹', jiulong: '九', yajiang: '雅', daofu: '道', luhuo: '炉', 'ganzi-xian': '甘孜县',
  xinlong: '新', dege: '德', baiyu: '白', shiqu: '石', seda: '色', litang: '理', batang: '巴', xiangcheng: '乡', daocheng: '稻', derong: '得',
};

interface Authority {
  name: string;
  regionCode: string;
  /** Which agency of its region: 1 the government, 2 its office, higher numbers departments. */
  serial: number;
  /** The site that owns its files when that is not the prefecture portal. */
  site?: string;
}

const PREFECTURE_REGION = cluster.prefecture.regionCode;
const DEPARTMENT_SERIAL = (name: string) => 3 + cluster.departments.indexOf(name);

const AUTHORITIES: Record<string, Authority> = {
  国务院: { name: '国务院', regionCode: '100000', serial: 1 },
  国务院办公厅: { name: '国务院办公厅', regionCode: '100000', serial: 2 },
  农业农村部办公厅: { name: '农业农村部办公厅 财政部办公厅', regionCode: '100000', serial: 31 },
  四川省人民政府: { name: '四川省人民政府', regionCode: '510000', serial: 1 },
  四川省人民政府办公厅: { name: '四川省人民政府办公厅', regionCode: '510000', serial: 2 },
  四川省农业农村厅: { name: '四川省农业农村厅 四川省财政厅', regionCode: '510000', serial: 22 },
  甘孜州人民政府: { name: '甘孜藏族自治州人民政府', regionCode: PREFECTURE_REGION, serial: 1 },
  甘孜州人民政府办公室: { name: '甘孜藏族自治州人民政府办公室', regionCode: PREFECTURE_REGION, serial: 2 },
  甘孜州农业农村局: {
    name: '甘孜州农业农村局 甘孜州财政局',
    regionCode: PREFECTURE_REGION,
    serial: DEPARTMENT_SERIAL('州农业农村局'),
    site: departmentSite('州农业农村局'),
  },
};

type CountyAgency = 'government' | 'office' | 'agriculture';
const countyAuthority = (c: County, agency: CountyAgency): Authority => {
  if (agency === 'government') return { name: `${c.zh}人民政府`, regionCode: c.regionCode, serial: 1, site: c.code };
  if (agency === 'office') return { name: `${c.zh}人民政府办公室`, regionCode: c.regionCode, serial: 2, site: c.code };
  return { name: `${c.zh}农业农村局 ${c.zh}财政局`, regionCode: c.regionCode, serial: 17, site: c.code };
};

// ---------------------------------------------------------------------------------------------
// Index numbers (索引号): the issuing agency's unified social credit code, year, sequence

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const charValue = (c: string) => (/[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

/** The check character of a 9-character organisation code (GB 11714). */
const orgCodeCheck = (body: string) => {
  const sum = [...body].reduce((acc, c, i) => acc + charValue(c) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
};

/** An 18-character unified social credit code of a government agency (GB 32100), check digit included. */
export const creditCode = (regionCode: string, serial: number) => {
  const orgBody = `MB${String(serial).padStart(6, '0')}`;
  const first17 = `11${regionCode}${orgBody}${orgCodeCheck(orgBody)}`;
  const sum = [...first17].reduce((acc, c, i) => acc + CREDIT_CHARS.indexOf(c) * CREDIT_WEIGHTS[i], 0);
  return `${first17}${CREDIT_CHARS[(31 - (sum % 31)) % 31]}`;
};

export const INDEX_NUMBER = /^[0-9A-Z]{9}(?:[0-9A-Z]{9})?\/(?:19|20)[0-9]{2}-[0-9]{5,6}$/;
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5A-Za-z0-9]{1,30}〔(?:19|20)[0-9]{2}〕[0-9]{1,5}号$/;

/** Hands out index numbers per agency and year, starting at a seeded offset like a real register. */
const indexNumberRegister = (rng: Rng) => {
  const next = new Map<string, number>();
  return (authority: Authority, year: string) => {
    const code = creditCode(authority.regionCode, authority.serial);
    const key = `${code}/${year}`;
    const seq = next.get(key) ?? rng.int(10, 120);
    next.set(key, seq + rng.int(1, 9));
    return `${code}/${year}-${String(seq).padStart(5, '0')}`;
  };
};

/** Hands out county document numbers (康府办发〔2025〕3号), never the same one twice. */
const documentNumberRegister = (rng: Rng) => {
  const used = new Set<string>();
  return (prefix: string, year: string) => {
    let n = rng.int(2, 40);
    while (used.has(`${prefix}${year}${n}`)) n += 1;
    used.add(`${prefix}${year}${n}`);
    return `${prefix}〔${year}〕${n}号`;
  };
};

// ---------------------------------------------------------------------------------------------
// Policy chains (三横四纵: each prefecture file implements a provincial one, which implements a national one)

interface LevelSpec {
  authority: keyof typeof AUTHORITIES;
  title: string;
  documentNumber?: string;
  kind: Kind;
  written: string;
  validFrom?: string;
  summary: string;
  bo?: { title: string; summary: string };
}

interface CountySpec {
  code: string;
  written: string;
}

interface Theme {
  key: string;
  themeCategory: string;
  subjectWords: string;
  /** What the national file sets out to do; opens its body. */
  purpose: string;
  /** The main provisions, shared down the chain and reused by interpretations and guides. */
  tasks: string[];
  national: LevelSpec;
  provincial: LevelSpec;
  prefecture: LevelSpec;
  counties: CountySpec[];
  countyAgency: CountyAgency;
  countyTitle: (c: County) => string;
  countySummary: (c: County) => string;
}

const THEMES: Theme[] = [
  {
    key: 'gwgk-yd',
    themeCategory: '综合政务/政务公开',
    subjectWords: '政务公开 工作要点',
    purpose: '深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，以公开促落实、强监管、优服务',
    tasks: [
      '围绕稳经济促发展加强政策发布解读，做好惠企惠民政策“政策找人”“免申即享”相关信息公开。',
      '持续推进政府网站集约化，落实“一次生产、多源推送”，主动公开文件审签后自动推送至政策文件库。',
      '深化基层政务公开标准化规范化，动态更新政务公开事项标准目录和政府信息主动公开基本目录。',
      '加强政务新媒体管理，清理“僵尸号”“空壳号”，确保账号名称和运营主体相匹配。',
      '严格落实“三审三校”制度，开展错敏字、外链常态化检测，错情信息一键全集群删除。',
    ],
    national: {
      authority: '国务院办公厅',
      title: '国务院办公厅关于印发2025年政务公开工作要点的通知',
      documentNumber: '国办发〔2025〕8号',
      kind: 'other',
      written: '2025-04-11',
      summary: '部署2025年政务公开重点工作，要求以高质量公开助力经济社会发展，持续提升政务公开质效。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于印发《四川省2025年政务公开工作要点》的通知',
      documentNumber: '川办发〔2025〕14号',
      kind: 'other',
      written: '2025-05-08',
      summary: '结合全省实际，从稳经济促发展、优化政府信息管理、提升公开平台质效等方面部署2025年政务公开工作。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州2025年政务公开工作要点》的通知',
      documentNumber: '甘府办发〔2025〕11号',
      kind: 'other',
      written: '2025-05-30',
      summary: '部署全州2025年政务公开工作，推进“1+18+19”集约化网站群、政策文件库和“一网双语”建设。',
      bo: {
        title: `《${boGenitive(PREFECTURE_BO)}་${boDigits(2025)}ལོའི་གཞུང་དོན་གསལ་བསྒྲགས་ལས་དོན་གནད་འགག》པར་སྐྲུན་བགྲེམས་སྤེལ་བྱེད་པའི་སྐོར་གྱི་བརྡ་ཐོ།`,
        summary: `ཁུལ་ཡོངས་ཀྱི་${boDigits(2025)}ལོའི་གཞུང་དོན་གསལ་བསྒྲགས་ལས་དོན་ལ་བཀོད་སྒྲིག་བྱས།`,
      },
    },
    counties: [
      { code: 'kangding', written: '2025-06-16' },
      { code: 'luding', written: '2025-06-20' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}2025年政务公开工作要点》的通知`,
    countySummary: (c) => `结合${c.zh}实际，细化2025年政务公开重点任务，明确责任单位和完成时限。`,
  },
  {
    key: 'wzjyh',
    themeCategory: '综合政务/政府网站',
    subjectWords: '政府网站 集约化 管理',
    purpose: '加强政府网站建设管理，推进政府网站集约化，提升政府网站权威性和服务能力',
    tasks: [
      '统一建设集约化平台，构建州级、县级和部门网站“1+18+19”集约化网站群，变自建自管为统建统管。',
      '建设统一信息资源库，实现跨网站、跨系统、跨层级的信息资源相互调用和共享互认。',
      '统一用户认证和智能搜索，提供“搜站群”“搜本站”搜索入口，实现“一站注册、全网通行”。',
      '开展网站适老化和无障碍改造，支持全键盘操作和语音辅助浏览。',
      '建立绩效管理机制，植入技术监测参数，每日发送监测报告并对工作情况进行排名。',
    ],
    national: {
      authority: '国务院办公厅',
      title: '国务院办公厅关于印发政府网站发展指引的通知',
      documentNumber: '国办发〔2017〕47号',
      kind: 'normative',
      written: '2017-05-15',
      summary: '明确政府网站功能定位、集约化建设、内容保障和安全防护要求，推动政府网站从信息发布向服务转变。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于加强政府网站集约化建设管理的通知',
      documentNumber: '川办函〔2019〕38号',
      kind: 'normative',
      written: '2019-06-12',
      summary: '推进全省政府网站集约化，建设统一信息资源库，实现省、市、县三级网站统一建设、统一监管、统一认证。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州政府网站集约化平台管理办法》的通知',
      documentNumber: '甘府办发〔2023〕18号',
      kind: 'normative',
      written: '2023-04-18',
      summary: '规范“1+18+19”集约化网站群管理，落实一次生产多源推送、错情信息一键全集群删除和每日监测通报。',
    },
    counties: [
      { code: 'dege', written: '2023-06-05' },
      { code: 'litang', written: '2023-06-28' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}政府网站和政务新媒体内容保障实施细则》的通知`,
    countySummary: (c) => `落实全州集约化平台管理要求，明确${c.zh}各部门网站栏目内容保障责任和“三审三校”流程。`,
  },
  {
    key: 'zcjd',
    themeCategory: '综合政务/政务公开',
    subjectWords: '政策解读 回应关切',
    purpose: '进一步加强和规范政策解读，做到政策文件与解读材料同步起草、同步审签、同步发布',
    tasks: [
      '坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，“谁起草、谁解读”。',
      '政策文件送审时无解读方案、解读材料的，作退文处理，不作上会安排。',
      '丰富解读形式，综合运用图文、视频、访谈和问答解读，多元化解读比例达到80%以上。',
      '政策文件与解读材料相互关联，在政府网站政策文件库实现双向链接。',
      '对涉及群众切身利益的政策，通过“村村响”广播和藏汉“双语”明白卡开展面对面宣讲。',
    ],
    national: {
      authority: '国务院办公厅',
      title: '国务院办公厅印发《〈关于全面推进政务公开工作的意见〉实施细则》的通知',
      documentNumber: '国办发〔2016〕80号',
      kind: 'normative',
      written: '2016-11-10',
      summary: '对政策解读、回应社会关切、公开平台建设等作出规定，要求政策文件与解读材料同步组织、同步审签、同步部署。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于进一步做好政策解读回应关切工作的通知',
      documentNumber: '川办发〔2018〕45号',
      kind: 'normative',
      written: '2018-07-20',
      summary: '明确政策解读责任主体和程序，要求重要政策文件发布时同步发布解读材料，及时回应社会关切。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于进一步加强和规范政策解读工作的通知',
      documentNumber: '甘府办发〔2023〕9号',
      kind: 'normative',
      written: '2023-03-06',
      summary: '从解读责任、程序、内容、形式、监督保障等7个方面规范政策解读，无解读方案、解读材料的作退文处理。',
      bo: {
        title: 'སྲིད་ཇུས་འགྲེལ་བཤད་ཀྱི་ལས་དོན་ལ་ཤུགས་སྣོན་དང་ཚད་ལྡན་ཅན་བཟོ་རྒྱུའི་སྐོར་གྱི་བརྡ་ཐོ།',
        summary: 'སྲིད་ཇུས་ཡིག་ཆ་དང་འགྲེལ་བཤད་དུས་མཚུངས་སུ་འགྲེམས་སྤེལ་བྱེད་དགོས།',
      },
    },
    counties: [{ code: 'daocheng', written: '2023-04-12' }],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于进一步规范政策解读工作的通知`,
    countySummary: (c) => `明确${c.zh}政策解读“谁起草、谁解读”责任，推行图文、视频、访谈等多元化解读。`,
  },
  {
    key: 'jczwgk',
    themeCategory: '综合政务/政务公开',
    subjectWords: '基层政务公开 标准化 规范化',
    purpose: '全面推进基层政务公开标准化规范化，提升基层政府治理能力',
    tasks: [
      '按照国家有关部委印发的基层政务公开标准指引和权责清单，修订县、乡、村三级政务公开事项标准目录。',
      '完成州、县、乡、村四级政府信息主动公开基本目录修订，编制分类科学、分级管理的政府信息公开类目。',
      '规范建设乡（镇、街道）、村政府信息公开展板和便民服务中心公开专区。',
      '推进“四个一网”建设，实现深化政务公开促进基层政府治理专栏全覆盖。',
      '建立日抽查周督导、月排查季通报机制，建立整改台账，逐一整改销号。',
    ],
    national: {
      authority: '国务院办公厅',
      title: '国务院办公厅印发《关于全面推进基层政务公开标准化规范化工作的指导意见》的通知',
      documentNumber: '国办发〔2019〕54号',
      kind: 'normative',
      written: '2019-12-08',
      summary: '要求县、乡两级编制政务公开事项标准目录，建立健全基层政务公开标准体系，2023年基本建成。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的实施意见',
      documentNumber: '川办发〔2020〕31号',
      kind: 'normative',
      written: '2020-05-14',
      summary: '明确全省县、乡两级政务公开标准目录编制、公开平台规范和监督考核要求。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州深化基层政务公开促进基层政府治理能力提升实施方案》的通知',
      documentNumber: '甘府办发〔2023〕25号',
      kind: 'normative',
      written: '2023-05-22',
      summary: '修订县、乡、村三级标准目录和州、县、乡、村四级主动公开基本目录，形成政府信息公开类目2701个。',
    },
    counties: [
      { code: 'shiqu', written: '2023-07-03' },
      { code: 'seda', written: '2023-07-10' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}基层政务公开标准化规范化工作实施方案》的通知`,
    countySummary: (c) => `细化${c.zh}县、乡、村三级政务公开事项标准目录编制和公开专区建设任务。`,
  },
  {
    key: 'xxgk',
    themeCategory: '综合政务/政务公开',
    subjectWords: '政府信息公开 依申请公开',
    purpose: '保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度',
    tasks: [
      '行政机关公开政府信息，坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则。',
      '收到政府信息公开申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。',
      '需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日。',
      '行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费。',
      '公开涉及个人信息的政府信息，应当依法进行脱敏处理。',
    ],
    national: {
      authority: '国务院',
      title: '中华人民共和国政府信息公开条例',
      kind: 'regulation',
      written: '2019-04-03',
      validFrom: '2019-05-15',
      summary: '国务院令第711号修订公布，自2019年5月15日起施行，规范政府信息主动公开和依申请公开。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于进一步做好政府信息依申请公开工作的通知',
      documentNumber: '川办发〔2019〕41号',
      kind: 'normative',
      written: '2019-08-20',
      summary: '规范全省依申请公开的登记、审核、答复和归档，严格执行法定答复期限。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州政府信息依申请公开办理规范》的通知',
      documentNumber: '甘府办发〔2023〕33号',
      kind: 'normative',
      written: '2023-08-16',
      summary: '规范依申请公开的受理、登记、办理、答复和归档，新建依申请公开线上受理平台和报备系统。',
      bo: {
        title: `《${boGenitive(PREFECTURE_BO)}་སྲིད་གཞུང་ཆ་འཕྲིན་ཞུ་བ་ལྟར་གསལ་བསྒྲགས་བྱེད་པའི་ལག་ལེན་སྒྲིག་གཞི》པར་སྐྲུན་བགྲེམས་སྤེལ་བྱེད་པའི་སྐོར་གྱི་བརྡ་ཐོ།`,
        summary: 'སྲིད་གཞུང་ཆ་འཕྲིན་ཞུ་བ་ལེན་པ་དང་ལན་འདེབས་ཀྱི་བྱ་རིམ་ཚད་ལྡན་ཅན་བཟོས།',
      },
    },
    counties: [
      { code: 'luding', written: '2023-10-09' },
      { code: 'jiulong', written: '2023-10-23' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}政府信息依申请公开工作制度》的通知`,
    countySummary: (c) => `明确${c.zh}依申请公开的受理渠道、办理时限和答复文书格式。`,
  },
  {
    key: 'cxjmyl',
    themeCategory: '劳动、人事、监察/社会保障',
    subjectWords: '城乡居民 养老保险',
    purpose: '建立统一的城乡居民基本养老保险制度，保障城乡居民老年基本生活',
    tasks: [
      '年满16周岁（不含在校学生），不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险。',
      '城乡居民养老保险基金由个人缴费、集体补助、政府补贴构成，参保人自主选择档次缴费，多缴多得。',
      '养老保险待遇由基础养老金和个人账户养老金构成，支付终身。',
      '年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇的，可以按月领取城乡居民养老保险待遇。',
      '对重度残疾人等缴费困难群体，地方人民政府为其代缴部分或全部最低标准的养老保险费。',
    ],
    national: {
      authority: '国务院',
      title: '国务院关于建立统一的城乡居民基本养老保险制度的意见',
      documentNumber: '国发〔2014〕8号',
      kind: 'normative',
      written: '2014-02-21',
      summary: '将新农保和城居保两项制度合并实施，在全国范围内建立统一的城乡居民基本养老保险制度。',
    },
    provincial: {
      authority: '四川省人民政府',
      title: '四川省人民政府关于建立统一的城乡居民基本养老保险制度的实施意见',
      documentNumber: '川府发〔2014〕32号',
      kind: 'normative',
      written: '2014-06-10',
      summary: '明确全省城乡居民养老保险的参保范围、缴费档次、政府补贴和待遇领取条件。',
    },
    prefecture: {
      authority: '甘孜州人民政府',
      title: '甘孜藏族自治州人民政府关于印发《甘孜州城乡居民基本养老保险实施办法》的通知',
      documentNumber: '甘府发〔2015〕6号',
      kind: 'normative',
      written: '2015-03-18',
      summary: '规定全州城乡居民养老保险参保登记、缴费补贴、待遇领取和经办服务，重度残疾人由政府代缴保费。',
      bo: {
        title: `《${boGenitive(PREFECTURE_BO)}་གྲོང་གསེབ་དང་གྲོང་ཁྱེར་སྡོད་དམངས་ཀྱི་རྒས་གསོ་ཉེན་འགོག་ལག་བསྟར་ཐབས་ལམ》པར་སྐྲུན་བགྲེམས་སྤེལ་བྱེད་པའི་སྐོར་གྱི་བརྡ་ཐོ།`,
        summary: `ལོ་ན་${boDigits(60)}ལོན་པའི་ཉེན་འགོག་ཞུགས་མཁན་གྱིས་ཟླ་རེར་རྒས་གསོ་ཕོགས་ལེན་ཆོག`,
      },
    },
    counties: [
      { code: 'batang', written: '2015-05-11' },
      { code: 'yajiang', written: '2015-05-26' },
    ],
    countyAgency: 'government',
    countyTitle: (c) => `${c.zh}人民政府关于印发《${c.zh}城乡居民基本养老保险实施细则》的通知`,
    countySummary: (c) => `细化${c.zh}城乡居民养老保险参保缴费、待遇发放和乡（镇）经办服务规程。`,
  },
  {
    key: 'cybj',
    themeCategory: '农业、林业、水利/畜牧业',
    subjectWords: '草原生态保护 补助奖励',
    purpose: '加强草原生态保护，促进牧民增收和牧区经济社会可持续发展',
    tasks: [
      '在禁牧区实施禁牧补助，对履行禁牧义务的农牧民按照禁牧面积给予补助。',
      '在草畜平衡区实施草畜平衡奖励，对未超载放牧的农牧民给予奖励。',
      '补助奖励资金通过惠民惠农财政补贴资金“一卡通”直接发放到户。',
      '建立补助奖励资金公示制度，在村务公开栏公示发放面积、标准和金额。',
      '加强草原监督管理，严格落实禁牧休牧和草畜平衡制度。',
    ],
    national: {
      authority: '农业农村部办公厅',
      title: '农业农村部办公厅 财政部办公厅关于印发《第三轮草原生态保护补助奖励政策实施指导意见》的通知',
      documentNumber: '农办计财〔2021〕10号',
      kind: 'normative',
      written: '2021-03-19',
      validFrom: '2021-01-01',
      summary: '明确第三轮草原生态保护补助奖励政策的实施范围、补奖标准和资金发放管理要求。',
    },
    provincial: {
      authority: '四川省农业农村厅',
      title: '四川省农业农村厅 四川省财政厅关于印发《四川省第三轮草原生态保护补助奖励政策实施方案》的通知',
      documentNumber: '川农发〔2021〕56号',
      kind: 'normative',
      written: '2021-07-02',
      summary: '落实全省禁牧补助和草畜平衡奖励任务，明确资金分配、发放到户和绩效评价要求。',
    },
    prefecture: {
      authority: '甘孜州农业农村局',
      title: '甘孜州农业农村局 甘孜州财政局关于印发《甘孜州第三轮草原生态保护补助奖励政策实施方案》的通知',
      documentNumber: '甘州农发〔2021〕23号',
      kind: 'normative',
      written: '2021-08-20',
      summary: '将禁牧和草畜平衡任务分解到县、乡、村、户，补奖资金通过“一卡通”发放到户并公示。',
    },
    counties: [
      { code: 'shiqu', written: '2021-09-15' },
      { code: 'litang', written: '2021-09-28' },
    ],
    countyAgency: 'agriculture',
    countyTitle: (c) => `${c.zh}农业农村局 ${c.zh}财政局关于印发《${c.zh}第三轮草原生态保护补助奖励政策实施细则》的通知`,
    countySummary: (c) => `将${c.zh}禁牧和草畜平衡面积落实到户，明确补奖资金核定、公示和发放程序。`,
  },
  {
    key: 'wjy',
    themeCategory: '劳动、人事、监察/就业',
    subjectWords: '就业 创业 稳就业',
    purpose: '做好当前和今后一个时期促进就业工作，保持就业局势总体稳定',
    tasks: [
      '支持企业稳定岗位，对不裁员或少裁员的参保企业按规定返还失业保险费。',
      '鼓励创业带动就业，符合条件的个人和小微企业可按规定申请创业担保贷款。',
      '做好高校毕业生、农牧民工等重点群体就业，开展职业技能培训。',
      '开发公益性岗位，对就业困难人员实行托底安置。',
      '推行《就业创业证》网上申领，实现就业服务事项“一网通办”。',
    ],
    national: {
      authority: '国务院',
      title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见',
      documentNumber: '国发〔2018〕39号',
      kind: 'normative',
      written: '2018-11-16',
      summary: '从支持企业稳定岗位、开展创业担保贷款、加强职业技能培训等方面提出促进就业的政策措施。',
    },
    provincial: {
      authority: '四川省人民政府',
      title: '四川省人民政府关于做好当前和今后一个时期促进就业工作的实施意见',
      documentNumber: '川府发〔2019〕9号',
      kind: 'normative',
      written: '2019-03-25',
      summary: '明确全省稳岗返还、创业担保贷款、技能培训补贴等促进就业政策的对象和标准。',
    },
    prefecture: {
      authority: '甘孜州人民政府',
      title: '甘孜藏族自治州人民政府关于进一步做好稳就业工作的实施意见',
      documentNumber: '甘府发〔2019〕15号',
      kind: 'normative',
      written: '2019-06-18',
      summary: '围绕高校毕业生、农牧民工和就业困难人员，提出稳岗、创业扶持和公益性岗位托底等措施。',
    },
    counties: [{ code: 'kangding', written: '2019-08-12' }],
    countyAgency: 'government',
    countyTitle: (c) => `${c.zh}人民政府关于进一步做好稳就业工作的通知`,
    countySummary: (c) => `落实全州稳就业措施，明确${c.zh}创业担保贷款、公益性岗位和技能培训任务。`,
  },
  {
    key: 'shjz',
    themeCategory: '民政、扶贫、救灾/社会救助',
    subjectWords: '社会救助 最低生活保障 临时救助',
    purpose: '加强社会救助，保障公民的基本生活，促进社会公平，维护社会和谐稳定',
    tasks: [
      '对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合家庭财产状况规定的家庭，给予最低生活保障。',
      '申请最低生活保障，由共同生活的家庭成员向户籍所在地乡镇人民政府、街道办事处提出书面申请。',
      '乡镇人民政府、街道办事处通过入户调查、邻里访问、信息查询等方式，对申请人家庭收入和财产状况进行调查核实。',
      '因火灾、交通事故等意外事件或家庭成员突发重大疾病，导致基本生活暂时出现严重困难的家庭，给予临时救助。',
      '最低生活保障审核确认结果在申请人所在村（社区）公示，公示时应当保护申请人个人隐私。',
    ],
    national: {
      authority: '国务院',
      title: '社会救助暂行办法',
      kind: 'regulation',
      written: '2014-02-21',
      validFrom: '2014-05-01',
      summary: '国务院令第649号公布，自2014年5月1日起施行，规定最低生活保障、特困人员供养、临时救助等制度。',
    },
    provincial: {
      authority: '四川省人民政府',
      title: '四川省社会救助实施办法',
      kind: 'regulation',
      written: '2015-10-26',
      validFrom: '2016-01-01',
      summary: '以四川省人民政府令公布，细化最低生活保障、特困人员供养、临时救助的对象、标准和程序。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州最低生活保障审核确认办法》的通知',
      documentNumber: '甘府办发〔2022〕27号',
      kind: 'normative',
      written: '2022-09-14',
      summary: '规范全州最低生活保障的申请、家庭经济状况调查、审核确认、公示和动态管理。',
    },
    counties: [
      { code: 'luhuo', written: '2022-11-02' },
      { code: 'xinlong', written: '2022-11-15' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}最低生活保障和临时救助工作规程》的通知`,
    countySummary: (c) => `明确${c.zh}低保和临时救助的受理、调查、审核确认和资金发放流程。`,
  },
  {
    key: 'gtgsh',
    themeCategory: '工业、交通/市场监管',
    subjectWords: '个体工商户 登记 扶持',
    purpose: '鼓励、支持和引导个体经济健康发展，维护个体工商户合法权益，稳定和扩大城乡就业',
    tasks: [
      '持续深化简政放权、放管结合、优化服务改革，为个体工商户提供公平竞争的市场环境。',
      '市场主体登记机关为个体工商户提供依法合规、规范统一、公开透明、便捷高效的登记服务。',
      '推行个体工商户设立、变更、注销登记全程网上办理，实现“一网通办”。',
      '对符合条件的个体工商户落实减税降费、金融支持等政策，推进政策“直达快享”。',
      '个体工商户可以自愿变更为企业，市场主体登记机关应当提供便利。',
    ],
    national: {
      authority: '国务院',
      title: '促进个体工商户发展条例',
      kind: 'regulation',
      written: '2022-10-01',
      validFrom: '2022-11-01',
      summary: '国务院令第755号公布，自2022年11月1日起施行，从登记服务、政策扶持、权益保护等方面支持个体工商户发展。',
    },
    provincial: {
      authority: '四川省人民政府办公厅',
      title: '四川省人民政府办公厅关于促进个体工商户高质量发展的实施意见',
      documentNumber: '川办发〔2023〕12号',
      kind: 'normative',
      written: '2023-03-20',
      summary: '从降低经营成本、强化金融支持、优化登记服务等方面提出促进个体工商户发展的措施。',
    },
    prefecture: {
      authority: '甘孜州人民政府办公室',
      title: '甘孜藏族自治州人民政府办公室关于印发《甘孜州进一步支持个体工商户发展若干措施》的通知',
      documentNumber: '甘府办发〔2023〕29号',
      kind: 'normative',
      written: '2023-06-30',
      summary: '提出登记便利、租金减免、信贷支持、技能培训等措施，支持牧区和旅游沿线个体工商户发展。',
    },
    counties: [
      { code: 'danba', written: '2023-08-08' },
      { code: 'daofu', written: '2023-08-21' },
    ],
    countyAgency: 'office',
    countyTitle: (c) => `${c.zh}人民政府办公室关于印发《${c.zh}支持个体工商户发展十条措施》的通知`,
    countySummary: (c) => `结合${c.zh}乡村旅游和特色农牧业，提出支持个体工商户发展的十条措施。`,
  },  // 医保: the README's search examples (q=医保, and the exact 发文字号 甘府发〔2023〕12号) land here.
  {
    key: 'cxjmyb',
    themeCategory: '劳动、人事、监察/社会保障',
    subjectWords: '城乡居民 医疗保险 医保 参保缴费',
    purpose: '整合城乡居民基本医疗保险制度，健全全民医保体系，减轻城乡居民就医负担',
    tasks: [
      '统一覆盖范围：除职工基本医疗保险应参保人员以外的城乡居民，均可在户籍地或居住地参加城乡居民医保。',
      '统一筹资政策：个人缴费与政府补助相结合，对特困人员、低保对象等困难群众参保个人缴费给予资助。',
      '统一保障待遇：政策范围内住院费用基金支付比例保持在70%左右，门诊慢特病纳入医保支付。',
      '统一医保目录和定点管理，推进异地就医直接结算，参保群众凭医保电子凭证就医购药。',
      '统一基金管理：城乡居民医保基金纳入财政专户，实行收支两条线管理，严厉打击欺诈骗保。',
    ],
    national: {
      authority: '国务院',
      title: '国务院关于整合城乡居民基本医疗保险制度的意见',
      documentNumber: '国发〔2016〕3号',
      kind: 'normative',
      written: '2016-01-03',
      summary: '整合城镇居民基本医疗保险和新型农村合作医疗两项制度，建立统一的城乡居民基本医疗保险制度。',
    },
    provincial: {
      authority: '四川省人民政府',
      title: '四川省人民政府关于整合城乡居民基本医疗保险制度的实施意见',
      documentNumber: '川府发〔2016〕28号',
      kind: 'normative',
      written: '2016-07-08',
      summary: '明确全省城乡居民医保统一覆盖范围、筹资政策、保障待遇、医保目录、定点管理和基金管理。',
    },
    prefecture: {
      authority: '甘孜州人民政府',
      title: '甘孜藏族自治州人民政府关于做好城乡居民基本医疗保险（医保）参保缴费工作的通知',
      documentNumber: '甘府发〔2023〕12号',
      kind: 'normative',
      written: '2023-09-12',
      summary: '部署全州2024年度城乡居民医保集中参保缴费，明确个人缴费标准、困难群众资助参保和医保待遇。',
    },
    counties: [
      { code: 'kangding', written: '2023-10-10' },
      { code: 'luding', written: '2023-10-16' },
    ],
    countyAgency: 'government',
    countyTitle: (c) => `${c.zh}人民政府关于印发《${c.zh}2024年度城乡居民医保参保缴费工作方案》的通知`,
    countySummary: (c) => `明确${c.zh}2024年度城乡居民医保参保缴费时间、缴费渠道和乡（镇）经办责任。`,
  },
];

const ADDRESSEES: Record<Level, string> = {
  national: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  provincial: '各市（州）人民政府，省政府各部门、各直属机构：',
  prefecture: '各县（市）人民政府，州级各部门：',
  county: '各乡（镇）人民政府，县级各部门：',
};

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The name a title refers to: what stands in 《》 or after 关于印发 (国务院办公厅关于印发政府网站发展指引的通知
 * → 政府网站发展指引), else the title without its issuing agency.
 */
const shortTitle = (title: string, authority: string) => {
  const quoted = title.match(/《(.+)》/) ?? title.match(/关于印发(.+)的通知$/);
  if (quoted) return quoted[1];
  const withoutAgency = title.startsWith(authority) ? title.slice(authority.length) : title;
  return withoutAgency || title;
};

interface PolicyDraft {
  spec: ContentSpec;
  level: Level;
  theme: Theme;
  authority: Authority;
  short: string;
  written: string;
  publishDate: string;
  county?: County;
  parent?: PolicyDraft;
}

type PolicyContext = Omit<PolicyDraft, 'spec'>;

/** A regulation (法规、规章) is written in articles: 第一条, 第二条 … */
const regulationBody = ({ theme, written }: PolicyContext, title: string) => {
  const articles = theme.tasks.map((t, i) => `**第${CHINESE_ORDINALS[i]}条** ${t}`);
  return [`# ${title}`, `（${chineseDate(written)}公布）`, ...articles].join('\n\n');
};

/** An administrative document (通知、意见): addressees, why, the provisions, the issuing agency and date. */
const documentBody = ({ theme, level, authority, parent, county: c, written }: PolicyContext) => {
  const addressee = level === 'county' && c ? ADDRESSEES.county.replace('县级', `${unit(c)}级`) : ADDRESSEES[level];
  const place = c?.zh ?? (level === 'prefecture' ? '全州' : '全省');
  const opening = parent
    ? `为深入贯彻落实《${parent.short}》，结合${place}实际，现就有关事项通知如下。`
    : `为${theme.purpose}，现就有关事项通知如下。`;
  const provisions = theme.tasks.map((t, i) => `## ${CHINESE_ORDINALS[i]}、${t.split(/[，。；]/)[0]}\n\n${t}`);
  const closing = '请各地、各部门结合实际认真贯彻执行，执行中遇到的问题及时反馈。';
  return [addressee, opening, ...provisions, closing, `${authority.name}\n\n${chineseDate(written)}`].join('\n\n');
};

/** What a policy says, whichever level issues it; the county version has no issuing agency of its own in THEMES. */
type PolicyText = Omit<LevelSpec, 'authority'>;

const countyPolicyText = (theme: Theme, c: County, written: string, documentNumber: string): PolicyText => ({
  title: theme.countyTitle(c),
  documentNumber,
  kind: 'normative',
  written,
  summary: theme.countySummary(c),
});

const COUNTY_DOC_TYPE: Record<CountyAgency, string> = { government: '府发', office: '府办发', agriculture: '农发' };

/** Builds every policy of every theme, each level linked to the one above it by `implements`. */
const buildPolicies = (rng: Rng) => {
  const indexNumber = indexNumberRegister(rng);
  const documentNumber = documentNumberRegister(rng);
  const drafts: PolicyDraft[] = [];

  const add = (theme: Theme, level: Level, text: PolicyText, authority: Authority, parent?: PolicyDraft, c?: County) => {
    const publishDate = beijingMorning(addDays(text.written, rng.int(2, 9)));
    const context: PolicyContext = {
      level, theme, authority, short: shortTitle(text.title, authority.name), written: text.written, publishDate, county: c, parent,
    };
    const number = indexNumber(authority, text.written.slice(0, 4));
    const data: Data = {
      title: text.title,
      indexNumber: number,
      issuingAuthority: authority.name,
      documentNumber: text.documentNumber ?? null,
      writtenDate: text.written,
      publishDate,
      documentKind: text.kind,
      themeCategory: theme.themeCategory,
      subjectWords: theme.subjectWords,
      validity: 'valid',
      validFrom: text.validFrom ?? text.written,
      validTo: null,
      disclosure: 'proactive',
      level,
      summary: text.summary,
      body: text.kind === 'regulation' ? regulationBody(context, text.title) : documentBody(context),
      [OWNER_FIELD]: authority.site ?? PREFECTURE_SITE,
    };
    const tibetan = text.bo && {
      data: {
        title: bo(text.bo.title),
        summary: bo(text.bo.summary),
        issuingAuthority: authority.serial === 1 ? PREFECTURE_GOV_BO : PREFECTURE_OFFICE_BO,
        body: bo([text.bo.summary, ...BO_SEE_CHINESE].join('\n\n')),
      },
    };
    const draft: PolicyDraft = {
      ...context,
      spec: {
        type: 'policy',
        keyField: 'indexNumber',
        key: number,
        data,
        relations: parent ? { implements: [policyRef(parent.spec.key)] } : undefined,
        bo: tibetan || undefined,
      },
    };
    drafts.push(draft);
    return draft;
  };

  for (const theme of THEMES) {
    const national = add(theme, 'national', theme.national, AUTHORITIES[theme.national.authority]);
    const provincial = add(theme, 'provincial', theme.provincial, AUTHORITIES[theme.provincial.authority], national);
    const prefecture = add(theme, 'prefecture', theme.prefecture, AUTHORITIES[theme.prefecture.authority], provincial);
    for (const { code, written } of theme.counties) {
      const c = county(code);
      const number = documentNumber(`${COUNTY_DOC_ABBR[c.code]}${COUNTY_DOC_TYPE[theme.countyAgency]}`, written.slice(0, 4));
      add(theme, 'county', countyPolicyText(theme, c, written, number), countyAuthority(c, theme.countyAgency), prefecture, c);
    }
  }
  return drafts;
};

// ---------------------------------------------------------------------------------------------
// Interpretations (政策解读): every policy gets a text interpretation; prefecture files also a graphic one

const interpretationBody = (p: PolicyDraft) => {
  const background = p.parent
    ? `为贯彻落实《${p.parent.short}》，${p.authority.name}结合${p.county?.zh ?? (p.level === 'prefecture' ? '全州' : '全省')}实际，起草了《${p.short}》。`
    : `为${p.theme.purpose}，${p.authority.name}制定了《${p.short}》。`;
  return [
    '## 一、起草背景',
    background,
    '## 二、主要内容',
    p.theme.tasks.map((t, i) => `${i + 1}. ${t}`).join('\n'),
    '## 三、创新举措',
    '文件与本解读同步审签、同步发布，并在政府网站政策文件库与相关办事指南、常见问题双向关联，群众可“一站式”查阅。',
    '## 四、解读机关及咨询渠道',
    `解读机关：${p.authority.name}。咨询渠道：12345政务服务便民热线，或在政府门户网站“互动交流”栏目留言。`,
  ].join('\n\n');
};

const buildInterpretations = (policies: PolicyDraft[]): ContentSpec[] => {
  const specs: ContentSpec[] = [];
  const add = (p: PolicyDraft, title: string, form: string, summary: string, body: string, days: number) =>
    specs.push({
      type: 'interpretation',
      keyField: 'title',
      key: title,
      data: {
        title,
        summary,
        body,
        form,
        source: p.authority.name,
        publishDate: beijingMorning(addDays(p.publishDate.slice(0, 10), days)),
        [OWNER_FIELD]: p.spec.data[OWNER_FIELD],
      },
      relations: { policy: policyRef(p.spec.key) },
    });

  for (const p of policies) {
    add(p, `《${p.short}》政策解读`, 'text', `从起草背景、主要内容和创新举措等方面解读《${p.short}》。`, interpretationBody(p), 0);
    if (p.level !== 'prefecture') continue;
    add(
      p,
      `一图读懂《${p.short}》`,
      'graphic',
      `以图解方式展示《${p.short}》的主要任务。`,
      `**图解要点**\n\n${p.theme.tasks.map((t) => `- ${t}`).join('\n')}`,
      1
    );
    if (p.theme.key === 'gwgk-yd') {
      add(p, `视频解读：《${p.short}》`, 'video', '州政务公开办负责同志解读全州2025年政务公开重点任务。', `州政务公开办负责同志围绕以下重点任务作视频解读：\n\n${p.theme.tasks.map((t) => `- ${t}`).join('\n')}`, 3);
    }
    if (p.theme.key === 'zcjd') {
      add(
        p,
        `《${p.short}》问答解读`,
        'qa',
        '以问答形式说明政策解读的责任、程序和形式。',
        [
          '**问：哪些政策文件必须同步解读？**\n\n答：以州政府或州政府办公室名义印发的政策性文件，以及涉及群众切身利益的部门规范性文件，均须同步解读。',
          '**问：没有解读材料的文件怎么处理？**\n\n答：政策文件送审时无解读方案、解读材料的，作退文处理，不作上会安排。',
          '**问：解读有哪些形式？**\n\n答：包括文字、图文、视频、访谈和问答解读，并配套藏汉“双语”明白卡。',
        ].join('\n\n'),
        2
      );
    }
  }
  return specs;
};

// ---------------------------------------------------------------------------------------------
// Service guides (办事指南)

interface Material {
  name: string;
  form: 'original' | 'copy' | 'electronic' | 'original-and-copy';
  copies?: number;
  required?: boolean;
  notes?: string;
}

type Department = 'office' | 'rsj' | 'nyncj' | 'mzj' | 'scjgj';

const DEPARTMENTS: Record<Department, { code: string; prefecture: string; site: string; county: (c: County) => string }> = {
  office: { code: 'ZFB', prefecture: '甘孜藏族自治州人民政府办公室', site: PREFECTURE_SITE, county: (c) => `${c.zh}人民政府办公室` },
  rsj: { code: 'RSJ', prefecture: '甘孜州人力资源和社会保障局', site: departmentSite('州人力资源和社会保障局'), county: (c) => `${c.zh}人力资源和社会保障局` },
  nyncj: { code: 'NYNCJ', prefecture: '甘孜州农业农村局', site: departmentSite('州农业农村局'), county: (c) => `${c.zh}农业农村局` },
  mzj: { code: 'MZJ', prefecture: '甘孜州民政局', site: departmentSite('州民政局'), county: (c) => `${c.zh}民政局` },
  scjgj: { code: 'SCJGJ', prefecture: '甘孜州市场监督管理局', site: departmentSite('州市场监督管理局'), county: (c) => `${c.zh}市场监督管理局` },
};

interface GuideTemplate {
  abbr: string;
  name: string;
  aliases: string;
  itemType: string;
  audience: 'natural-person' | 'legal-person' | 'natural-and-legal-person';
  statutory: number;
  promised: number;
  fee: string;
  result: string;
  fullyOnline: boolean;
  theme: string;
  department: Department;
  /** 'prefecture' or county codes. */
  bodies: string[];
  summary: string;
  conditions: string;
  procedure: string[];
  materials: Material[];
  faq: { question: (place: string, body: string) => string; answer: (place: string, body: string) => string };
  bo?: { name: string; bodies: string[] };
}

const GUIDE_TEMPLATES: GuideTemplate[] = [
  {
    abbr: 'YSQGK',
    name: '政府信息公开申请',
    aliases: '依申请公开,政府信息依申请公开',
    itemType: 'public-service',
    audience: 'natural-and-legal-person',
    statutory: 20,
    promised: 15,
    fee: '不收费（申请数量、频次明显超过合理范围的，按规定收取信息处理费）',
    result: '政府信息公开申请答复书',
    fullyOnline: true,
    theme: 'xxgk',
    department: 'office',
    bodies: ['prefecture', 'kangding', 'luding', 'jiulong'],
    summary: '公民、法人或者其他组织向行政机关申请获取主动公开以外的政府信息。',
    conditions: '公民、法人或者其他组织均可申请；申请内容应当明确、具体，能够指向特定的政府信息。',
    procedure: ['提交申请（线上受理平台、信函或当面）', '登记受理', '审查办理', '作出答复', '送达并归档'],
    materials: [
      { name: '政府信息公开申请表', form: 'original', copies: 1, required: true },
      { name: '申请人身份证明（居民身份证或营业执照）', form: 'copy', copies: 1, required: true },
      { name: '授权委托书及受托人身份证明', form: 'original', copies: 1, required: false, notes: '委托他人代为申请的提供' },
    ],
    faq: {
      question: (_place, body) => `向${body}申请政府信息公开，多长时间能得到答复？`,
      answer: (_place, body) =>
        `能够当场答复的当场答复；不能当场答复的，${body}自收到申请之日起20个工作日内予以答复，需要延长的经负责人同意并告知申请人，延长期限最长不超过20个工作日。本机关承诺在15个工作日内答复。`,
    },
    bo: { name: 'སྲིད་གཞུང་ཆ་འཕྲིན་གསལ་བསྒྲགས་ཞུ་བ།', bodies: ['prefecture', 'kangding'] },
  },
  {
    abbr: 'YLCB',
    name: '城乡居民基本养老保险参保登记',
    aliases: '城乡居保参保,居民养老保险登记',
    itemType: 'public-service',
    audience: 'natural-person',
    statutory: 5,
    promised: 1,
    fee: '不收费',
    result: '参保登记信息',
    fullyOnline: true,
    theme: 'cxjmyl',
    department: 'rsj',
    bodies: ['prefecture', 'batang', 'yajiang', 'kangding'],
    summary: '符合条件的城乡居民在户籍地办理城乡居民基本养老保险参保登记。',
    conditions: '年满16周岁（不含在校学生），非国家机关和事业单位工作人员，不属于职工基本养老保险制度覆盖范围的城乡居民。',
    procedure: ['申请', '受理', '审核', '办结（录入参保信息）'],
    materials: [
      { name: '居民身份证', form: 'original', copies: 1, required: true },
      { name: '户口簿', form: 'copy', copies: 1, required: true },
      { name: '城乡居民基本养老保险参保登记表', form: 'original', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `在${place}参加城乡居民基本养老保险需要准备哪些材料？`,
      answer: (place) => `携带居民身份证、户口簿，到${place}政务服务中心或户籍所在地乡（镇）便民服务中心填写参保登记表即可，也可通过四川政务服务网或“天府通办”网上办理。`,
    },
  },
  {
    abbr: 'YLDY',
    name: '城乡居民基本养老保险待遇申领',
    aliases: '城乡居保待遇领取,养老金申领',
    itemType: 'administrative-payment',
    audience: 'natural-person',
    statutory: 20,
    promised: 10,
    fee: '不收费',
    result: '按月发放养老保险待遇',
    fullyOnline: false,
    theme: 'cxjmyl',
    department: 'rsj',
    bodies: ['prefecture', 'batang', 'yajiang'],
    summary: '参保人年满60周岁且符合条件的，申请按月领取城乡居民养老保险待遇。',
    conditions: '年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇。',
    procedure: ['申请', '受理', '审核（公示）', '核定待遇', '按月发放'],
    materials: [
      { name: '居民身份证', form: 'original', copies: 1, required: true },
      { name: '户口簿', form: 'copy', copies: 1, required: true },
      { name: '社会保障卡或本人银行账户', form: 'copy', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `${place}城乡居民养老保险待遇从什么时候开始领取？`,
      answer: () => '参保人年满60周岁、累计缴费满15年且未领取国家规定的基本养老保障待遇的，从符合条件的次月起按月领取，待遇支付终身。',
    },
  },
  {
    abbr: 'JYCYZ',
    name: '《就业创业证》申领',
    aliases: '就业失业登记证申领,就业创业证办理',
    itemType: 'public-service',
    audience: 'natural-person',
    statutory: 10,
    promised: 1,
    fee: '不收费',
    result: '《就业创业证》（电子证照）',
    fullyOnline: true,
    theme: 'wjy',
    department: 'rsj',
    bodies: ['prefecture', 'kangding'],
    summary: '劳动者办理就业登记或失业登记后申领《就业创业证》，享受相应就业创业扶持政策。',
    conditions: '在法定劳动年龄内、有劳动能力和就业要求，已办理就业或失业登记的劳动者。',
    procedure: ['申请', '受理', '审核', '发证'],
    materials: [{ name: '居民身份证', form: 'original', copies: 1, required: true }],
    faq: {
      question: (place) => `在${place}申领《就业创业证》可以网上办理吗？`,
      answer: () => '可以。登录四川政务服务网或“天府通办”App，实名认证后在线申领，审核通过后生成电子《就业创业证》，无需到窗口。',
    },
  },
  {
    abbr: 'CYDK',
    name: '创业担保贷款申请',
    aliases: '创业贷款贴息,创业担保贷款',
    itemType: 'public-service',
    audience: 'natural-and-legal-person',
    statutory: 15,
    promised: 10,
    fee: '不收费',
    result: '创业担保贷款审核意见',
    fullyOnline: false,
    theme: 'wjy',
    department: 'rsj',
    bodies: ['prefecture', 'kangding'],
    summary: '符合条件的创业人员和小微企业申请创业担保贷款及财政贴息。',
    conditions: '高校毕业生、返乡创业农牧民工、就业困难人员等重点群体，以及当年新招用符合条件人员达到规定比例的小微企业。',
    procedure: ['申请', '人社部门资格审核', '担保机构审核', '经办银行放贷', '贴息拨付'],
    materials: [
      { name: '居民身份证', form: 'original', copies: 1, required: true },
      { name: '《就业创业证》或营业执照', form: 'copy', copies: 1, required: true },
      { name: '创业计划书', form: 'original', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `${place}创业担保贷款的额度和期限是多少？`,
      answer: () => '个人和小微企业的贷款额度、期限和贴息比例按照国家和省上现行规定执行，具体以经办银行审核结果为准，可拨打12345政务服务便民热线咨询。',
    },
  },
  {
    abbr: 'CYBJ',
    name: '草原生态保护补助奖励资金发放',
    aliases: '草原补奖,禁牧补助,草畜平衡奖励',
    itemType: 'administrative-payment',
    audience: 'natural-person',
    statutory: 30,
    promised: 20,
    fee: '不收费',
    result: '补助奖励资金“一卡通”发放到户',
    fullyOnline: false,
    theme: 'cybj',
    department: 'nyncj',
    bodies: ['shiqu', 'litang', 'seda'],
    summary: '对履行禁牧义务和实现草畜平衡的农牧民发放草原生态保护补助奖励资金。',
    conditions: '承包草原并履行禁牧或草畜平衡义务的农牧户。',
    procedure: ['村级申报', '乡（镇）审核', '县级审定', '村务公开栏公示', '“一卡通”发放'],
    materials: [
      { name: '草原承包经营权证', form: 'copy', copies: 1, required: true },
      { name: '居民身份证', form: 'copy', copies: 1, required: true },
      { name: '惠民惠农财政补贴资金“一卡通”', form: 'copy', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `${place}草原生态保护补助奖励资金什么时候发放？`,
      answer: () => '补助奖励资金原则上每年发放一次，经村级申报、乡（镇）审核、县级审定并在村务公开栏公示后，通过“一卡通”直接发放到户。',
    },
    bo: { name: 'རྩྭ་ཐང་སྐྱེ་ཁམས་སྲུང་སྐྱོབ་ཀྱི་རོགས་དངུལ་དང་བྱ་དགའ་སྤྲོད་པ།', bodies: ['shiqu', 'litang'] },
  },
  {
    abbr: 'DBQR',
    name: '最低生活保障审核确认',
    aliases: '低保申请,城乡低保',
    itemType: 'administrative-payment',
    audience: 'natural-person',
    statutory: 30,
    promised: 20,
    fee: '不收费',
    result: '最低生活保障审核确认决定',
    fullyOnline: false,
    theme: 'shjz',
    department: 'mzj',
    bodies: ['luhuo', 'xinlong', 'dege'],
    summary: '家庭人均收入低于当地最低生活保障标准且符合财产状况规定的家庭申请最低生活保障。',
    conditions: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地家庭财产状况规定。',
    procedure: ['向户籍所在地乡（镇）提出书面申请', '家庭经济状况调查', '审核确认', '村（社区）公示', '发放低保金'],
    materials: [
      { name: '最低生活保障申请书', form: 'original', copies: 1, required: true },
      { name: '家庭成员居民身份证、户口簿', form: 'copy', copies: 1, required: true },
      { name: '家庭经济状况核对授权书', form: 'original', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `${place}申请最低生活保障需要满足哪些条件？`,
      answer: () => '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以向户籍所在地乡（镇）人民政府提出书面申请。审核确认结果在村（社区）公示，公示时保护申请人个人隐私。',
    },
  },
  {
    abbr: 'LSJZ',
    name: '临时救助',
    aliases: '临时困难救助,急难救助',
    itemType: 'administrative-payment',
    audience: 'natural-person',
    statutory: 15,
    promised: 10,
    fee: '不收费',
    result: '临时救助金或实物',
    fullyOnline: false,
    theme: 'shjz',
    department: 'mzj',
    bodies: ['luhuo', 'xinlong'],
    summary: '因意外事件、突发重大疾病等导致基本生活暂时出现严重困难的家庭或个人申请临时救助。',
    conditions: '因火灾、交通事故等意外事件，或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难。',
    procedure: ['申请', '审核', '审批', '发放（情况紧急的先行救助）'],
    materials: [
      { name: '临时救助申请书', form: 'original', copies: 1, required: true },
      { name: '居民身份证、户口簿', form: 'copy', copies: 1, required: true },
      { name: '遭遇困难的相关证明', form: 'copy', copies: 1, required: false, notes: '如医疗费用票据、事故证明' },
    ],
    faq: {
      question: (place) => `${place}哪些情形可以申请临时救助？`,
      answer: () => '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭，可以申请临时救助；情况紧急的可先行救助、后补手续。',
    },
  },
  {
    abbr: 'GTSL',
    name: '个体工商户设立登记',
    aliases: '个体户注册,个体工商户开业登记',
    itemType: 'administrative-licensing',
    audience: 'natural-person',
    statutory: 15,
    promised: 1,
    fee: '不收费',
    result: '个体工商户营业执照（含电子营业执照）',
    fullyOnline: true,
    theme: 'gtgsh',
    department: 'scjgj',
    bodies: ['prefecture', 'danba', 'daofu', 'kangding'],
    summary: '有经营能力的公民申请登记为个体工商户，领取营业执照。',
    conditions: '有经营能力的公民；经营场所、经营范围符合法律法规规定。',
    procedure: ['网上申请或窗口申请', '受理', '审查', '核准登记', '发放营业执照'],
    materials: [
      { name: '个体工商户登记（备案）申请书', form: 'original', copies: 1, required: true },
      { name: '经营者居民身份证', form: 'copy', copies: 1, required: true },
      { name: '经营场所使用证明', form: 'copy', copies: 1, required: false, notes: '实行住所申报承诺制的可免于提交' },
    ],
    faq: {
      question: (place) => `在${place}办理个体工商户设立登记要多长时间？`,
      answer: () => '材料齐全、符合法定形式的当场或1个工作日内办结，法定办结时限为15个工作日。可通过四川政务服务网全程网上办理，领取电子营业执照。',
    },
  },
  {
    abbr: 'GTZX',
    name: '个体工商户注销登记',
    aliases: '个体户注销,个体工商户歇业注销',
    itemType: 'administrative-licensing',
    audience: 'natural-person',
    statutory: 15,
    promised: 1,
    fee: '不收费',
    result: '准予注销登记通知书',
    fullyOnline: true,
    theme: 'gtgsh',
    department: 'scjgj',
    bodies: ['danba', 'daofu'],
    summary: '个体工商户终止经营后申请注销登记。',
    conditions: '已终止经营活动，未处于行政处罚或被列入经营异常名录的个体工商户；未发生债权债务的可适用简易注销。',
    procedure: ['申请', '受理', '审查', '核准注销'],
    materials: [
      { name: '个体工商户注销登记申请书', form: 'original', copies: 1, required: true },
      { name: '营业执照正、副本', form: 'original', copies: 1, required: true },
    ],
    faq: {
      question: (place) => `${place}个体工商户注销登记需要哪些材料？`,
      answer: () => '提交个体工商户注销登记申请书和营业执照正、副本即可；未发生债权债务或者已将债权债务清偿完结的，可以按照简易程序办理注销登记。',
    },
  },  {
    abbr: 'YBCB',
    name: '城乡居民基本医疗保险参保登记',
    aliases: '医保参保,居民医保参保登记,城乡居民医保缴费',
    itemType: 'public-service',
    audience: 'natural-person',
    statutory: 5,
    promised: 1,
    fee: '不收费',
    result: '医保参保登记信息',
    fullyOnline: true,
    theme: 'cxjmyb',
    department: 'rsj',
    bodies: ['prefecture', 'kangding', 'luding'],
    summary: '未参加职工医保的城乡居民在户籍地或居住地办理城乡居民医保参保登记和缴费。',
    conditions: '除职工基本医疗保险应参保人员以外的城乡居民，包括农村居民、城镇非从业居民、在校学生和灵活就业人员。',
    procedure: ['申请', '受理', '审核', '办结（录入参保信息并缴费）'],
    materials: [
      { name: '居民身份证或户口簿', form: 'original', copies: 1, required: true },
      { name: '城乡居民基本医疗保险参保登记表', form: 'original', copies: 1, required: true },
      { name: '困难群众身份证明', form: 'copy', copies: 1, required: false, notes: '申请资助参保的提供' },
    ],
    faq: {
      question: (place) => `在${place}怎样办理城乡居民医保参保缴费？`,
      answer: (place) => `携带居民身份证或户口簿到${place}政务服务中心或乡（镇）便民服务中心办理，也可通过“四川医保”公共服务平台、“天府通办”或医保电子凭证在线缴费。`,
    },
  },
];

interface GuideDraft {
  spec: ContentSpec;
  template: GuideTemplate;
  /** 'prefecture' or a county code: with the template's abbreviation it names the guide in this file. */
  bodyCode: string;
  place: string;
  body: string;
  legalBasis: string[];
}

/** The Tibetan name of an implementing body, only where we have a reliable rendering of it. */
const boBodyName = (template: GuideTemplate, bodyCode: string) => {
  if (template.department === 'office') {
    if (bodyCode === 'prefecture') return PREFECTURE_OFFICE_BO;
    return bo(`${boStem(county(bodyCode).bo)}་མི་དམངས་སྲིད་གཞུང་གི་ཡིག་ཚང་།`);
  }
  if (template.department === 'nyncj' && bodyCode !== 'prefecture') {
    return bo(`${boGenitive(boStem(county(bodyCode).bo))}་ཞིང་ལས་དང་གྲོང་གསེབ་ཅུས།`);
  }
  return undefined;
};

const buildGuides = (policies: PolicyDraft[]): GuideDraft[] => {
  const drafts: GuideDraft[] = [];
  for (const template of GUIDE_TEMPLATES) {
    const themePolicies = policies.filter((p) => p.theme.key === template.theme);
    for (const bodyCode of template.bodies) {
      const c = bodyCode === 'prefecture' ? undefined : county(bodyCode);
      const region = c?.regionCode ?? PREFECTURE_REGION;
      const department = DEPARTMENTS[template.department];
      const body = c ? department.county(c) : department.prefecture;
      const place = c?.zh ?? '甘孜州';
      const centre = `${place}政务服务中心`;
      const itemCode = `${region}-${department.code}-${template.abbr}-01`;
      // The national, provincial and prefecture files always apply; a county file only in its county.
      const basis = themePolicies.filter((p) => p.level !== 'county' || p.county?.code === c?.code);
      const legalBasis = basis.map((p) => policyRef(p.spec.key));
      const boBody = template.bo?.bodies.includes(bodyCode) ? boBodyName(template, bodyCode) : undefined;
      drafts.push({
        template,
        bodyCode,
        place,
        body,
        legalBasis,
        spec: {
          type: 'serviceGuide',
          keyField: 'itemCode',
          key: itemCode,
          data: {
            itemCode,
            name: template.name,
            aliases: template.aliases,
            itemType: template.itemType,
            implementingBody: body,
            legalBasisText: basis.map((p) => `- 《${p.short}》${p.spec.data.documentNumber ? `（${p.spec.data.documentNumber}）` : ''}`).join('\n'),
            applicableAudience: template.audience,
            conditions: template.conditions,
            materials: template.materials.map((m) => ({ copies: 1, required: true, ...m })),
            procedure: template.procedure.map((step, i) => `${i + 1}. ${step}`).join('\n'),
            statutoryTimeLimit: template.statutory,
            promisedTimeLimit: template.promised,
            fee: template.fee,
            placeAndHours: `${centre}综合受理窗口；法定工作日 9:00—12:00，14:30—17:30。`,
            enquiryContact: `${centre}咨询窗口；12345政务服务便民热线`,
            complaintContact: `${place}12345政务服务便民热线；四川政务服务网“好差评”`,
            result: template.result,
            onlineEntryUrl: `https://www.sczwfw.gov.cn/jiq/front/item/bszn?areaCode=${region}000000&itemCode=${itemCode}`,
            fullyOnline: template.fullyOnline,
            summary: `${template.summary}（实施主体：${body}）`,
            [OWNER_FIELD]: c?.code ?? department.site,
          },
          relations: { legalBasis },
          bo: template.bo && boBody ? { data: { name: bo(template.bo.name), implementingBody: boBody } } : undefined,
        },
      });
    }
  }
  return drafts;
};

// ---------------------------------------------------------------------------------------------
// FAQs (问答): one per service guide, plus questions on the prefecture's disclosure policies

const POLICY_FAQS: { question: string; answer: string; themes: string[]; guide?: string }[] = [
  {
    question: '政策文件没有配套解读材料会怎样处理？',
    answer: '按照州政府办公室关于进一步加强和规范政策解读工作的要求，政策文件送审时无解读方案、解读材料的，作退文处理，不作上会安排。',
    themes: ['zcjd'],
  },
  {
    question: '甘孜州政府信息公开目录共有多少个类目？',
    answer: '全州形成分类科学、分级管理的政府信息公开类目2701个，并同步编制录入说明2701个。',
    themes: ['jczwgk'],
  },
  {
    question: '甘孜州政府网站集约化平台包括哪些网站？',
    answer: '全州构建了1个州级、18个县级和19个州级部门网站组成的“1+18+19”集约化网站群，统一建设、统一监管。',
    themes: ['wzjyh'],
  },
  {
    question: '如何查询全州现行有效的规范性文件？',
    answer: '登录甘孜州人民政府门户网站“政策文件”栏目，在政策文件库中可按发文机关、文号、主题分类检索，实现现行有效规范性文件“一网通查”。',
    themes: ['wzjyh', 'zcjd'],
  },
  {
    question: '网站上发布的信息有错误怎么办？',
    answer: '可在“我为政府网站找错”平台或网站“互动交流”栏目反映。经核实的错情信息，通过集约化平台一键全集群删除或替换。',
    themes: ['wzjyh', 'gwgk-yd'],
  },
  {
    question: '在政府网站留言多久能得到答复？',
    answer: '一般咨询类留言原则上在1个工作日内答复，需要转办的在规定时限内办结并公开答复。',
    themes: ['gwgk-yd'],
  },
  {
    question: '政务服务事项有藏文办事指南吗？',
    answer: '有。全州首创政务服务“一网双语”模式，已翻译并公开藏汉双语办事服务事项1400余个，在四川政务服务网和“天府通办”甘孜分站点提供藏汉双语文字和语音播报。',
    themes: ['gwgk-yd', 'jczwgk'],
  },
  {
    question: '基层政务公开标准目录多久更新一次？',
    answer: '县、乡、村三级政务公开事项标准目录根据职能职责和权责清单调整情况实行动态更新，调整后及时在政府信息公开专栏发布。',
    themes: ['jczwgk'],
  },
  {
    question: '申请政府信息公开要收费吗？',
    answer: '行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按规定收取信息处理费。',
    themes: ['xxgk'],
    guide: 'prefecture:YSQGK',
  },
];

/** Tibetan versions of two guide FAQs; matched to guides by (body, template abbreviation). */
const BO_GUIDE_FAQS: Record<string, { question: string; answer: string }> = {
  'prefecture:YSQGK': {
    question: 'སྲིད་གཞུང་ཆ་འཕྲིན་གསལ་བསྒྲགས་ཞུ་བ་ཇི་ལྟར་འབུལ་དགོས་སམ།',
    answer: 'དྲ་ཐོག་ཏུ་ཞུ་བ་འབུལ་ཆོག་ལ། གཞུང་དོན་ཞབས་ཞུ་ལྟེ་གནས་སུ་ཡང་ཞུ་བ་འབུལ་ཆོག',
  },
  'shiqu:CYBJ': {
    question: 'རྩྭ་ཐང་སྐྱེ་ཁམས་སྲུང་སྐྱོབ་ཀྱི་རོགས་དངུལ་ནམ་སྤྲོད་དམ།',
    answer: 'རོགས་དངུལ་ལོ་རེར་ཐེངས་གཅིག་ཁྱིམ་ཚང་སོ་སོར་ཐད་ཀར་སྤྲོད།',
  },
};

const guideName = (g: GuideDraft) => `${g.bodyCode}:${g.template.abbr}`;

const guideFaq = (g: GuideDraft, rng: Rng): ContentSpec => {
  const question = g.template.faq.question(g.place, g.body);
  const tibetan = BO_GUIDE_FAQS[guideName(g)];
  return {
    type: 'faq',
    keyField: 'question',
    key: question,
    data: {
      question,
      answer: g.template.faq.answer(g.place, g.body),
      publishDate: rng.dateTime('2023-09-01', '2025-10-31'),
      [OWNER_FIELD]: g.spec.data[OWNER_FIELD],
    },
    relations: { relatedPolicies: g.legalBasis, relatedServiceGuides: [guideRef(g.spec.key)] },
    // The Tibetan version links the same documents, as far as they have a Tibetan version too.
    bo: tibetan && {
      data: { question: bo(tibetan.question), answer: bo(tibetan.answer) },
      relations: { relatedPolicies: g.legalBasis, relatedServiceGuides: [guideRef(g.spec.key)] },
    },
  };
};

const policyFaq = (faq: (typeof POLICY_FAQS)[number], policies: PolicyDraft[], guides: GuideDraft[], rng: Rng): ContentSpec => {
  const related = policies.filter((p) => faq.themes.includes(p.theme.key) && p.level !== 'county');
  const guide = faq.guide ? guides.find((g) => guideName(g) === faq.guide) : undefined;
  return {
    type: 'faq',
    keyField: 'question',
    key: faq.question,
    data: { question: faq.question, answer: faq.answer, publishDate: rng.dateTime('2023-09-01', '2025-10-31'), [OWNER_FIELD]: PREFECTURE_SITE },
    relations: { relatedPolicies: related.map((p) => policyRef(p.spec.key)), relatedServiceGuides: guide ? [guideRef(guide.spec.key)] : [] },
  };
};

const buildFaqs = (policies: PolicyDraft[], guides: GuideDraft[], rng: Rng): ContentSpec[] => [
  ...guides.map((g) => guideFaq(g, rng)),
  ...POLICY_FAQS.map((faq) => policyFaq(faq, policies, guides, rng)),
];

// ---------------------------------------------------------------------------------------------
// Articles (信息): county and department news, prefecture news and notices

interface ArticleText {
  title: string;
  paragraphs: string[];
  keywords: string;
  /** When it can have been published (e.g. after the file it reports on); the caller's default otherwise. */
  window?: [string, string];
}

type CountyTemplate = (c: County, rng: Rng) => ArticleText;

const COUNTY_TEMPLATES: Record<string, CountyTemplate> = {
  meeting: (c, rng) => ({
    title: `${c.zh}召开2025年政务公开工作推进会`,
    keywords: '政务公开 工作要点 推进会',
    window: ['2025-06-05', '2025-09-30'],
    paragraphs: [
      `近日，${c.zh}召开2025年政务公开工作推进会，传达学习《甘孜州2025年政务公开工作要点》，总结2024年政务公开工作，安排部署下一阶段重点任务。各乡（镇）、${unit(c)}级各部门政务公开分管负责同志和工作人员共${rng.int(60, 140)}人参加会议。`,
      '会议指出，要坚持以公开为常态、不公开为例外，围绕惠民资金发放、就业创业、招考招录等群众关注事项加大公开力度，严格落实“三审三校”制度，确保发布信息准确规范。',
      '会议要求，各单位要依托全州“1+18+19”集约化网站群，落实“一次生产、多源推送”，主动公开文件在云协同办公平台审签后自动推送至政策文件库；政策文件送审时无解读方案、解读材料的一律退文。',
    ],
  }),
  inspection: (c, rng) => ({
    title: `${c.zh}开展政府网站和政务新媒体季度检查`,
    keywords: '政府网站 政务新媒体 检查',
    paragraphs: [
      `为进一步提升政府网站和政务新媒体建设管理水平，${c.zh}对全${unit(c)}${rng.int(20, 45)}个政务公开专栏和${rng.int(15, 40)}个政务新媒体账号开展季度检查，检查合格率${rng.int(95, 100)}%。`,
      `检查重点包括栏目内容更新不及时、专题专栏到期未归档、个人信息未脱敏发布、留言办理不及时以及错敏字和外链等问题。对发现的${rng.int(8, 36)}个问题，已建立整改台账，逐一整改销号。`,
      `下一步，${c.zh}将实行日抽查周督导、月排查季通报，对“僵尸号”“空壳号”坚决予以关停。`,
    ],
  }),
  bilingual: (c, rng) => ({
    title: `${c.zh}政务服务中心藏汉双语窗口正式启用`,
    keywords: '一网双语 政务服务 藏汉双语',
    paragraphs: [
      `近日，${c.zh}政务服务中心藏汉双语综合受理窗口正式启用，为办事群众提供藏汉双语咨询和帮办代办服务。`,
      `窗口依托全州首创的政务服务“一网双语”模式，在四川政务服务网和“天府通办”分站点同步提供藏汉双语办事指南和语音播报，已完成${rng.int(60, 180)}个高频政务服务事项的翻译和公开。`,
      '群众也可通过“圣洁甘孜”App和12345政务服务便民热线咨询办事流程、申请材料和办理时限。',
    ],
  }),
  pastoral: (c, rng) => ({
    title: `${c.zh}深入牧区开展惠民政策“马背上”宣讲`,
    keywords: '政策宣讲 入户公开 牧区',
    paragraphs: [
      `${c.zh}组织包乡包村干部、驻村工作队和“第一书记”深入远端牧场、田间地头，开展面对面惠民政策宣讲${rng.int(120, 600)}场次，发放藏汉“双语”明白卡和政策图解${rng.int(3000, 20000)}份。`,
      '宣讲围绕草原生态保护补助奖励、城乡居民基本养老保险、就业创业扶持、最低生活保障等群众关心的政策，用群众听得懂的语言讲清申请条件、办理流程和咨询渠道。',
      `${c.zh}还依托“村村响”广播和流动宣传车，开办藏语、普通话“空中政策大讲堂”，让惠民政策“听得懂”“听得到”。`,
    ],
  }),
  training: (c, rng) => ({
    title: `${c.zh}举办政务公开和政府网站业务培训`,
    keywords: '业务培训 政务公开 政府网站',
    paragraphs: [
      `${c.zh}举办政务公开、政府网站及政务新媒体业务培训班，全${unit(c)}各乡（镇）和${unit(c)}级部门${rng.int(80, 220)}名信息员参加培训。`,
      '培训围绕政府信息公开条例、基层政务公开标准指引、政策解读规范、网站内容“三审三校”和错敏字检测等内容，采取集中授课、案例剖析和“一对一、面对面”帮带相结合的方式进行。',
      '参训人员表示，将把培训成果运用到日常信息发布和栏目维护中，切实提升政务公开规范化水平。',
    ],
  }),
  catalogue: (c, rng) => ({
    title: `${c.zh}完成政府信息主动公开基本目录修订`,
    keywords: '基层政务公开 标准目录 主动公开',
    paragraphs: [
      `按照国家有关部委印发的基层政务公开标准指引和最新调整的权责清单，${c.zh}完成${unit(c)}、乡、村三级政务公开事项标准目录和政府信息主动公开基本目录修订，共梳理公开类目${rng.int(90, 260)}个，同步编制录入说明。`,
      `修订后的目录在${c.zh}人民政府门户网站政府信息公开专栏集中发布，实现目录与内容一一对应，解决目录与内容“两张皮”问题。`,
      `${c.zh}将根据职能职责调整情况对目录实行动态更新，确保公开内容全面、准确、及时。`,
    ],
  }),
  newMedia: (c, rng) => ({
    title: `${c.zh}集中清理规范政务新媒体账号`,
    keywords: '政务新媒体 清理规范',
    paragraphs: [
      `${c.zh}对全${unit(c)}政务新媒体开展全覆盖摸底筛查，关停问题政务新媒体账号${rng.int(2, 9)}个，整合同质化账号${rng.int(2, 6)}个。`,
      '保留的账号全部纳入全州政务新媒体矩阵统一管理，确保账号名称和运营主体相匹配，做到有专人负责、有审核流程、有更新要求。',
    ],
  }),
  broadcast: (c, rng) => ({
    title: `${c.zh}“村村响”开办藏汉双语“空中政策大讲堂”`,
    keywords: '村村响 语音公开 双语',
    paragraphs: [
      `${c.zh}依托“村村响”应急广播，开办藏语、普通话“空中政策大讲堂”，每天早晚两次播出惠民政策解读，今年以来已播出${rng.int(80, 300)}期，覆盖全${unit(c)}${rng.int(40, 220)}个行政村。`,
      `节目内容由${unit(c)}级各部门提供、${unit(c)}融媒体中心统一审核录制，重点解读草原生态保护补助奖励、城乡居民养老保险、就业创业等政策。`,
    ],
  }),
};

/** Tibetan titles of the county templates that get a Tibetan version, built on the county's own name. */
const COUNTY_TEMPLATES_BO: Record<string, (place: string) => string> = {
  meeting: (p) => `${p}་${boDigits(2025)}ལོའི་གཞུང་དོན་གསལ་བསྒྲགས་ལས་དོན་སྐུལ་སྐྱོད་ཚོགས་འདུ།`,
  inspection: (p) => `${p}་སྲིད་གཞུང་དྲ་ཚིགས་དང་གཞུང་དོན་བརྒྱུད་ལམ་གསར་པའི་ཞིབ་བཤེར།`,
  bilingual: (p) => `${p}་གཞུང་དོན་ཞབས་ཞུ་ལྟེ་གནས་སུ་བོད་རྒྱ་སྐད་གཉིས་ཀྱི་སྒེའུ་ཁུང་སྒོ་ཕྱེ།`,
  pastoral: (p) => `${p}་འབྲོག་ཁུལ་དུ་མི་དམངས་ལ་ཕན་པའི་སྲིད་ཇུས་གོ་བརྡ་སྤྲོད་པ།`,
  training: (p) => `${p}་གཞུང་དོན་གསལ་བསྒྲགས་དང་དྲ་ཚིགས་ལས་དོན་གྱི་ལས་རིགས་སྦྱོང་བརྡར།`,
  catalogue: (p) => `${p}་གཞུང་དོན་གསལ་བསྒྲགས་ཀྱི་གཞི་རྩའི་དཀར་ཆག་བསྐྱར་བཅོས་ལེགས་གྲུབ།`,
};

/** "The Garzê government website cluster publishes information in Tibetan and Chinese." + see the Chinese version. */
const BO_ARTICLE_BODY = ['དཀར་མཛེས་ཁུལ་གྱི་སྲིད་གཞུང་དྲ་ཚིགས་ཚོགས་པར་བོད་རྒྱ་སྐད་གཉིས་ཀྱི་ཆ་འཕྲིན་འགྲེམས་སྤེལ་བྱེད།', ...BO_SEE_CHINESE];

const DEPARTMENT_TEMPLATES: ((dept: string, rng: Rng) => ArticleText)[] = [
  (d, rng) => ({
    title: `甘孜${d}召开政务公开和网站内容保障工作会`,
    keywords: '政务公开 内容保障',
    paragraphs: [
      `甘孜${d}召开政务公开和网站内容保障工作会，通报一季度网站监测情况，对栏目更新、政策解读和互动回应工作进行再部署。`,
      `会议要求各科室严格落实“三审三校”，对照政府信息主动公开基本目录逐项核查，本年度已发布政府信息${rng.int(120, 600)}条。`,
    ],
  }),
  (d) => ({
    title: `甘孜${d}网站完成适老化和无障碍改造`,
    keywords: '适老化 无障碍',
    paragraphs: [
      `甘孜${d}依托全州集约化平台完成网站适老化和无障碍改造，提供大字版、语音辅助浏览和全键盘操作。`,
      '改造后，老年人和残障人士可更加便捷地查询政策文件、办事指南和通知公告。',
    ],
  }),
  (d, rng) => ({
    title: `甘孜${d}开展错敏字和外链专项检查`,
    keywords: '错敏字 外链检测',
    paragraphs: [
      `甘孜${d}利用集约化平台错敏字、外链检测功能，对网站历史信息开展专项检查，共检查信息${rng.int(1500, 6000)}条。`,
      `对发现的${rng.int(3, 25)}处问题，通过一键全集群替换功能统一更正，并建立问题台账。`,
    ],
  }),
  (d, rng) => ({
    title: `甘孜${d}集中梳理政务服务事项和办事指南`,
    keywords: '政务服务事项 办事指南',
    paragraphs: [
      `甘孜${d}对照权责清单集中梳理政务服务事项${rng.int(20, 90)}项，逐项规范事项名称、设定依据、申请材料、办理时限等要素。`,
      '梳理后的办事指南在四川政务服务网和甘孜州人民政府门户网站同步发布，并提供藏汉双语版本。',
    ],
  }),
  (d) => ({
    title: `甘孜${d}落实“三审三校”制度规范信息发布`,
    keywords: '三审三校 信息发布',
    paragraphs: [
      `甘孜${d}制定网站信息发布“三审三校”工作规程，明确初审、复审、终审责任人，做到“谁发布、谁审核、谁负责”。`,
      '涉及个人信息的内容一律脱敏后发布，专题专栏到期后及时归档。',
    ],
  }),
];

const PREFECTURE_NEWS: ArticleText[] = [
  {
    title: '我州夯实数字底座、强化共享协同、聚力攻坚破短板 不断提升政务公开水平',
    keywords: '数字底座 政务公开 集约化',
    paragraphs: [
      '2023年以来，我州聚力在强管理建机制、强督导促规范、强投入提能力等方面狠下功夫，构建形成网站集约化、政务新媒体矩阵、政府信息公开目录系统和线下公开展板、便民服务中心公开专区、移动公开平台及“村村响”等多维立体化公开矩阵，公开政务信息22万条。',
      '我州统筹建设甘孜州综合信息平台，构建形成“1+6”数字底座，集约化后压减技术运维人员37名，年均节约运维成本800万元以上。',
    ],
  },
  {
    title: '甘孜州“1+18+19”集约化网站群全面建成',
    keywords: '集约化 网站群',
    paragraphs: [
      '针对县（市）、部门网站运营技术力量弱的短板，我州集中资金和技术力量统一升级全州政府网站，构建形成1个州级、18个县级和19个部门的“1+18+19”集约化网站群。',
      '州政府门户网站在全省政府网站绩效评估中从第四梯队跃升至第二梯队。',
    ],
  },
  {
    title: '全州政府网站实现“一次生产、多源推送”',
    keywords: '一次生产 多源推送',
    paragraphs: [
      '我州整合政务信息、政府信息公开目录系统、政务信息报送系统、网站及政务新媒体、云协同办公平台等公开渠道接口，实现所有入库信息资源一次生产、多源多渠推送。',
      '主动公开文件在云协同办公平台审签后自动推送到网站政策文件库，每条政府信息多渠道发布录入频次平均减少4次以上。',
    ],
  },
  {
    title: '甘孜州集约化平台上线错情信息一键全集群删除功能',
    keywords: '错情信息 一键删除 错敏字',
    paragraphs: [
      '州综合信息平台定制开发全平台错敏字、外链检测和一键全集群替换功能，发现错情信息后可在全集群一键删除。',
      '平台每日发送监测报告，每日对各网站工作情况进行排名，错情率大幅降低。',
    ],
  },
  {
    title: '甘孜州政策文件库实现现行有效规范性文件“一网通查”',
    keywords: '政策文件库 规范性文件',
    paragraphs: [
      '我州完善政府规章、行政规范性文件、政策文件动态更新机制，完成行政规范性文件清理，建成全州政策文件库。',
      '全年发布规范性文件315件、政策文件2425件，实现全州现行有效规范性文件“一网通查”。',
    ],
  },
  {
    title: '甘孜州首创政务服务“一网双语” 翻译公开办事服务事项1400余个',
    keywords: '一网双语 藏汉双语 办事指南',
    paragraphs: [
      '我州在省政务服务网与“天府通办”App分站点同步上线藏汉双语和语音播报，对办事指南、办事服务事项进行藏汉双语音（文字）展示。',
      '今年翻译并公开办事服务事项1400余个，群众办事更加便捷。',
    ],
  },
  {
    title: '“圣洁甘孜”App注册用户达158万人',
    keywords: '圣洁甘孜 移动门户',
    paragraphs: [
      '全州移动端总门户“圣洁甘孜”App汇集政务公开、政务服务、民生服务、融媒体资讯等模块，2023年注册用户量达158万人，累计使用量2000万次。',
      'App累计发稿11万条，设立专题109个，已成为全州掌上综合服务平台和政务公开主阵地。',
    ],
  },
  {
    title: '甘孜州开展政策解读提质增效专项行动',
    keywords: '政策解读 专项行动',
    paragraphs: [
      '我州制发进一步加强和规范政策解读的通知，从解读责任、程序、内容、形式、监督保障等7个方面对政策解读工作进行规范。',
      '全州全年公开访谈解读162条、视频解读175条、图文解读479条、文字解读274条，多元化解读达80%。',
    ],
  },
  {
    title: '甘孜州完成“十一五”至“十四五”规划集中公开',
    keywords: '规划公开 规划库',
    paragraphs: [
      '我州开展历史规划集中公开专项行动，集中力量对“十一五”至“十四五”期间各类规划进行归集整理，全面完成全州规划库建设。',
      '补录及新发布规划254个，充分展示“一张蓝图绘到底”的奋斗历程。',
    ],
  },
  {
    title: '甘孜州举办政务公开、政府网站及政务新媒体专题培训',
    keywords: '专题培训 督帮带培',
    paragraphs: [
      '我州建立交流培训、常态化跟班轮训、分片区分层级、“一对一、面对面”业务指导机制，举办全州政务公开、政府网站及政务新媒体专题培训2次，参训3800余人次。',
      '开展现场督办会3次、依申请公开专题研讨会6次、片区交流培训会3次。',
    ],
  },
  {
    title: '甘孜州群众诉求受理率、办结率均达到100%',
    keywords: '12345 群众诉求 回应关切',
    paragraphs: [
      '2023年以来，全州办结领导信箱、12345政务服务热线、人民网“领导留言板”、“问政四川”等渠道群众诉求7.94万余件，受理率、办结率均达到100%。',
      '我州全面优化政府门户网站、政务新媒体交流互动频道，开设便民服务热线、领导信箱、智能问答、办事咨询、在线访谈等板块。',
    ],
  },
  {
    title: '甘孜州数据共享开放平台数据总量达9.73亿条',
    keywords: '数据开放 数据共享',
    paragraphs: [
      '州数据共享开放平台累计共享政务数据资源目录16345个、开放政务数据资源目录13722个，数据总量达9.73亿条。',
      '视频融合平台融合视频资源17963路，物联感知平台汇集终端408个。',
    ],
  },
];

const notices = (rng: Rng): ArticleText[] => {
  const quarters: [number, number][] = [
    [2024, 1], [2024, 2], [2024, 3], [2024, 4], [2025, 1], [2025, 2], [2025, 3],
  ];
  const reports = quarters.map(([year, q]): ArticleText => ({
    // Published in the month after the quarter it reports on.
    window: [`${q === 4 ? year + 1 : year}-${String((q * 3) % 12 + 1).padStart(2, '0')}-08`, `${q === 4 ? year + 1 : year}-${String((q * 3) % 12 + 1).padStart(2, '0')}-25`],
    title: `关于${year}年第${CHINESE_ORDINALS[q - 1]}季度全州政府网站和政务新媒体检查情况的通报`,
    keywords: '检查通报 政府网站 政务新媒体',
    paragraphs: [
      `各县（市）人民政府，州级各部门：${year}年第${CHINESE_ORDINALS[q - 1]}季度，州政务公开办对全州“1+18+19”集约化网站群和${rng.int(150, 260)}个政务新媒体账号开展检查，政府网站合格率100%，政务新媒体合格率${rng.int(96, 100)}%。`,
      '检查发现的主要问题：部分栏目更新不及时，个别专题专栏到期未归档，少数信息存在错敏字，个别留言未在规定时限内答复。请相关单位于15个工作日内完成整改并报送整改情况。',
    ],
  }));
  return [
    ...reports,
    {
      title: '关于做好2025年度政府信息公开工作年度报告编制发布工作的通知',
      keywords: '年度报告 政府信息公开',
      window: ['2025-12-08', '2025-12-26'],
      paragraphs: [
        '各县（市）人民政府，州级各部门：请按照国务院办公厅政府信息与政务公开办公室制定的年度报告格式，编制本单位2025年度政府信息公开工作年度报告。',
        '年度报告须于2026年1月31日前在本单位门户网站政府信息公开专栏公开，并报州政务公开办备案。',
      ],
    },
    {
      title: '关于“我为政府网站找错”平台网民留言办理情况的公告',
      keywords: '我为政府网站找错 网民留言',
      paragraphs: [
        `今年以来，网民通过“我为政府网站找错”平台反映我州政府网站问题${rng.int(30, 90)}条，全部在3个工作日内办结，按期办结率100%。`,
        '欢迎社会各界继续监督，共同办好群众满意的政府网站。',
      ],
    },
    {
      title: '关于开展2025年全州政务公开、政府网站及政务新媒体专题培训的通知',
      keywords: '专题培训 通知',
      window: ['2025-03-03', '2025-04-30'],
      paragraphs: [
        '各县（市）人民政府，州级各部门：为提升全州政务公开队伍业务能力，州政务公开办定于近期举办专题培训，采取集中授课和“一对一、面对面”帮带相结合的方式进行。',
        '请各单位确定1名分管负责同志和1名信息员参训，并于培训前5个工作日报送参训人员名单。',
      ],
    },
  ];
};

/** The lead of an article: its first sentence, as portals show under the headline. */
const lead = (paragraph: string) => {
  const end = paragraph.indexOf('。');
  return end > 0 ? paragraph.slice(0, end + 1) : paragraph;
};

interface ArticleOrigin {
  site: string;
  source: string;
  column: 'ywdt' | 'tzgg';
  /** Publication window when the text has none of its own. */
  window: [string, string];
  boTitle?: string;
}

const articleSpec = (text: ArticleText, rng: Rng, { site, source, column, window, boTitle }: ArticleOrigin): ContentSpec => ({
  type: 'article',
  keyField: 'title',
  key: text.title,
  data: {
    title: text.title,
    summary: lead(text.paragraphs[0]),
    body: text.paragraphs.join('\n\n'),
    source,
    author: column === 'tzgg' ? '州政务公开办' : null,
    keywords: text.keywords,
    publishDate: rng.dateTime(...(text.window ?? window)),
    [OWNER_FIELD]: site,
  },
  // The Tibetan version carries its own headline, the column name and a pointer to the Chinese text.
  bo: boTitle
    ? { data: { title: bo(boTitle), summary: bo(BO_ARTICLE_BODY[0]), body: bo([`**${columnBo(column)}**`, ...BO_ARTICLE_BODY].join('\n\n')) } }
    : undefined,
});

const countyArticles = (rng: Rng): ContentSpec[] => {
  const withBo = Object.keys(COUNTY_TEMPLATES_BO);
  const chineseOnly = Object.keys(COUNTY_TEMPLATES).filter((k) => !withBo.includes(k));
  return COUNTIES.flatMap((c, i) => {
    // Each county gets one story with a Tibetan version and a second one in Chinese only.
    const primary = withBo[i % withBo.length];
    const secondaryPool = [...chineseOnly, ...withBo.filter((k) => k !== primary)];
    const secondary = secondaryPool[(i * 3) % secondaryPool.length];
    const source = `${c.zh}融媒体中心`;
    const boTitle = COUNTY_TEMPLATES_BO[primary](boGenitive(boStem(c.bo)));
    return [
      articleSpec(COUNTY_TEMPLATES[primary](c, rng), rng, { site: c.code, source, column: 'ywdt', window: ['2025-01-06', '2025-10-31'], boTitle }),
      articleSpec(COUNTY_TEMPLATES[secondary](c, rng), rng, { site: c.code, source, column: 'ywdt', window: ['2024-03-01', '2025-10-31'] }),
    ];
  });
};

const buildArticles = (rng: Rng): ContentSpec[] => [
  ...countyArticles(rng),
  ...cluster.departments.map((d, i) =>
    articleSpec(DEPARTMENT_TEMPLATES[i % DEPARTMENT_TEMPLATES.length](d, rng), rng, {
      site: departmentSite(d),
      source: `甘孜${d}`,
      column: 'ywdt',
      window: ['2024-01-08', '2025-10-31'],
    })
  ),
  ...PREFECTURE_NEWS.map((text) =>
    articleSpec(text, rng, { site: PREFECTURE_SITE, source: '甘孜日报社', column: 'ywdt', window: ['2023-06-01', '2024-12-31'] })
  ),
  ...notices(rng).map((text) =>
    articleSpec(text, rng, { site: PREFECTURE_SITE, source: '甘孜州人民政府办公室', column: 'tzgg', window: ['2024-04-08', '2025-10-31'] })
  ),
];

// ---------------------------------------------------------------------------------------------
// The whole data set

const checkSpecs = (specs: ContentSpec[]) => {
  const keys = new Set<string>();
  for (const spec of specs) {
    const ref = refOf(spec);
    if (keys.has(ref)) throw new Error(`demo content: duplicate key ${ref}`);
    keys.add(ref);
    if (spec.type !== 'policy') continue;
    const { indexNumber, documentNumber, summary } = spec.data as Record<string, string | null>;
    if (!indexNumber || !INDEX_NUMBER.test(indexNumber)) throw new Error(`demo content: bad index number ${indexNumber}`);
    if (documentNumber && !DOCUMENT_NUMBER.test(documentNumber)) throw new Error(`demo content: bad document number ${documentNumber}`);
    if (summary && summary.length > 100) throw new Error(`demo content: summary over 100 characters (${summary.length}): ${summary}`);
  }
  return specs;
};

/**
 * Every demo document in write order: a document's relation targets always come before it
 * (policies top-down, then interpretations, guides, FAQs, articles).
 */
export const demoContent = (): ContentSpec[] => {
  const rng = createRng(0x5133);
  const policies = buildPolicies(rng);
  const guides = buildGuides(policies);
  const refByTitle = new Map(policies.map((p) => [p.spec.data.title as string, policyRef(p.spec.key)]));
  return checkSpecs([
    ...policies.map((p) => p.spec),
    // The 政策找人 set (demo-policies.ts): 26 files with eligibility clauses, each with its interpretation.
    ...demoPolicySpecs((title) => refByTitle.get(title)),
    ...buildInterpretations(policies),
    ...guides.map((g) => g.spec),
    ...buildFaqs(policies, guides, rng),
    ...buildArticles(rng),
  ]);
};

// ---------------------------------------------------------------------------------------------
// Writing through the Document Service

export type ContentCounts = Record<ContentType, number>;

export interface ContentSeedResult {
  /** zh-Hans documents created by this run, per type. */
  created: ContentCounts;
  /** Tibetan versions added by this run, per type. */
  translated: ContentCounts;
  /** Demo documents now present (created earlier or now). */
  documents: number;
  tibetan: number;
}

const zeroCounts = (): ContentCounts => ({ article: 0, policy: 0, interpretation: 0, serviceGuide: 0, faq: 0 });

/** References → documentIds; a missing target means the write order above is wrong, so fail loudly. */
const resolveRelations = (relations: ContentSpec['relations'], ids: Map<string, string>, only?: Set<string>) => {
  const resolved: Data = {};
  const lookup = (ref: string) => {
    const id = ids.get(ref);
    if (!id) throw new Error(`demo content: relation target ${ref} has not been seeded`);
    return id;
  };
  for (const [field, value] of Object.entries(relations ?? {})) {
    if (Array.isArray(value)) resolved[field] = value.filter((ref) => !only || only.has(ref)).map(lookup);
    else if (!only || only.has(value)) resolved[field] = lookup(value);
  }
  return resolved;
};

const findDocumentId = async (strapi: Core.Strapi, spec: ContentSpec, locale: string) => {
  const row = await strapi.db.query(CONTENT_UIDS[spec.type]).findOne({ where: { [spec.keyField]: spec.key, locale }, select: ['documentId'] });
  return row?.documentId as string | undefined;
};

const hasLocale = async (strapi: Core.Strapi, spec: ContentSpec, documentId: string, locale: string) =>
  Boolean(await strapi.db.query(CONTENT_UIDS[spec.type]).findOne({ where: { documentId, locale }, select: ['id'] }));

/** Creates and publishes the zh-Hans document unless one with the same key exists. Returns whether it created it. */
const ensureChinese = async (strapi: Core.Strapi, spec: ContentSpec, ids: Map<string, string>) => {
  const existing = await findDocumentId(strapi, spec, ZH);
  if (existing) {
    ids.set(refOf(spec), existing);
    return false;
  }
  const created = await strapi.documents(CONTENT_UIDS[spec.type]).create({
    data: { ...spec.data, ...resolveRelations(spec.relations, ids) },
    locale: ZH,
    status: 'published',
  });
  ids.set(refOf(spec), created.documentId);
  return true;
};

/**
 * Adds and publishes the Tibetan version unless it exists. Strapi 5 creates a new locale of an
 * existing document through update() with that locale, copying the non-localized fields.
 */
const ensureTibetan = async (strapi: Core.Strapi, spec: ContentSpec, ids: Map<string, string>, tibetanRefs: Set<string>) => {
  const documentId = ids.get(refOf(spec));
  if (!spec.bo || !documentId) return false;
  if (await hasLocale(strapi, spec, documentId, BO)) return false;
  await strapi.documents(CONTENT_UIDS[spec.type]).update({
    documentId,
    locale: BO,
    data: { ...spec.bo.data, ...resolveRelations(spec.bo.relations, ids, tibetanRefs) },
    status: 'published',
  });
  return true;
};

/**
 * Seeds the demo content: about 250 published zh-Hans documents across the five types, with
 * Tibetan versions for part of them. Idempotent: each document is matched by its stable key and
 * each Tibetan version by (document, locale), so a second run creates nothing.
 */
export const seedDemoContent = async (strapi: Core.Strapi): Promise<ContentSeedResult> => {
  const specs = demoContent();
  const { created, translated } = await writeSpecs(strapi, specs);
  return { created, translated, documents: specs.length, tibetan: specs.filter((s) => s.bo).length };
};

/**
 * Writes documents given as specs (in their order) and then their Tibetan versions; `ids` may
 * hold documentIds of references written earlier. Returns what this run created per type.
 */
export const writeSpecs = async (strapi: Core.Strapi, specs: ContentSpec[], ids = new Map<string, string>()) => {
  const created = zeroCounts();
  const translated = zeroCounts();
  for (const spec of specs) {
    if (await ensureChinese(strapi, spec, ids)) created[spec.type] += 1;
  }
  // Tibetan versions after all Chinese ones, so a Tibetan FAQ can link a Tibetan guide and policy.
  const tibetanRefs = new Set(specs.filter((s) => s.bo).map(refOf));
  for (const spec of specs) {
    if (await ensureTibetan(strapi, spec, ids, tibetanRefs)) translated[spec.type] += 1;
  }
  return { created, translated };
};
