import type { Core } from '@strapi/strapi';
import { demoSites } from './demo-sites';
import { CONTENT_UIDS, ZH } from './demo-content';

/**
 * What the README's API tour needs beyond the content itself, so that every example answers
 * something on a fresh demo:
 * - a feed channel on every site for its 要闻动态 (`ywdt`) and 通知公告 (`tzgg`) columns, so
 *   `/api/distribution/feeds/<site>/<column>.xml|json` answers (a site without a feed channel
 *   publishes no feeds);
 * - eligibility clauses on a handful of prefecture policies (policy-match's validated rule format),
 *   so the 政策找人 example returns eligible and possibly-eligible policies with the missing facts.
 * Both go through the owning plugin's service (validation included). Idempotent: an existing
 * channel or eligibility is left as it is.
 */

/** The columns every site's feed carries. */
export const FEED_COLUMNS = ['ywdt', 'tzgg'];

export const seedDemoFeeds = async (strapi: Core.Strapi) => {
  const channels = strapi.plugin('distribution')?.service('channels');
  if (!channels) return { created: 0 };
  let created = 0;
  for (const site of demoSites()) {
    const key = `feed:${site.code}`;
    if (await channels.byKey(key)) continue;
    await channels.create({ key, site: site.code, kind: 'feed', name: `${site.name} RSS / JSON Feed`, settings: { columns: FEED_COLUMNS } });
    created += 1;
  }
  return { created };
};

const GARZE = '513300';

interface DemoEligibility {
  /** The policy's 发文字号 (prefecture files are unique by it in the demo). */
  documentNumber: string;
  body: Record<string, unknown>;
}

/**
 * Rules over policy-match's profile facts (`plugins/policy-match/server/src/utils/fields.ts`).
 * For the README's profile (24, 康定 513301, 高校毕业生) the employment and pension files are
 * eligible, the 医保 and 低保 files possibly eligible until `incomeBand` is known.
 */
const ELIGIBILITIES: DemoEligibility[] = [
  {
    documentNumber: '甘府发〔2019〕15号',
    body: {
      audience: 'individual',
      tags: ['graduate', 'unemployed', 'employment'],
      jurisdiction: GARZE,
      clauses: [
        {
          text: '毕业2年内、35周岁以下的高校毕业生在州内求职创业',
          benefit: '一次性求职创业补贴1000元',
          rule: { all: [{ field: 'identityTags', op: 'eq', value: 'graduate' }, { field: 'age', op: 'lte', value: 35 }] },
        },
        {
          text: '城镇登记失业人员参加就业技能培训',
          benefit: '职业培训补贴',
          rule: { field: 'identityTags', op: 'eq', value: 'unemployed' },
        },
      ],
    },
  },
  {
    documentNumber: '甘府发〔2023〕12号',
    body: {
      audience: 'individual',
      tags: ['dibao', 'illness'],
      jurisdiction: GARZE,
      clauses: [
        {
          text: '低保对象、低收入人口参加城乡居民医保',
          benefit: '个人缴费部分由医疗救助资金资助',
          rule: { field: 'incomeBand', op: 'in', value: ['dibao', 'low'] },
        },
        {
          text: '60周岁以上老年人参加城乡居民医保',
          benefit: '门诊慢特病待遇优先认定',
          rule: { field: 'age', op: 'gte', value: 60 },
        },
      ],
    },
  },
  {
    documentNumber: '甘府发〔2015〕6号',
    body: {
      audience: 'individual',
      tags: ['retirement'],
      jurisdiction: GARZE,
      clauses: [
        {
          text: '年满16周岁、不属于职工养老保险覆盖范围的城乡居民参保缴费',
          benefit: '政府缴费补贴每人每年不低于30元',
          rule: { field: 'age', op: 'gte', value: 16 },
        },
        {
          text: '年满60周岁、累计缴费满15年',
          benefit: '按月领取城乡居民养老保险待遇',
          rule: { field: 'age', op: 'gte', value: 60 },
        },
      ],
    },
  },
  {
    documentNumber: '甘府办发〔2022〕27号',
    body: {
      audience: 'individual',
      tags: ['dibao'],
      jurisdiction: GARZE,
      clauses: [
        {
          text: '家庭人均收入低于当地最低生活保障标准、在本地无住房的困难家庭',
          benefit: '按月发放最低生活保障金',
          rule: { all: [{ field: 'incomeBand', op: 'eq', value: 'dibao' }, { not: { field: 'ownsLocalHousing', op: 'eq', value: true } }] },
        },
      ],
    },
  },
];

export const seedDemoEligibility = async (strapi: Core.Strapi) => {
  const eligibility = strapi.plugin('policy-match')?.service('eligibility');
  if (!eligibility) return { created: 0 };
  let created = 0;
  for (const { documentNumber, body } of ELIGIBILITIES) {
    const policy = await strapi.db.query(CONTENT_UIDS.policy).findOne({ where: { documentNumber, locale: ZH }, select: ['documentId'] });
    if (!policy) throw new Error(`demo eligibility: no policy ${documentNumber} in the demo content`);
    if (await eligibility.get(policy.documentId)) continue;
    await eligibility.save(policy.documentId, body);
    created += 1;
  }
  return { created };
};
