import type { Core } from '@strapi/strapi';
import type { MatchablePolicy } from '../utils/evaluate-policy';
import { toIsoDate } from '../utils/dates';
import { policyUid } from '../utils/policy-uid';
import { tableRevision } from '../utils/revision';
import { ELIGIBILITY_UID } from '../utils/uids';

/**
 * Every published policy that has an eligibility, in the shape the matcher evaluates, kept in
 * memory. Events drop it at once on this instance; a revision read from both tables on every call
 * makes other instances' writes visible too, so correctness never rests on the cache.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { revision: string; policies: MatchablePolicy[]; byId: Map<string, MatchablePolicy> } | null = null;

  const revision = async () => {
    const [eligibility, policies] = await Promise.all([
      tableRevision(strapi, ELIGIBILITY_UID),
      tableRevision(strapi, policyUid(), (q) => q.whereNotNull('published_at'), ['updated_at', 'published_at']),
    ]);
    return `${eligibility}|${policies}`;
  };

  const build = async (): Promise<MatchablePolicy[]> => {
    const rules = await strapi.db.query(ELIGIBILITY_UID).findMany({});
    if (!rules.length) return [];
    const rows = await strapi.db.query(policyUid() as any).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'title', 'validity', 'validFrom', 'validTo', 'publishDate', 'themeCategory'],
    });
    const preferred = strapi.plugin('policy-match').config('matchLocale') as string;
    const versions = new Map<string, { main?: any; bo?: any }>();
    for (const r of rows) {
      const v = versions.get(r.documentId) ?? {};
      if (String(r.locale ?? '').startsWith('bo')) v.bo = r;
      else if (!v.main || r.locale === preferred) v.main = r;
      versions.set(r.documentId, v);
    }
    const out: MatchablePolicy[] = [];
    for (const e of rules) {
      const v = versions.get(e.policyDocumentId);
      const p = v?.main ?? v?.bo;
      if (!p) continue;
      out.push({
        documentId: e.policyDocumentId, title: p.title, titleBo: v?.bo?.title ?? null, audience: e.audience, tags: e.tags ?? [],
        jurisdiction: e.jurisdiction ?? null, applicationDeadline: toIsoDate(e.applicationDeadline), validity: p.validity ?? 'valid',
        validFrom: toIsoDate(p.validFrom), validTo: toIsoDate(p.validTo), publishDate: p.publishDate ? new Date(p.publishDate).toISOString() : null,
        themeCategory: p.themeCategory ?? null, clauses: e.clauses ?? [],
      });
    }
    return out;
  };

  return {
    async policies() {
      const current = await revision();
      if (cached?.revision !== current) {
        const policies = await build();
        cached = { revision: current, policies, byId: new Map(policies.map((p) => [p.documentId, p])) };
      }
      return cached;
    },

    /** Drops this instance's copy (listeners of publish and eligibility events call it). */
    invalidate() {
      cached = null;
    },
  };
};
