import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { closedReasons, evaluatePolicy, quickStatus, type MatchablePolicy } from '../utils/evaluate-policy';
import { prepareFacts } from '../utils/compile-rule';
import { todayInChina } from '../utils/dates';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { regionAncestors, regionRange } from '../utils/region';
import { applyCond, policyPrefilter } from '../utils/rule-prefilter';
import { INBOX_UID, PROFILE_TAG_UID, PROFILE_UID, SUBSCRIPTION_UID } from '../utils/uids';
import { emitEvent, optionalService } from '@jiyue/kernel';
import type { RawBindings } from '../utils/knex';

const parseFacts = (facts: unknown): Record<string, unknown> => (typeof facts === 'string' ? JSON.parse(facts) : (facts as Record<string, unknown>) ?? {});

/**
 * Reverse match (政策找人): which stored profiles a policy reaches. The indexed columns pre-filter
 * in SQL (kind, region range, birth-date range for ages, tag rows, size, industry …), then every
 * candidate's rule is evaluated in JS, so the count is exact. Only consented profiles are stored.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <T>(key: string) => strapi.plugin('policy-match').config(key) as T;
  const tables = () => ({
    profiles: strapi.db.metadata.get(PROFILE_UID).tableName,
    tags: strapi.db.metadata.get(PROFILE_TAG_UID).tableName,
    schema: strapi.db.getSchemaName?.() || undefined,
    raw: (sql: string, bindings?: unknown[]) => strapi.db.connection.raw(sql, bindings as RawBindings),
    postgres: strapi.db.dialect.client === 'postgres',
  });

  /** Streams candidate profiles in id order (keyset pages), pre-filtered in SQL unless told not to. */
  async function* candidates(policy: MatchablePolicy, asOf: string, { prefilter = true, onlySubscribedUsers }: { prefilter?: boolean; onlySubscribedUsers?: number[] } = {}) {
    const t = tables();
    const cond = prefilter ? policyPrefilter(policy, asOf) : true;
    const batch = config<number>('audienceBatchSize');
    let lastId = 0;
    for (;;) {
      let q = strapi.db.getConnection(t.profiles).select(`${t.profiles}.id`, `${t.profiles}.user_id`, `${t.profiles}.kind`, `${t.profiles}.facts`, `${t.profiles}.region_code`);
      q = applyCond(q, cond, t);
      if (onlySubscribedUsers) q = q.whereIn(`${t.profiles}.user_id`, onlySubscribedUsers).where(`${t.profiles}.subscribed`, true);
      const rows = await q.where(`${t.profiles}.id`, '>', lastId).orderBy(`${t.profiles}.id`, 'asc').limit(batch);
      if (!rows.length) return;
      yield rows as { id: number; user_id: number; kind: 'individual' | 'enterprise'; facts: unknown; region_code: string | null }[];
      lastId = rows[rows.length - 1].id;
      if (rows.length < batch) return;
    }
  }

  const matchable = async (documentId: string) => {
    const { byId } = await getService('catalogue').policies();
    return byId.get(documentId) ?? null;
  };
  const compiledOf = async (documentId: string) => {
    const { compiled, registry } = await getService('catalogue').policies();
    return { compiled: compiled.get(documentId)!, registry };
  };

  return {
    async audience(documentId: string, { asOf = todayInChina(), prefilter = true }: { asOf?: string; prefilter?: boolean } = {}) {
      const policy = await matchable(documentId);
      if (!policy) throw new errors.NotFoundError(`policy ${documentId} is not published or has no eligibility`);
      const started = performance.now();
      const closed = closedReasons(policy, asOf);
      const byRegion = new Map<string, number>();
      const sample: { profileId: number; kind: string; regionCode: string | null }[] = [];
      let count = 0;
      let evaluated = 0;
      const sampleSize = config<number>('audienceSampleSize');
      const { compiled, registry } = await compiledOf(documentId);
      if (!closed.length) {
        for await (const rows of candidates(policy, asOf, { prefilter })) {
          for (const row of rows) {
            evaluated += 1;
            if (quickStatus(policy, compiled, { kind: row.kind, prepared: prepareFacts({ kind: row.kind, facts: parseFacts(row.facts) }, asOf, registry) }, asOf).status !== 'eligible') continue;
            count += 1;
            const region = row.region_code ?? 'unknown';
            byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
            if (sample.length < sampleSize) sample.push({ profileId: row.id, kind: row.kind, regionCode: row.region_code });
          }
        }
      }
      const names = await getService('taxonomy').nameLookup();
      return {
        documentId, asOf, count, closedReasons: closed, evaluated, prefilter,
        byRegion: [...byRegion.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => ({ code, nameZh: names(code)?.zh ?? null, nameBo: names(code)?.bo ?? null, count: n })),
        sample,
        tookMs: Math.round(performance.now() - started),
      };
    },

    /** Users subscribed to one of the policy's tags, its theme, or a region it applies in (or that contains it). */
    async subscribers(policy: MatchablePolicy): Promise<number[]> {
      const table = strapi.db.metadata.get(SUBSCRIPTION_UID).tableName;
      const q = strapi.db.getConnection(table).distinct('user_id').where((w) => {
        if (policy.tags.length) w.orWhere((s) => s.where('kind', 'tag').whereIn('value', policy.tags));
        if (policy.themeCategory) w.orWhere((s) => s.where('kind', 'theme').where('value', policy.themeCategory));
        if (policy.jurisdiction) {
          const [lo, hi] = regionRange(policy.jurisdiction);
          w.orWhere((s) => s.where('kind', 'region').where((r) => r.whereIn('value', [policy.jurisdiction, ...regionAncestors(policy.jurisdiction!)]).orWhereBetween('value', [lo, hi])));
        } else {
          w.orWhere('kind', 'region');
        }
      });
      return ((await q) as { user_id: number }[]).map((r) => r.user_id);
    },

    /**
     * On publish: subscribed users whose stored profile makes them eligible or possibly eligible get
     * one inbox item each (unique per user and policy, so a repeated event adds nothing), and the
     * configured sites get a distribution webhook. Runs off the request path.
     */
    async notifyPublished(documentId: string) {
      const policy = await matchable(documentId);
      const asOf = todayInChina();
      if (!policy || closedReasons(policy, asOf).length) return { notified: 0 };
      const users = await this.subscribers(policy);
      const { registry } = await getService('catalogue').policies();
      let notified = 0;
      const counts = { eligible: 0, 'possibly-eligible': 0 };
      for (let i = 0; i < users.length; i += 1000) {
        const chunk = users.slice(i, i + 1000);
        const matched: { userId: number; status: string }[] = [];
        for await (const rows of candidates(policy, asOf, { prefilter: false, onlySubscribedUsers: chunk })) {
          for (const row of rows) {
            const { status } = evaluatePolicy(policy, { kind: row.kind, facts: parseFacts(row.facts) }, { registry, asOf, explain: false });
            if (status !== 'ineligible') matched.push({ userId: row.user_id, status });
          }
        }
        if (!matched.length) continue;
        const existing = new Set(
          (await strapi.db.query(INBOX_UID).findMany({ where: { policyDocumentId: documentId, kind: 'policy-published', userId: { $in: matched.map((m) => m.userId) } }, select: ['userId'] }) as { userId: number }[]).map((r) => r.userId)
        );
        for (const m of matched) {
          if (existing.has(m.userId)) continue;
          try {
            await strapi.db.query(INBOX_UID).create({ data: { userId: m.userId, policyDocumentId: documentId, kind: 'policy-published', status: m.status, title: policy.title } });
            notified += 1;
            counts[m.status as keyof typeof counts] += 1;
          } catch {
            // another instance handled the same event first (unique user+policy+kind)
          }
        }
      }
      if (notified) {
        emitEvent(strapi.eventHub, 'policy-match.audience.notified', { uid: policyUid(), documentId, notified, ...counts });
        const outbox = optionalService(strapi, 'distribution', 'outbox');
        for (const site of config<string[]>('audienceWebhookSites')) {
          try {
            await outbox?.notify({ site, event: 'policy-match.audience.matched', payload: { uid: policyUid(), documentId, title: policy.title, notified, ...counts } });
          } catch (e) {
            strapi.log.warn(`policy-match: distribution webhook for ${site} failed: ${(e as Error).message}`);
          }
        }
      }
      return { notified, ...counts };
    },
  };
};
