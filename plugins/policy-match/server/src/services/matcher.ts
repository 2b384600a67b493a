import type { Core } from '@strapi/strapi';
import { evaluatePolicy, quickStatus, rankMissingFacts, type MatchablePolicy, type MatchStatus } from '../utils/evaluate-policy';
import { prepareFacts } from '../utils/compile-rule';
import type { Facts } from '../utils/evaluate-rule';
import type { Audience } from '../utils/fields';
import { getService } from '../utils/get-service';

export interface MatchOptions {
  asOf: string;
  includeIneligible?: boolean;
  documentIds?: string[];
  limit?: number;
}

const STATUS_RANK = { eligible: 0, 'possibly-eligible': 1, ineligible: 2 } as const;

/** Nearest jurisdiction first: the profile's own county, then its prefecture, province; nationwide policies after. */
const regionRank = (p: MatchablePolicy, o: { regionDistance: number | null }) => (o.regionDistance ?? (p.jurisdiction ? 8 : 7));

/** Forward match: one profile against every matchable policy, ranked and explained. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async match(profile: { kind: Audience; facts: Facts }, options: MatchOptions) {
    const [{ policies, byId, compiled, registry }, names] = await Promise.all([getService('catalogue').policies(), getService('taxonomy').nameLookup()]);
    const only = options.documentIds?.length ? options.documentIds.map((id) => byId.get(id)).filter((p): p is MatchablePolicy => Boolean(p)) : policies;

    // First pass: compiled rules, status only. Unknown results are re-evaluated for their missing
    // facts, and explanations are only built for what is returned.
    const prepared = { kind: profile.kind, prepared: prepareFacts(profile, options.asOf, registry) };
    const scored: { policy: MatchablePolicy; outcome: { status: MatchStatus; regionDistance: number | null; missing: string[] } }[] = [];
    const counts = { eligible: 0, 'possibly-eligible': 0, ineligible: 0 };
    for (const policy of only) {
      const found: string[] = [];
      const quick = quickStatus(policy, compiled.get(policy.documentId)!, prepared, options.asOf, found);
      counts[quick.status] += 1;
      if (quick.status === 'ineligible' && !options.includeIneligible) continue;
      scored.push({ policy, outcome: { ...quick, missing: found.length ? [...new Set(found)] : found } });
    }
    const missingFacts = rankMissingFacts(scored.map((s) => s.outcome), registry);
    scored.sort(
      (a, b) =>
        STATUS_RANK[a.outcome.status] - STATUS_RANK[b.outcome.status] ||
        regionRank(a.policy, a.outcome) - regionRank(b.policy, b.outcome) ||
        (a.policy.applicationDeadline ?? '9999').localeCompare(b.policy.applicationDeadline ?? '9999') ||
        (b.policy.publishDate ?? '').localeCompare(a.policy.publishDate ?? '') ||
        a.policy.documentId.localeCompare(b.policy.documentId)
    );
    const limit = options.limit ?? 20;
    const data = scored.slice(0, limit).map(({ policy }, i) => {
      const o = evaluatePolicy(policy, profile, { registry, asOf: options.asOf, names });
      const jurisdictionName = policy.jurisdiction ? names(policy.jurisdiction) : undefined;
      return {
        rank: i + 1,
        documentId: policy.documentId,
        title: policy.title,
        titleBo: policy.titleBo ?? null,
        status: o.status,
        reasons: o.reasons,
        ownRegion: o.regionDistance === 0,
        jurisdiction: policy.jurisdiction ? { code: policy.jurisdiction, nameZh: jurisdictionName?.zh ?? null, nameBo: jurisdictionName?.bo ?? null, check: o.jurisdiction } : null,
        tags: policy.tags,
        applicationDeadline: policy.applicationDeadline,
        validTo: policy.validTo,
        benefits: o.clauses.filter((c) => c.status !== 'ineligible').map((c) => ({ zh: c.benefit, bo: c.benefitBo ?? null })),
        clauses: o.clauses.map((c) => ({ index: c.index, text: c.text, textBo: c.textBo ?? null, benefit: c.benefit, benefitBo: c.benefitBo ?? null, status: c.status, explanations: c.explanations, missing: c.missing })),
        missing: o.missing,
      };
    });
    return { data, meta: { asOf: options.asOf, total: scored.length, counts, missingFacts } };
  },
});
