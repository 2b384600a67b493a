import type { Core } from '@strapi/strapi';
import type { MatchablePolicy } from '../utils/evaluate-policy';
import { compileRule, type CompiledRule } from '../utils/compile-rule';
import type { Registry } from '../utils/registry';
import { getService } from '../utils/get-service';
import { toIsoDate } from '../utils/dates';
import { policyUid } from '../utils/policy-uid';
import { ELIGIBILITY_UID, REVISION_UID, TAG_UID } from '../utils/uids';
import { singleFlight } from '../utils/single-flight';
import { visibleDisclosureWhere } from '../utils/disclosure';
import type { EligibilityRow } from './eligibility';

/** The columns of a policy version the matcher reads. */
export interface PolicyRow {
  documentId: string;
  locale: string | null;
  title: string;
  validity: string | null;
  validFrom: string | Date | null;
  validTo: string | Date | null;
  publishDate: string | Date | null;
  themeCategory: string | null;
}

/** What the forward match's caches are checked against, read together on every match. */
export interface Revisions {
  catalogue: string;
  taxonomy: string;
  /** The fact registry's revision row (`registry.current` takes it instead of reading the row again). */
  registry: string;
}

const CATALOGUE_KEY = 'catalogueVersion';

/**
 * Every published policy that has an eligibility, in the shape the matcher evaluates, with its
 * clause rules compiled, kept in memory. Whichever instance handles a write (an eligibility save,
 * a policy publish, unpublish or delete) bumps a version row in the database; every call
 * reads that one row and rebuilds when it changed, so another instance's write is seen at once and
 * correctness never rests on this instance's cache or on having heard the event.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { revision: string; registry: Registry; policies: MatchablePolicy[]; byId: Map<string, MatchablePolicy>; compiled: Map<string, (CompiledRule | null)[]> } | null = null;
  const store = () => strapi.store({ type: 'plugin', name: 'policy-match' });

  /**
   * The catalogue's version row, the fact registry's revision row and the tag table's fingerprint (row
   * count, latest change) in one
   * statement, shared by the requests that arrive while it runs (single flight): one pool
   * acquisition per burst of matches instead of two per match, and still every write committed
   * before a request arrived is seen by it.
   */
  const readRevisions = singleFlight(async (): Promise<Revisions> => {
    const knex = strapi.db.connection;
    const storeTable = strapi.db.metadata.get('strapi::core-store').tableName;
    const tags = strapi.db.metadata.get(TAG_UID).tableName;
    const revisionTable = strapi.db.metadata.get(REVISION_UID).tableName;
    const [row] = (await knex.select({
      catalogue: knex(storeTable).select('value').where({ key: `plugin_policy-match_${CATALOGUE_KEY}` }).whereNull('environment').whereNull('tag').limit(1),
      n: knex(tags).count('*'),
      stamp: knex(tags).max('updated_at'),
      registry: knex(revisionTable).select('value').where({ name: 'registry' }).limit(1),
    })) as { catalogue: string | null; n: number | string; stamp: string | number | Date | null; registry: string | null }[];
    return {
      catalogue: row.catalogue ?? 'initial',
      taxonomy: `${Number(row.n)}:${row.stamp ? new Date(row.stamp).getTime() : 0}`,
      registry: row.registry ?? 'initial',
    };
  });

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
    /** The revisions every match checks its caches against (see `readRevisions`). */
    revisions: readRevisions,

    /** The fact registry rules are validated, compiled and evaluated with (stored facts, by revision). */
    async registry(revisions?: Revisions): Promise<Registry> {
      return getService('registry').current((revisions ?? (await readRevisions())).registry);
    },

    async policies(revisions?: Revisions) {
      const r = revisions ?? (await readRevisions());
      const [current, facts] = [r.catalogue, await getService('registry').current(r.registry)];
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
      await store().set({ key: CATALOGUE_KEY, value: `${Date.now()}-${Math.random().toString(36).slice(2, 10)}` });
    },
  };
};
