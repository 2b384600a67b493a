import type { Core } from '@strapi/strapi';
import cluster from './garze-cluster.json';
import { makeTextGenerator, type TextGenerator } from './vocabulary';
import { analyze } from './analyze';
import type { SiteSeed } from './demo-sites';

/**
 * Bulk test data for benchmarks and load tests: published articles and policies, and large site
 * trees, written straight through the query engine (`strapi.db.query(uid).createMany()`): tens of
 * times faster than the Document Service one document at a time (see tests/bench/bulk-import).
 *
 * The rows are exactly what the Document Service would have written for a published document:
 * a draft row (published_at NULL) and a published row sharing one documentId made by Strapi's own
 * generator, one locale per document. What this skips on purpose: Document Service middlewares
 * and lifecycles (e.g. a future search indexer must be re-run after a bulk load), and the
 * integrity middlewares (the generated values are valid by construction instead).
 */


const ARTICLE = 'api::article.article';
const POLICY = 'api::policy.policy';
const SITE = 'plugin::site-group.site';

const ZH = 'zh-Hans';
const BO = 'bo';
const DAY_MS = 86_400_000;
// Government sites publish in office hours, China Standard Time (UTC+8).
const CST_OFFSET_MS = 8 * 3_600_000;

export const INDEX_NUMBER_PATTERN = /^[0-9A-Z]{9}(?:[0-9A-Z]{9})?\/(?:19|20)[0-9]{2}-[0-9]{5,6}$/;

type Row = Record<string, unknown>;
type Random = () => number;

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/**
 * Strapi's own documentId generator (cuid2 createId: 24 lowercase alphanumerics), taken from the
 * model so bulk rows cannot drift from what the Document Service writes.
 */
const documentIdGenerator = (strapi: Core.Strapi, uid: string): (() => string) => {
  const attribute = strapi.db.metadata.get(uid).attributes.documentId;
  const generate: unknown = attribute && 'default' in attribute ? attribute.default : undefined;
  if (typeof generate !== 'function') throw new Error(`bulk: ${uid} has no documentId generator in its model`);
  return () => String(generate());
};

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** True for exactly floor(n × share) of the indexes 0 … n-1, spread evenly: counts are exact. */
const takesShare = (index: number, share: number) => Math.floor((index + 1) * share) > Math.floor(index * share);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const dateOnly = (date: Date) => new Date(date.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/**
 * A publish time within the last `years`: newer days weigh more (output grows year by year),
 * most weekend items move to the Friday before, and the time falls in office hours (08:30–18:00 CST).
 */
export const spreadPublishDate = (random: Random, now: Date, years = 5): Date => {
  const days = Math.round(years * 365.25);
  const daysAgo = Math.floor(days * (1 - Math.sqrt(random())));
  const cstMidnight = Math.floor((now.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS;
  let day = cstMidnight - daysAgo * DAY_MS;
  const weekday = new Date(day).getUTCDay();
  if ((weekday === 0 || weekday === 6) && random() < 0.85) day -= (weekday === 0 ? 2 : 1) * DAY_MS;
  const officeTime = (8.5 + random() * 9.5) * 3_600_000;
  const at = day + officeTime - CST_OFFSET_MS;
  return new Date(Math.min(at, now.getTime()));
};

// ---------------------------------------------------------------------------------------------
// Who publishes: the Garzê cluster's governments and departments
// ---------------------------------------------------------------------------------------------

interface Authority {
  zh: string;
  bo?: string;
  /** Abbreviation for document numbers, e.g. 甘府发〔2023〕12号. */
  abbreviation: string;
  /** 18-character unified social credit code, the first part of an index number. */
  orgCode: string;
  level: 'prefecture' | 'county';
  /** Code of the authority's site in the demo tree (demo-sites.ts), its owner when that site exists. */
  siteCode: string;
}

// Short forms used in document numbers, in the order of garze-cluster.json's departments.
const DEPARTMENT_ABBREVIATIONS = [
  '甘发改', '甘教体', '甘科技', '甘经信', '甘民宗', '甘公', '甘民', '甘司', '甘财', '甘人社',
  '甘自然资', '甘环', '甘住建', '甘交', '甘农', '甘文旅', '甘卫健', '甘应急', '甘市监',
];

/** A plausible unified social credit code: 11 (government organ) + region + MB + 7 chars + check char. */
const orgCodeFor = (regionCode: string, serial: number) => {
  const body = pad(serial, 7);
  const check = '0123456789ABCDEFGHJKLMNPQRTUWXY'[(serial * 7 + Number(regionCode)) % 31];
  return `11${regionCode}MB${body}${check}`;
};

const garzeAuthorities = (): Authority[] => {
  const p = cluster.prefecture;
  return [
    { zh: p.zh, bo: p.bo, abbreviation: '甘府发', orgCode: orgCodeFor(p.regionCode, 1), level: 'prefecture', siteCode: p.code },
    { zh: `${p.zh}办公室`, abbreviation: '甘府办发', orgCode: orgCodeFor(p.regionCode, 2), level: 'prefecture', siteCode: p.code },
    ...cluster.departments.map((name, i) => ({
      zh: name.replace(/^州/, '甘孜州'),
      abbreviation: DEPARTMENT_ABBREVIATIONS[i] ?? '甘州',
      orgCode: orgCodeFor(p.regionCode, 10 + i),
      level: 'prefecture' as const,
      siteCode: p.code,
    })),
    ...cluster.counties.map((c) => ({
      zh: `${c.zh}人民政府`,
      bo: c.bo,
      abbreviation: `${c.zh.slice(0, 1)}府发`,
      orgCode: orgCodeFor(c.regionCode, 1),
      level: 'county' as const,
      siteCode: c.code,
    })),
  ];
};

const MEDIA_SOURCES = ['甘孜日报', '甘孜州融媒体中心', '四川日报', '康巴卫视', '中国甘孜网'];
const HAN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '罗', '何', '郭'];
const HAN_GIVEN = ['明', '华', '丽', '军', '勇', '静', '强', '伟', '芳', '敏', '磊', '洋', '艳', '杰', '娟', '涛', '霞', '鹏'];
// Tibetan names as written in Chinese in Garzê, and in Tibetan script for the bo locale.
const TIBETAN_NAMES_ZH = ['泽仁', '扎西', '降措', '格绒', '四郎', '益西', '卓玛', '拉姆', '多吉', '次仁', '志玛', '曲珍'];
const TIBETAN_NAMES_BO = ['བཀྲ་ཤིས', 'སྒྲོལ་མ', 'ཚེ་རིང', 'བསོད་ནམས', 'རྡོ་རྗེ', 'ལྷ་མོ', 'པདྨ', 'ཉི་མ', 'དབང་ཕྱུག', 'ཡང་ཅན'].map((n) =>
  n.normalize('NFC')
);
const THEME_CATEGORIES = [
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通',
  '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版',
  '卫生、体育', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '其他',
];

const zhAuthor = (random: Random) =>
  random() < 0.4
    ? `${pick(random, TIBETAN_NAMES_ZH)}${pick(random, TIBETAN_NAMES_ZH)}`
    : `${pick(random, HAN_SURNAMES)}${pick(random, HAN_GIVEN)}${random() < 0.6 ? pick(random, HAN_GIVEN) : ''}`;

const boAuthor = (random: Random) => `${pick(random, TIBETAN_NAMES_BO)}\u0F0B${pick(random, TIBETAN_NAMES_BO)}`;

const keywords = (next: () => string, random: Random, separator: string) =>
  [...new Set(Array.from({ length: 3 + Math.floor(random() * 3) }, next))].join(separator);

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

// The owning-site column the site-group plugin adds to shared content types; its document
// middleware fills it on normal writes, so bulk rows fill it too when the model has it.
const OWNER_FIELD = 'ownerSite';

/**
 * The owner for an authority's items: its site when the tree has it, else the first root site
 * (the plugin's default owner), else none. Null when the model has no owner column.
 */
const ownerResolver = async (strapi: Core.Strapi) => {
  const hasOwner = [ARTICLE, POLICY].every((uid) => OWNER_FIELD in strapi.db.metadata.get(uid).attributes);
  if (!hasOwner) return null;
  const sites = (await strapi.db.query(SITE).findMany({
    select: ['code', 'sortOrder'],
    populate: { parent: { select: ['id'] } },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  })) as { code: string; parent: unknown }[];
  const codes = new Set(sites.map((s) => s.code));
  const root = sites.find((s) => !s.parent)?.code ?? null;
  return (authority: Authority) => (codes.has(authority.siteCode) ? authority.siteCode : root);
};

/** The two rows Strapi keeps for a published document: the draft and its published copy. */
const publishedDocumentRows = (documentId: string, locale: string, publishDate: Date, random: Random, fields: Row): Row[] => {
  const createdAt = new Date(publishDate.getTime() - Math.floor(random() * 3 * DAY_MS) - 600_000);
  const common = { ...fields, documentId, locale, createdAt, updatedAt: publishDate };
  return [
    { ...common, publishedAt: null },
    { ...common, publishedAt: publishDate },
  ];
};

const articleFields = (text: TextGenerator, locale: string, publishDate: Date, authority: Authority): Row => {
  const { random } = text;
  const paragraphs = 2 + Math.floor(random() * 5);
  if (locale === BO) {
    return {
      title: text.boTitle(200),
      summary: text.boSentence(300),
      body: text.boParagraphs(paragraphs).join('\n\n'),
      source: authority.bo ?? cluster.prefecture.bo,
      author: boAuthor(random),
      keywords: keywords(text.boSyllable, random, ' '),
      publishDate,
    };
  }
  return {
    title: text.zhTitle(80),
    summary: text.zhSentence(300),
    body: text.zhParagraphs(paragraphs).join('\n\n'),
    source: random() < 0.3 ? pick(random, MEDIA_SOURCES) : authority.zh,
    author: zhAuthor(random),
    keywords: keywords(text.zhWord, random, ','),
    publishDate,
  };
};

/**
 * Fields of zh-Hans articles as bulkSeed writes them, for creating the same kind of document
 * another way (e.g. through the Document Service as a benchmark baseline).
 */
export const articleFieldsGenerator = (seed: number | string = 1, now = new Date()) => {
  const text = makeTextGenerator(seed);
  const authorities = garzeAuthorities();
  return (): Row => articleFields(text, ZH, spreadPublishDate(text.random, now), pick(text.random, authorities));
};

/**
 * Hands out index numbers (索引号: org code / year - serial) that no policy in the database has yet,
 * so repeated bulk loads into one database stay unique.
 */
class IndexNumbers {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  static async load(strapi: Core.Strapi) {
    const rows = (await strapi.db.query(POLICY).findMany({ select: ['indexNumber'] })) as { indexNumber: string }[];
    return new IndexNumbers(new Set(rows.map((r) => r.indexNumber)));
  }

  allocate(orgCode: string, year: number): string {
    const key = `${orgCode}/${year}`;
    let serial = this.next.get(key) ?? 1;
    let candidate = `${key}-${pad(serial, 5)}`;
    while (this.taken.has(candidate)) candidate = `${key}-${pad(++serial, 5)}`;
    if (serial > 999_999) throw new Error(`bulk: index numbers for ${key} exhausted`);
    this.next.set(key, serial + 1);
    this.taken.add(candidate);
    return candidate;
  }
}

const policyFields = (
  text: TextGenerator,
  locale: string,
  publishDate: Date,
  authority: Authority,
  indexNumber: string
): Row => {
  const { random } = text;
  const year = dateOnly(publishDate).slice(0, 4);
  const writtenDate = new Date(publishDate.getTime() - Math.floor(1 + random() * 20) * DAY_MS);
  const kind = random() < 0.05 ? 'regulation' : random() < 0.4 ? 'normative' : 'other';
  const ageYears = (Date.now() - publishDate.getTime()) / (365.25 * DAY_MS);
  const validity = ageYears > 3 && random() < 0.15 ? pick(random, ['amended', 'repealed', 'expired'] as const) : 'valid';
  const shared = {
    indexNumber,
    documentNumber: `${authority.abbreviation}〔${year}〕${1 + Math.floor(random() * 200)}号`,
    writtenDate: dateOnly(writtenDate),
    publishDate,
    documentKind: kind,
    themeCategory: pick(random, THEME_CATEGORIES),
    validity,
    validFrom: dateOnly(publishDate),
    // Normative documents are usually valid for five years (规范性文件有效期).
    validTo: kind === 'normative' ? dateOnly(new Date(publishDate.getTime() + 5 * 365 * DAY_MS)) : null,
    disclosure: random() < 0.95 ? 'proactive' : 'on-request',
    level: authority.level,
  };
  const paragraphs = 3 + Math.floor(random() * 6);
  if (locale === BO) {
    return {
      ...shared,
      title: text.boTitle(200),
      issuingAuthority: authority.bo ?? cluster.prefecture.bo,
      subjectWords: keywords(text.boSyllable, random, ' '),
      summary: text.boSentence(100),
      body: text.boParagraphs(paragraphs).join('\n\n'),
    };
  }
  return {
    ...shared,
    title: text.zhTitle(120),
    issuingAuthority: authority.zh,
    subjectWords: keywords(text.zhWord, random, ' '),
    summary: text.zhSentence(100),
    body: text.zhParagraphs(paragraphs).join('\n\n'),
  };
};

// ---------------------------------------------------------------------------------------------
// bulkSeed
// ---------------------------------------------------------------------------------------------

export interface BulkSeedProgress {
  done: number;
  total: number;
  elapsedMs: number;
  itemsPerSecond: number;
}

export interface BulkSeedOptions {
  /** Documents to create (articles and policies together). */
  items: number;
  /** Share of documents in Tibetan (bo); the rest are zh-Hans. */
  boShare?: number;
  /** Share of documents that are policies; the rest are articles. */
  policyShare?: number;
  /** Documents per transaction (each document is two rows). */
  batchSize?: number;
  /** Spread of publishDate back from `now`. */
  years?: number;
  now?: Date;
  seed?: number | string;
  onProgress?: (progress: BulkSeedProgress) => void;
}

export interface BulkSeedResult {
  items: number;
  articles: { 'zh-Hans': number; bo: number };
  policies: { 'zh-Hans': number; bo: number };
  rows: number;
  elapsedMs: number;
  itemsPerSecond: number;
}

interface Batch {
  [ARTICLE]: Row[];
  [POLICY]: Row[];
}

/** One transaction per batch: a failed batch leaves no half-written documents behind. */
const writeBatch = async (strapi: Core.Strapi, batch: Batch) => {
  await strapi.db.transaction(async () => {
    for (const uid of [ARTICLE, POLICY] as const) {
      if (batch[uid].length) await strapi.db.query(uid).createMany({ data: batch[uid] });
    }
  });
};

/**
 * Inserts `items` published documents (articles, and `policyShare` of policies) with both rows
 * each, `boShare` of them in Tibetan, in transactions of `batchSize` documents.
 */
export const bulkSeed = async (strapi: Core.Strapi, options: BulkSeedOptions): Promise<BulkSeedResult> => {
  const { items, boShare = 0.1, policyShare = 0.1, batchSize = 1000, years = 5, now = new Date(), seed = 1, onProgress } = options;
  if (!Number.isInteger(items) || items < 0) throw new Error(`bulk: items must be a non-negative integer, got ${items}`);

  const text = makeTextGenerator(seed);
  const { random } = text;
  const authorities = garzeAuthorities();
  const boAuthorities = authorities.filter((a) => a.bo);
  const indexNumbers = await IndexNumbers.load(strapi);
  const ownerOf = await ownerResolver(strapi);
  const newId = { [ARTICLE]: documentIdGenerator(strapi, ARTICLE), [POLICY]: documentIdGenerator(strapi, POLICY) };
  const result: BulkSeedResult = { items, articles: { [ZH]: 0, bo: 0 }, policies: { [ZH]: 0, bo: 0 }, rows: 0, elapsedMs: 0, itemsPerSecond: 0 };
  const started = performance.now();
  let policyIndex = 0;
  let articleIndex = 0;

  for (let start = 0; start < items; start += batchSize) {
    const batch: Batch = { [ARTICLE]: [], [POLICY]: [] };
    for (let i = start; i < Math.min(items, start + batchSize); i += 1) {
      const isPolicy = takesShare(i, policyShare);
      // Separate counters so the bo share holds within articles and within policies alike.
      const locale = takesShare(isPolicy ? policyIndex++ : articleIndex++, boShare) ? BO : ZH;
      const authority = pick(random, locale === BO ? boAuthorities : authorities);
      const publishDate = spreadPublishDate(random, now, years);
      const uid = isPolicy ? POLICY : ARTICLE;
      const fields = isPolicy
        ? policyFields(text, locale, publishDate, authority, indexNumbers.allocate(authority.orgCode, Number(dateOnly(publishDate).slice(0, 4))))
        : articleFields(text, locale, publishDate, authority);
      if (ownerOf) fields[OWNER_FIELD] = ownerOf(authority);
      batch[uid].push(...publishedDocumentRows(newId[uid](), locale, publishDate, random, fields));
      (isPolicy ? result.policies : result.articles)[locale as 'zh-Hans' | 'bo'] += 1;
    }
    await writeBatch(strapi, batch);
    result.rows += batch[ARTICLE].length + batch[POLICY].length;

    const done = Math.min(items, start + batchSize);
    const elapsedMs = performance.now() - started;
    onProgress?.({ done, total: items, elapsedMs, itemsPerSecond: done / (elapsedMs / 1000) });
  }

  result.elapsedMs = performance.now() - started;
  result.itemsPerSecond = items / (result.elapsedMs / 1000 || 1);
  // Planner statistics after a bulk load (PostgreSQL), outside the timed part.
  for (const uid of [ARTICLE, POLICY]) await analyze(strapi, uid);
  return result;
};

// ---------------------------------------------------------------------------------------------
// bulkSites
// ---------------------------------------------------------------------------------------------

export interface ProvinceSpec {
  zh: string;
  bo?: string;
  /** GB/T 2260 code ending in 0000, e.g. 510000. */
  regionCode: string;
  /** Registrable domain of the province's government sites, e.g. sc.gov.cn. */
  domain: string;
}

export const SICHUAN: ProvinceSpec = { zh: '四川省', bo: 'སི་ཁྲོན་ཞིང་ཆེན།'.normalize('NFC'), regionCode: '510000', domain: 'sc.gov.cn' };

export interface BulkSitesOptions {
  count: number;
  province?: ProvinceSpec;
  seed?: number | string;
  /** Share of township sites with a Tibetan name (prefectures and counties always have one). */
  townshipBoShare?: number;
}

export interface BulkSitesResult {
  sites: number;
  byLevel: Record<'province' | 'prefecture' | 'county' | 'township', number>;
  rootCode: string;
  elapsedMs: number;
}

type Level = 'province' | 'prefecture' | 'county' | 'township';

type PlannedSite = SiteSeed<Level>;

// Characters common in Chinese place names; two of them make a plausible name (安宁, 清河 …).
const PLACE_CHARS = [...'安宁平康泰和清远河山江阳东西南北新华兴龙凤云石白金玉长宝德丰福通永昌盛嘉乐林水川峰溪坪'];
const TIBETAN_SUFFIX = { prefecture: 'ཁུལ', county: 'རྫོང', township: 'ཤང' } as const;

interface TreeShape {
  prefectures: number;
  counties: number;
  townships: number;
}

/**
 * How many sites of each level make `count`: about 1 prefecture per 143 sites (Sichuan: 21 for
 * ~3,000) and 1 county per 18 (≈ 8 counties per prefecture, ≈ 17 townships per county). Region
 * codes allow at most 99 prefectures and 99 counties per prefecture.
 */
export const treeShape = (count: number): TreeShape => {
  let remaining = count - 1;
  const prefectures = Math.min(remaining, Math.max(1, Math.min(99, Math.ceil(remaining / 143))));
  remaining -= prefectures;
  const counties = Math.min(remaining, Math.max(1, Math.min(99 * prefectures, Math.round(remaining / 18))));
  remaining -= counties;
  if (counties && remaining / counties > 9_000) throw new Error(`bulk: ${count} sites do not fit one province's region codes`);
  return { prefectures, counties, townships: remaining };
};

/** Splits `total` over `buckets` with random weights (0.5–1.5), each bucket at most `cap`. */
const spread = (total: number, buckets: number, cap: number, random: Random): number[] => {
  if (!buckets) return [];
  const weights = Array.from({ length: buckets }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.min(cap, Math.floor((total * w) / sum)));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % buckets) {
    if (counts[i] < cap) {
      counts[i] += 1;
      missing -= 1;
    }
  }
  return counts;
};

interface Taken {
  codes: Set<string>;
  siteIdentifiers: Set<string>;
  regionCodes: Set<string>;
}

const loadTaken = async (strapi: Core.Strapi): Promise<Taken> => {
  const rows = (await strapi.db.query(SITE).findMany({ select: ['code', 'siteIdentifier', 'regionCode'] }));
  return {
    codes: new Set(rows.map((r) => r.code)),
    siteIdentifiers: new Set(rows.map((r) => r.siteIdentifier).filter(Boolean)),
    regionCodes: new Set(rows.map((r) => r.regionCode)),
  };
};

/** The next free two-digit region sub-code under `prefix` (skipping e.g. the demo Garzê 5133xx). */
const freeRegionCodes = (prefix: string, suffix: string, needed: number, taken: Taken): string[] => {
  const codes: string[] = [];
  for (let n = 1; n <= 99 && codes.length < needed; n += 1) {
    const code = `${prefix}${pad(n, 2)}${suffix}`;
    if (!taken.regionCodes.has(code)) codes.push(code);
  }
  if (codes.length < needed) throw new Error(`bulk: not enough free region codes under ${prefix}`);
  return codes;
};

const placeName = (random: Random, used: Set<string>) => {
  for (let tries = 0; tries < 50; tries += 1) {
    const name = `${pick(random, PLACE_CHARS)}${pick(random, PLACE_CHARS)}`;
    if (name[0] !== name[1] && !used.has(name)) {
      used.add(name);
      return name;
    }
  }
  return `${pick(random, PLACE_CHARS)}${pick(random, PLACE_CHARS)}`; // siblings may share a name, as real ones do
};

const tibetanPlaceName = (text: TextGenerator, level: keyof typeof TIBETAN_SUFFIX) => {
  const suffix = TIBETAN_SUFFIX[level];
  const name = `${text.boSyllable()}\u0F0B${text.boSyllable()}\u0F0B${suffix}`;
  return suffix.endsWith('ང') ? `${name}\u0F0B\u0F0D` : `${name}\u0F0D`;
};

/** The site list, parents before children, with unique codes and site identifiers. */
const planSiteTree = (count: number, province: ProvinceSpec, taken: Taken, text: TextGenerator, townshipBoShare: number): PlannedSite[] => {
  const { random } = text;
  const shape = treeShape(count);
  const provincePrefix = province.regionCode.slice(0, 2);
  const rootCode = `r${province.regionCode}`;
  if (taken.codes.has(rootCode)) throw new Error(`bulk: a generated tree for ${province.zh} (${rootCode}) already exists`);

  const identifier = (regionCode: string, serial: number) => {
    let n = serial;
    while (taken.siteIdentifiers.has(`${regionCode}${pad(n, 4)}`)) n += 1;
    const id = `${regionCode}${pad(n, 4)}`;
    taken.siteIdentifiers.add(id);
    return id;
  };
  const domain = (code: string) => [`${code}.${province.domain}`];

  const root: PlannedSite = {
    code: rootCode,
    name: `${province.zh}人民政府`,
    bo: province.bo,
    level: 'province',
    regionCode: province.regionCode,
    siteIdentifier: identifier(province.regionCode, 1),
    parentCode: null,
    domains: [`www.${province.domain}`],
    sponsor: `${province.zh}人民政府办公厅`,
    sortOrder: 0,
  };
  const sites: PlannedSite[] = [root];
  const usedNames = new Set<string>();

  const prefectureCodes = freeRegionCodes(provincePrefix, '00', shape.prefectures, taken);
  const countiesPer = spread(shape.counties, shape.prefectures, 99, random);
  const prefectures = prefectureCodes.map((regionCode, i) => {
    const place = placeName(random, usedNames);
    const name = random() < 0.85 ? `${place}市` : `${place}藏族自治州`;
    const site: PlannedSite = {
      code: `r${regionCode}`,
      name: `${name}人民政府`,
      bo: tibetanPlaceName(text, 'prefecture'),
      level: 'prefecture',
      regionCode,
      siteIdentifier: identifier(regionCode, 1),
      parentCode: root.code,
      domains: domain(`r${regionCode}`),
      sponsor: `${name}人民政府办公室`,
      sortOrder: i + 1,
    };
    sites.push(site);
    return site;
  });

  const counties = prefectures.flatMap((prefecture, p) =>
    freeRegionCodes(prefecture.regionCode.slice(0, 4), '', countiesPer[p], taken).map((regionCode, i) => {
      const name = `${placeName(random, usedNames)}${random() < 0.8 ? '县' : random() < 0.5 ? '市' : '区'}`;
      const site: PlannedSite = {
        code: `r${regionCode}`,
        name,
        bo: tibetanPlaceName(text, 'county'),
        level: 'county',
        regionCode,
        siteIdentifier: identifier(regionCode, 1),
        parentCode: prefecture.code,
        domains: domain(`r${regionCode}`),
        sponsor: `${name}人民政府办公室`,
        sortOrder: i + 1,
      };
      sites.push(site);
      return site;
    })
  );

  const townshipsPer = spread(shape.townships, counties.length, 9_000, random);
  counties.forEach((county, c) => {
    const siblings = new Set<string>();
    for (let i = 0; i < townshipsPer[c]; i += 1) {
      const name = `${placeName(random, siblings)}${random() < 0.6 ? '镇' : '乡'}`;
      const code = `${county.code}-${pad(i + 1, 3)}`;
      sites.push({
        code,
        name,
        bo: random() < townshipBoShare ? tibetanPlaceName(text, 'township') : undefined,
        level: 'township',
        regionCode: county.regionCode,
        siteIdentifier: identifier(county.regionCode, i + 2),
        parentCode: county.code,
        domains: domain(code),
        sponsor: `${name}人民政府`,
        sortOrder: i + 1,
      });
    }
  });
  return sites;
};

const siteRow = (site: PlannedSite, documentId: string, now: Date): Row => ({
  documentId,
  code: site.code,
  name: site.name,
  translations: site.bo ? { bo: { name: site.bo } } : null,
  siteIdentifier: site.siteIdentifier,
  level: site.level,
  kind: 'portal',
  regionCode: site.regionCode,
  domains: site.domains,
  sponsor: site.sponsor,
  state: 'active',
  sortOrder: site.sortOrder,
  createdAt: now,
  updatedAt: now,
  // Without draft & publish Strapi still stamps publishedAt on the one row it keeps.
  publishedAt: now,
});

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** id by code for the given sites, read back in chunks (SQLite's bound-parameter limit). */
const idsByCode = async (strapi: Core.Strapi, codes: string[]) => {
  const ids = new Map<string, number>();
  for (const part of chunks(codes, 500)) {
    const rows = (await strapi.db.query(SITE).findMany({ where: { code: { $in: part } }, select: ['id', 'code'] }));
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
};

/**
 * Writes `parent` the way Strapi stores a manyToOne relation: a row in the link table
 * (jiyue_sites_parent_lnk: child id, parent id, and the child's position among its siblings).
 * Names come from the model's metadata rather than being hard-coded.
 */
/** Knex's transaction, as Strapi's query builder takes it (`transacting`). */
type Transaction = Parameters<ReturnType<Core.Strapi['db']['getConnection']>['transacting']>[0];

const writeParentLinks = async (strapi: Core.Strapi, trx: Transaction, links: { child: number; parent: number; order: number }[]) => {
  const parent = strapi.db.metadata.get(SITE).attributes.parent;
  const joinTable = parent && 'joinTable' in parent ? parent.joinTable : undefined;
  if (!joinTable || !('inverseOrderColumnName' in joinTable) || !joinTable.inverseOrderColumnName) {
    throw new Error('bulk: the site model has no ordered link table for parent');
  }
  const rows = links.map((l) => ({
    [joinTable.joinColumn.name]: l.child,
    [joinTable.inverseJoinColumn.name]: l.parent,
    [joinTable.inverseOrderColumnName]: l.order,
  }));
  for (const part of chunks(rows, 500)) {
    await strapi.db.getConnection(joinTable.name).transacting(trx).insert(part);
  }
};

/**
 * A province-wide site tree of `count` sites (province → prefectures → counties → townships), with
 * GB/T 2260-style region codes, Chinese names and Tibetan translations, written level by level in
 * one transaction. Region codes and identifiers already in the database (e.g. the demo Garzê tree)
 * are skipped, so it can sit next to the demo tree.
 */
export const bulkSites = async (strapi: Core.Strapi, options: BulkSitesOptions): Promise<BulkSitesResult> => {
  const { count, province = SICHUAN, seed = 'sites', townshipBoShare = 0.5 } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`bulk: count must be a positive integer, got ${count}`);
  const started = performance.now();
  const text = makeTextGenerator(seed);
  const plan = planSiteTree(count, province, await loadTaken(strapi), text, townshipBoShare);
  const newId = documentIdGenerator(strapi, SITE);
  const now = new Date();
  const byLevel = { province: 0, prefecture: 0, county: 0, township: 0 };

  await strapi.db.transaction(async ({ trx }) => {
    const ids = new Map<string, number>();
    for (const level of ['province', 'prefecture', 'county', 'township'] as const) {
      const sites = plan.filter((s) => s.level === level);
      if (!sites.length) continue;
      await strapi.db.query(SITE).createMany({ data: sites.map((s) => siteRow(s, newId(), now)) });
      for (const [code, id] of await idsByCode(strapi, sites.map((s) => s.code))) ids.set(code, id);
      const links = sites
        .filter((s) => s.parentCode)
        .map((s) => ({ child: ids.get(s.code)!, parent: ids.get(s.parentCode!)!, order: s.sortOrder }));
      if (links.length) await writeParentLinks(strapi, trx, links);
      byLevel[level] = sites.length;
    }
  });

  return { sites: plan.length, byLevel, rootCode: plan[0].code, elapsedMs: performance.now() - started };
};
