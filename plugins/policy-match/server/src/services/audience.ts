import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { closedReasons, evaluatePolicy, quickStatus, type MatchablePolicy } from '../utils/evaluate-policy';
import { prepareFacts } from '../utils/compile-rule';
import { todayInChina } from '../utils/dates';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { regionAncestors, regionRange } from '../utils/region';
import type { Registry } from '../utils/registry';
import { jurisdictionFact } from '../utils/evaluate-policy';
import { applyCond, policyPrefilter, ruleFacts, subqueryCount, type Cond, type Filter, type SqlTarget } from '../utils/rule-prefilter';
import { INBOX_UID, PROFILE_FACT_UID, PROFILE_UID, SUBSCRIPTION_UID } from '../utils/uids';
import { emitEvent, optionalService } from '@jiyue/kernel';
import type { RawBindings } from '../utils/knex';
import { policyVersion, type AudienceRun } from './audience-jobs';

const parseFacts = (facts: unknown): Record<string, unknown> => (typeof facts === 'string' ? JSON.parse(facts) : (facts as Record<string, unknown>) ?? {});

type Kind = 'individual' | 'enterprise';
type CandidateRow = { id: number; user_id: number; kind: Kind; facts: unknown; region_code: string | null };
export type AudienceSample = { profileId: number; kind: string; regionCode: string | null };

/** Whether a policy's rules or jurisdiction touch a sensitive fact or tag: its audience sample is then withheld. */
export const touchesSensitive = (registry: Registry, policy: MatchablePolicy, sensitiveTags: ReadonlySet<string>): boolean => {
  const used = policy.clauses.flatMap((c) => (c.rule ? ruleFacts(c.rule) : []));
  for (const kind of ['individual', 'enterprise'] as const) used.push({ fact: jurisdictionFact(policy, kind) });
  return used.some(({ fact, value, op }) => {
    const def = registry.get(fact);
    if (!def) return false;
    if (def.sensitive) return true;
    if (def.type !== 'tag-list' || op === 'exists') return false;
    return (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && sensitiveTags.has(v));
  });
};

/** Cells of the by-region breakdown below this count are not shown for a sensitive policy. */
const SMALL_CELL = 5;

/**
 * Reverse match (政策找人): which stored profiles a policy reaches. The policy's condition becomes
 * SQL over the profiles' kind and home-region columns and their typed fact rows
 * (`utils/rule-prefilter.ts`). When that condition is exact, SQL counts alone; otherwise it narrows
 * the candidates, and every candidate's rule is evaluated in JS, so the count is exact either way.
 * Only consented profiles are stored.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <T>(key: string) => strapi.plugin('policy-match').config(key) as T;
  const tables = (): SqlTarget => ({
    profiles: strapi.db.metadata.get(PROFILE_UID).tableName,
    facts: strapi.db.metadata.get(PROFILE_FACT_UID).tableName,
    schema: strapi.db.getSchemaName?.() || undefined,
    raw: (sql: string, bindings?: unknown[]) => strapi.db.connection.raw(sql, bindings as RawBindings),
    postgres: strapi.db.dialect.client === 'postgres',
  });

  const base = (t: SqlTarget) => strapi.db.getConnection(t.profiles);

  /** Streams candidate profiles in id order (keyset pages after `afterId`), narrowed by `cond` (none: every profile). */
  async function* candidates(cond: Cond, { onlySubscribedUsers, afterId = 0 }: { onlySubscribedUsers?: number[]; afterId?: number } = {}) {
    const t = tables();
    const batch = config<number>('audienceBatchSize');
    let lastId = afterId;
    for (;;) {
      let q = base(t).select(`${t.profiles}.id`, `${t.profiles}.user_id`, `${t.profiles}.kind`, `${t.profiles}.facts`, `${t.profiles}.region_code`);
      q = applyCond(q, cond, t);
      if (onlySubscribedUsers) q = q.whereIn(`${t.profiles}.user_id`, onlySubscribedUsers).where(`${t.profiles}.subscribed`, true);
      const rows = (await q.where(`${t.profiles}.id`, '>', lastId).orderBy(`${t.profiles}.id`, 'asc').limit(batch)) as CandidateRow[];
      if (!rows.length) return;
      yield rows;
      lastId = rows[rows.length - 1].id;
      if (rows.length < batch) return;
    }
  }

  const matchable = async (documentId: string) => {
    const { byId } = await getService('catalogue').policies();
    return byId.get(documentId) ?? null;
  };

  /** The answer's region cells, by count; a sensitive policy hides the small ones. */
  const regionCells = async (byRegion: Map<string, number>, sensitive: boolean) => {
    const names = await getService('taxonomy').nameLookup();
    return [...byRegion.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => {
      const cell = { code, nameZh: names(code)?.zh ?? null, nameBo: names(code)?.bo ?? null };
      return sensitive && n < SMALL_CELL ? { ...cell, count: null, belowThreshold: true } : { ...cell, count: n };
    });
  };

  /** The plan of one policy on one day: its SQL condition, whether it is exact, how heavy it is. */
  const plan = async (documentId: string, asOf: string, prefilter = true) => {
    // the registry the catalogue compiled the rules with
    const { byId, compiled, registry } = await getService('catalogue').policies();
    const policy = byId.get(documentId);
    if (!policy) throw new errors.NotFoundError(`policy ${documentId} is not published or has no eligibility`);
    const filter: Filter = prefilter ? policyPrefilter(registry, policy, asOf) : { cond: true, exact: false };
    const sensitive = touchesSensitive(registry, policy, await getService('profiles').sensitiveTags());
    return { policy, registry, compiled: compiled.get(documentId)!, filter, sensitive, closed: closedReasons(policy, asOf), subqueries: subqueryCount(filter.cond) };
  };

  /** Evaluates candidates in JS from `afterId` on; `onPage` sees the running totals after every page (checkpoints). */
  const evaluateCandidates = async (
    p: Awaited<ReturnType<typeof plan>>,
    asOf: string,
    state: { count: number; evaluated: number; byRegion: Map<string, number>; sample: AudienceSample[]; lastId: number },
    onPage?: () => Promise<boolean>
  ) => {
    const sampleSize = config<number>('audienceSampleSize');
    for await (const rows of candidates(p.filter.cond, { afterId: state.lastId })) {
      for (const row of rows) {
        state.evaluated += 1;
        state.lastId = row.id;
        if (quickStatus(p.policy, p.compiled, { kind: row.kind, prepared: prepareFacts({ kind: row.kind, facts: parseFacts(row.facts) }, asOf, p.registry) }, asOf).status !== 'eligible') continue;
        state.count += 1;
        const region = row.region_code ?? 'unknown';
        state.byRegion.set(region, (state.byRegion.get(region) ?? 0) + 1);
        if (state.sample.length < sampleSize) state.sample.push({ profileId: row.id, kind: row.kind, regionCode: row.region_code });
      }
      if (onPage && !(await onPage())) return false;
    }
    return true;
  };

  /** An exact condition counted by SQL alone: one GROUP BY and one sample page. */
  const countExact = async (cond: Cond) => {
    const t = tables();
    const grouped = (await applyCond(base(t).select(`${t.profiles}.region_code as region`).count('* as n'), cond, t).groupBy(`${t.profiles}.region_code`)) as { region: string | null; n: number | string }[];
    const byRegion = new Map<string, number>();
    let count = 0;
    for (const g of grouped) {
      byRegion.set(g.region ?? 'unknown', (byRegion.get(g.region ?? 'unknown') ?? 0) + Number(g.n));
      count += Number(g.n);
    }
    const sampleRows = (await applyCond(base(t).select(`${t.profiles}.id`, `${t.profiles}.kind`, `${t.profiles}.region_code`), cond, t)
      .orderBy(`${t.profiles}.id`, 'asc').limit(config<number>('audienceSampleSize'))) as { id: number; kind: string; region_code: string | null }[];
    return { count, byRegion, sample: sampleRows.map((r) => ({ profileId: r.id, kind: r.kind, regionCode: r.region_code })) };
  };

  /** How many candidates the condition leaves, counted up to `limit` (the inline plan asks "more than N?"). */
  const candidateCount = async (cond: Cond, limit?: number) => {
    const t = tables();
    let inner = applyCond(base(t).select(`${t.profiles}.id`), cond, t);
    if (limit !== undefined) inner = inner.limit(limit);
    const [row] = (await strapi.db.connection.count('* as n').from(inner.as('c'))) as { n: number | string }[];
    return Number(row.n);
  };

  /** The answer of the GET, from a result (computed now or stored). */
  const answer = async (
    p: Awaited<ReturnType<typeof plan>>,
    asOf: string,
    version: string,
    r: { count: number | null; evaluated: number | null; byRegion: Map<string, number>; sample: AudienceSample[]; exact: boolean | null; tookMs: number | null; computedAt: Date | null; policyVersion: string | null },
    source: 'computed' | 'stored' | 'pending',
    run: AudienceRun | null
  ) => ({
    documentId: p.policy.documentId, asOf, count: r.count, closedReasons: p.closed,
    byRegion: await regionCells(r.byRegion, p.sensitive),
    sample: p.sensitive ? [] : r.sample,
    sampleWithheld: p.sensitive ? ('sensitive' as const) : null,
    evaluated: r.evaluated, prefilter: true, exact: r.exact, tookMs: r.tookMs,
    computedAt: r.computedAt ? r.computedAt.toISOString() : null,
    ageSeconds: r.computedAt ? Math.max(0, Math.round((Date.now() - r.computedAt.getTime()) / 1000)) : null,
    policyVersion: version, current: r.policyVersion === null || r.policyVersion === version, source,
    run: run && run.status !== 'done' ? { id: run.id, status: run.status, evaluated: run.evaluated ?? 0, estimated: run.estimated ?? null, startedAt: run.startedAt ?? null } : null,
  });

  const jobs = () => getService('audience-jobs');

  return {
    plan,
    evaluateCandidates,
    countExact,
    candidateCount,
    regionCells,

    /**
     * The GET (design 5.2): inline when the condition is exact and light, or leaves few enough
     * candidates to evaluate in the request; the result is stored. Otherwise the newest stored
     * result at once, with its age, and a background run queued for this policy version and day.
     */
    async find(documentId: string, { asOf = todayInChina(), requestedById = null }: { asOf?: string; requestedById?: number | null } = {}) {
      const p = await plan(documentId, asOf);
      const version = policyVersion(p.policy, p.registry);
      const inlineMax = config<number>('audienceInlineMax');
      const light = p.closed.length > 0 || (p.filter.exact && p.subqueries <= config<number>('audienceInlineSubqueries'));
      // a heavy policy answers from the store at once: a result of this version and day, or the run computing it
      const last = light ? null : await jobs().latest(documentId, version, asOf);
      const upToDate = !!last && last.policyVersion === version && last.asOf === asOf;
      const open = light ? null : await jobs().open(documentId, version, asOf);
      const inline =
        light ||
        (upToDate ? (last!.evaluated ?? Infinity) <= inlineMax : !open && (await candidateCount(p.filter.cond, inlineMax + 1)) <= inlineMax);
      if (inline) {
        const r = await this.audience(documentId, { asOf });
        const stored = await jobs().storeDone(documentId, version, asOf, {
          count: r.count, evaluated: r.evaluated, byRegion: r.rawRegions, sample: r.rawSample,
          sampleWithheld: r.sampleWithheld, exact: r.exact, tookMs: r.tookMs,
        });
        return answer(p, asOf, version, { ...r, byRegion: r.rawRegions, sample: r.rawSample, computedAt: stored ? new Date(stored.finishedAt ?? Date.now()) : new Date(), policyVersion: version }, 'computed', null);
      }
      // no new run while one is open or the result is current (POST …/runs asks for one)
      const run = open ?? (upToDate ? null : await jobs().enqueue(documentId, version, asOf, requestedById));
      if (!last) {
        return answer(p, asOf, version, { count: null, evaluated: null, byRegion: new Map(), sample: [], exact: null, tookMs: null, computedAt: null, policyVersion: null }, 'pending', run);
      }
      return answer(p, asOf, version, {
        count: last.count, evaluated: last.evaluated, byRegion: new Map(Object.entries(last.byRegion ?? {})), sample: last.sample ?? [], exact: last.exact,
        tookMs: last.tookMs, computedAt: last.finishedAt ? new Date(last.finishedAt) : null, policyVersion: last.policyVersion,
      }, 'stored', run);
    },

    /** POST …/audience/runs: a fresh background run of the current version (重新计算). */
    async requestRun(documentId: string, { asOf = todayInChina(), requestedById = null }: { asOf?: string; requestedById?: number | null } = {}) {
      const p = await plan(documentId, asOf);
      return jobs().enqueue(documentId, policyVersion(p.policy, p.registry), asOf, requestedById);
    },

    /**
     * Who the policy reaches on `asOf`, computed now. `prefilter: false` evaluates every stored
     * profile in JS (the check the tests hold the SQL side to).
     */
    async audience(documentId: string, { asOf = todayInChina(), prefilter = true }: { asOf?: string; prefilter?: boolean } = {}) {
      const started = performance.now();
      const p = await plan(documentId, asOf, prefilter);
      let result: { count: number; evaluated: number; byRegion: Map<string, number>; sample: AudienceSample[] };
      if (p.closed.length) result = { count: 0, evaluated: 0, byRegion: new Map(), sample: [] };
      else if (prefilter && p.filter.exact) {
        const exact = await countExact(p.filter.cond);
        result = { ...exact, evaluated: exact.count };
      } else {
        const state = { count: 0, evaluated: 0, byRegion: new Map<string, number>(), sample: [] as AudienceSample[], lastId: 0 };
        await evaluateCandidates(p, asOf, state);
        result = state;
      }
      return {
        documentId, asOf, count: result.count, closedReasons: p.closed, evaluated: result.evaluated, prefilter, exact: prefilter && p.filter.exact,
        byRegion: await regionCells(result.byRegion, p.sensitive),
        sample: p.sensitive ? [] : result.sample,
        sampleWithheld: p.sensitive ? ('sensitive' as const) : null,
        tookMs: Math.round(performance.now() - started),
        /** The uncensored counts per region and sample, for storing (never answered as such). */
        rawRegions: result.byRegion,
        rawSample: p.sensitive ? [] : result.sample,
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
        for await (const rows of candidates(true, { onlySubscribedUsers: chunk })) {
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
