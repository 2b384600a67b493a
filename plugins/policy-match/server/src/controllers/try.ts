import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseBody } from '@jiyue/kernel';
import { evaluatePolicy, rankMissingFacts, type MatchablePolicy } from '../utils/evaluate-policy';
import { toIsoDate, todayInChina } from '../utils/dates';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { parseTryFacts, tryBodyWith } from '../validation/try';
import { DEFAULT_RULE_LIMITS } from '../utils/validate-rule';
import type { Rule } from '../utils/validate-rule';
import type { PolicyRow } from '../services/catalogue';

/** The policy's own fields the matcher reads, from its current (draft) version: an editor tries what they are editing. */
interface PolicyVersion extends PolicyRow {
  publishedAt: string | Date | null;
}

const policyFields = async (strapi: Core.Strapi, documentId: string) => {
  const rows = (await strapi.db.query(policyUid()).findMany({
    where: { documentId },
    select: ['documentId', 'locale', 'title', 'validity', 'validFrom', 'validTo', 'publishDate', 'themeCategory', 'publishedAt'],
  })) as PolicyVersion[];
  if (!rows.length) throw new errors.NotFoundError(`no policy ${documentId}`);
  const preferred = strapi.plugin('policy-match').config('matchLocale') as string;
  const rank = (r: PolicyVersion) => (String(r.locale ?? '').startsWith('bo') ? 2 : 0) + (r.locale === preferred ? 0 : 1) + (r.publishedAt ? 0.5 : 0);
  const [main] = [...rows].sort((a, b) => rank(a) - rank(b));
  const bo = rows.find((r) => String(r.locale ?? '').startsWith('bo') && !r.publishedAt) ?? rows.find((r) => String(r.locale ?? '').startsWith('bo'));
  return { main, titleBo: bo?.title ?? null };
};

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    /**
     * POST /policy-match/policies/:documentId/try (admin): one profile against the draft in the body
     * (validated like a save: 400 with paths under `eligibility`, nothing stored) or the saved
     * eligibility; the status, why, each clause's explanations and the facts still missing.
     */
    async try(ctx) {
      const [{ byCode }, registry] = await Promise.all([getService('taxonomy').all(), getService('registry').current()]);
      const maxDepth = strapi.plugin('policy-match').config('maxRuleDepth') as number;
      const input = parseTryFacts(parseBody(tryBodyWith({ registry, tags: byCode, limits: { ...DEFAULT_RULE_LIMITS, maxDepth } }), ctx.request.body), registry);
      const { documentId } = ctx.params as { documentId: string };
      const { main, titleBo } = await policyFields(strapi, documentId);
      const draft = input.eligibility ?? null;
      const rules = draft ?? (await getService('eligibility').get(documentId));
      if (!rules) throw new errors.NotFoundError(`policy ${documentId} has no eligibility: send a draft as "eligibility"`);
      const asOf = input.asOf ?? todayInChina();
      const policy: MatchablePolicy = {
        documentId, title: main.title, titleBo, audience: rules.audience, tags: rules.tags, jurisdiction: rules.jurisdiction ?? null,
        jurisdictionFacts: rules.jurisdictionFacts ?? null,
        applicationDeadline: rules.applicationDeadline ?? null, validity: main.validity ?? 'valid', validFrom: toIsoDate(main.validFrom), validTo: toIsoDate(main.validTo),
        publishDate: main.publishDate ? new Date(main.publishDate).toISOString() : null, themeCategory: main.themeCategory ?? null,
        clauses: rules.clauses.map((c) => ({ text: c.text, textBo: c.textBo ?? null, benefit: c.benefit, benefitBo: c.benefitBo ?? null, rule: (c.rule ?? null) as Rule | null })), // checked by eligibilityBody
      };
      const names = await getService('taxonomy').nameLookup();
      const outcome = evaluatePolicy(policy, input.profile, { registry, asOf, names, explain: true });
      ctx.body = {
        data: {
          documentId, title: policy.title, titleBo, asOf, draft: Boolean(draft), status: outcome.status, reasons: outcome.reasons,
          jurisdiction: outcome.jurisdiction,
          clauses: outcome.clauses.map((c) => ({ index: c.index, text: c.text, textBo: c.textBo ?? null, benefit: c.benefit, benefitBo: c.benefitBo ?? null, status: c.status, explanations: c.explanations, missing: c.missing })),
          missing: outcome.missing,
          missingFacts: rankMissingFacts([outcome], registry),
        },
      };
    },
  }) satisfies Core.Controller;
