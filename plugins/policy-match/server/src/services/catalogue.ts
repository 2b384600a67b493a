import type { Core } from '@strapi/strapi';
import type { MatchablePolicy } from '../utils/evaluate-policy';
import { compileRule, type CompiledRule } from '../utils/compile-rule';
import { registryFromDefs, type Registry } from '../utils/registry';
import { STARTER_FACTS } from '../data/starter-facts';
import { toIsoDate } from '../utils/dates';
import { policyUid } from '../utils/policy-uid';
import { ELIGIBILITY_UID } from '../utils/uids';
import { visibleDisclosureWhere } from '../utils/disclosure';
import type { EligibilityRow } from './eligibility';

/** The columns of a policy version the matcher reads. */
interface PolicyRow {
  documentId: string;
  locale: string | null;
  title: string;
  validity: string | null;
  validFrom: string | Date | null;
  validTo: string | Date | null;
  publishDate: string | Date | null;
  themeCategory: string | null;
}

/**
 * Every published policy that has an eligibility, in the shape the matcher evaluates, with its
 * clause rules compiled, kept in memory. Whichever instance handles a write (an eligibility save,
 * a policy publish, unpublish or delete) bumps a version row in the database; every call
 * reads that one row and rebuilds when it changed, so another instance's write is seen at once and
 * correctness never rests on this instance's cache or on having heard the event.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { revision: string; registry: Registry; policies: MatchablePolicy[]; byId: Map<string, MatchablePolicy>; compiled: Map<string, (CompiledRule | null)[]> } | null = null;
  // B: the fact registry rules are validated, compiled and evaluated with — the starter set until the
  // registry service (developer A) serves the stored facts; then its current() goes here.
  const starter = registryFromDefs(STARTER_FACTS);
  const registry = async (): Promise<Registry> => starter;
  const store = () => strapi.store({ type: 'plugin', name: 'policy-match' });

  const revision = async () => String((await store().get({ key: 'catalogueVersion' })) ?? 'initial');

  const build = async (): Promise<MatchablePolicy[]> => {
    const rules = await strapi.db.query(ELIGIBILITY_UID).findMany({});
    if (!rules.length) return [];
    const rows = await strapi.db.query(policyUid()).findMany({
      // 不予公开 policies are never matched, notified or named (kernel disclosure rule)
      where: { publishedAt: { $notNull: true }, ...visibleDisclosureWhere() },
      select: ['documentId', 'locale', 'title', 'validity', 'validFrom', 'validTo', 'publishDate', 'themeCategory'],
    });
    const preferred = strapi.plugin('policy-match').config('matchLocale') as string;
    const versions = new Map<string, { main?: PolicyRow; bo?: PolicyRow }>();
    for (const r of rows as PolicyRow[]) {
      const v = versions.get(r.documentId) ?? {};
      if (String(r.locale ?? '').startsWith('bo')) v.bo = r;
      else if (!v.main || r.locale === preferred) v.main = r;
      versions.set(r.documentId, v);
    }
    const out: MatchablePolicy[] = [];
    for (const e of rules as EligibilityRow[]) {
      const v = versions.get(e.policyDocumentId);
      const p = v?.main ?? v?.bo;
      if (!p) continue;
      out.push({
        documentId: e.policyDocumentId, title: p.title, titleBo: v?.bo?.title ?? null, audience: e.audience, tags: e.tags ?? [],
        jurisdiction: e.jurisdiction ?? null, applicationDeadline: toIsoDate(e.applicationDeadline), validity: p.validity ?? 'valid',
        validFrom: toIsoDate(p.validFrom), validTo: toIsoDate(p.validTo), publishDate: p.publishDate ? new Date(p.publishDate).toISOString() : null,
        themeCategory: p.themeCategory ?? null, clauses: e.clauses ?? [], jurisdictionFacts: e.jurisdictionFacts ?? null,
      });
    }
    return out;
  };

  return {
    registry,

    async policies() {
      const [current, facts] = await Promise.all([revision(), registry()]);
      if (cached?.revision !== current || cached.registry.revision !== facts.revision) {
        const policies = await build();
        cached = {
          revision: current, registry: facts, policies, byId: new Map(policies.map((p) => [p.documentId, p])),
          compiled: new Map(policies.map((p) => [p.documentId, p.clauses.map((c) => (c.rule ? compileRule(c.rule, facts) : null))])),
        };
      }
      return cached;
    },

    /** Drops this instance's copy only (benchmarks use it to time a cold build). */
    invalidate() {
      cached = null;
    },

    /** Marks every instance's copy stale: called after any write that changes what matches. */
    async bump() {
      cached = null;
      await store().set({ key: 'catalogueVersion', value: `${Date.now()}-${Math.random().toString(36).slice(2, 10)}` });
    },
  };
};
