import type { Core } from '@strapi/strapi';
import cluster from './garze-cluster.json';

const SITE = 'plugin::site-group.site';
const COLUMN = 'plugin::site-group.column';

/** Short codes for the 19 prefecture departments of the Garzê cluster, in the JSON's order. */
const DEPARTMENT_CODES = [
  'fgw', 'jtj', 'kjj', 'jxj', 'mzw', 'gaj', 'mzj', 'sfj', 'czj', 'rsj',
  'zrzyj', 'sthjj', 'zjj', 'jtysj', 'nyncj', 'wglj', 'wjw', 'yjglj', 'scjgj',
];

/** The columns every demo site gets (seed 003's typical portal structure), with Tibetan names. */
export const DEMO_COLUMNS = [
  { slug: 'ywdt', name: '要闻动态', bo: 'གནད་དོན་གསར་འགྱུར།', kind: 'list' },
  { slug: 'tzgg', name: '通知公告', bo: 'བརྡ་ཐོ།', kind: 'list' },
  { slug: 'zcwj', name: '政策文件', bo: 'སྲིད་ཇུས་ཡིག་ཆ།', kind: 'list' },
  { slug: 'zcjd', name: '政策解读', bo: 'སྲིད་ཇུས་འགྲེལ་བཤད།', kind: 'list' },
  { slug: 'bsfw', name: '办事服务', bo: 'ལས་དོན་ཞབས་ཞུ།', kind: 'list' },
  { slug: 'hdjl', name: '互动交流', bo: 'ཕན་ཚུན་འབྲེལ་གཏུག', kind: 'list' },
] as const;

export type SiteLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';

/** One site to seed, its parent named by code (demo tree and generated bulk trees alike). */
export interface SiteSeed<L extends SiteLevel = SiteLevel> {
  code: string;
  name: string;
  bo?: string;
  level: L;
  regionCode: string;
  siteIdentifier: string;
  parentCode: string | null;
  domains: string[];
  sponsor: string;
  sortOrder: number;
}

export interface DemoSite extends SiteSeed<'prefecture' | 'county'> {
  kind: 'portal' | 'department';
}

/** The "1+18+19" tree: the prefecture portal, its 18 county portals and 19 department sites. */
export const demoSites = (): DemoSite[] => {
  const p = cluster.prefecture;
  const prefecture: DemoSite = {
    code: p.code,
    name: p.zh,
    bo: p.bo,
    level: 'prefecture',
    kind: 'portal',
    regionCode: p.regionCode,
    siteIdentifier: `${p.regionCode}0001`,
    parentCode: null,
    domains: ['www.gzz.gov.cn'],
    sponsor: '甘孜藏族自治州人民政府办公室',
    sortOrder: 0,
  };
  const counties: DemoSite[] = cluster.counties.map((c, i) => ({
    code: c.code,
    name: c.zh,
    bo: c.bo,
    level: 'county',
    kind: 'portal',
    regionCode: c.regionCode,
    siteIdentifier: `${c.regionCode}0001`,
    parentCode: p.code,
    domains: [`${c.code}.gzz.gov.cn`],
    sponsor: `${c.zh}人民政府办公室`,
    sortOrder: i + 1,
  }));
  const departments: DemoSite[] = cluster.departments.map((name, i) => ({
    code: `ganzi-${DEPARTMENT_CODES[i]}`,
    name,
    level: 'prefecture',
    kind: 'department',
    regionCode: p.regionCode,
    siteIdentifier: `${p.regionCode}${String(i + 2).padStart(4, '0')}`,
    parentCode: p.code,
    domains: [`${DEPARTMENT_CODES[i]}.gzz.gov.cn`],
    sponsor: name,
    sortOrder: 100 + i,
  }));
  return [prefecture, ...counties, ...departments];
};

/**
 * Creates the demo site tree and each site's typical columns through the Document Service, so
 * every integrity rule applies. Idempotent: sites are matched by code, columns by (site, slug).
 */
export const seedDemoSites = async (strapi: Core.Strapi) => {
  let sitesCreated = 0;
  let columnsCreated = 0;
  const ids = new Map<string, string>();

  for (const site of demoSites()) {
    const existing = await strapi.db.query(SITE).findOne({ where: { code: site.code }, select: ['documentId'] });
    if (existing) {
      ids.set(site.code, existing.documentId);
      continue;
    }
    const created = await strapi.documents(SITE).create({
      data: {
        code: site.code,
        name: site.name,
        translations: site.bo ? { bo: { name: site.bo } } : null,
        level: site.level,
        kind: site.kind,
        regionCode: site.regionCode,
        siteIdentifier: site.siteIdentifier,
        domains: site.domains,
        sponsor: site.sponsor,
        state: 'active',
        sortOrder: site.sortOrder,
        parent: site.parentCode ? ids.get(site.parentCode) : null,
      },
    });
    ids.set(site.code, created.documentId);
    sitesCreated += 1;
  }

  for (const documentId of ids.values()) {
    const site = await strapi.db.query(SITE).findOne({ where: { documentId }, select: ['id'] });
    const existing = await strapi.db.query(COLUMN).findMany({ where: { site: { id: site.id } }, select: ['slug'] });
    const have = new Set(existing.map((c: { slug: string }) => c.slug));
    for (const [i, column] of DEMO_COLUMNS.entries()) {
      if (have.has(column.slug)) continue;
      await strapi.documents(COLUMN).create({
        data: {
          site: documentId,
          slug: column.slug,
          name: column.name,
          translations: { bo: { name: column.bo } },
          kind: column.kind,
          sortOrder: i,
        },
      });
      columnsCreated += 1;
    }
  }

  return { sitesCreated, columnsCreated, sites: ids };
};
