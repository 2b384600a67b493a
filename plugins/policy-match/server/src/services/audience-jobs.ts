import type { Core } from '@strapi/strapi';
import { claimRows, finishClaimed, renewLease, stableHash, updateClaimed, type LeaseTable } from '@jiyue/kernel';
import type { MatchablePolicy } from '../utils/evaluate-policy';
import { getService } from '../utils/get-service';
import type { RawBindings } from '../utils/knex';
import type { Registry } from '../utils/registry';
import { AUDIENCE_RUN_UID } from '../utils/uids';
import type { AudienceSample } from './audience';

/** A stored run (the columns read back). */
export interface AudienceRun {
  id: number;
  policyDocumentId: string;
  policyVersion: string;
  asOf: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  claimToken: string | null;
  leaseUntil: number | string | null;
  lastProfileId: number | null;
  evaluated: number | null;
  count: number | null;
  byRegion: Record<string, number> | null;
  sample: AudienceSample[] | null;
  sampleWithheld: string | null;
  estimated: number | null;
  exact: boolean | null;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  tookMs: number | null;
  error: string | null;
}

export interface AudienceJobsConfig {
  enabled: boolean;
  pollMs: number;
  leaseMs: number;
}

/** Done runs kept per policy (older ones are deleted when a run finishes). */
const KEEP_DONE = 5;

const asJson = <T>(v: unknown): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? null));

/** What a policy's audience depends on: its rules, jurisdiction, validity and the registry revision. */
export const policyVersion = (policy: MatchablePolicy, registry: Registry): string =>
  stableHash({
    audience: policy.audience, jurisdiction: policy.jurisdiction, jurisdictionFacts: policy.jurisdictionFacts ?? null, deadline: policy.applicationDeadline,
    validity: policy.validity, validFrom: policy.validFrom, validTo: policy.validTo, rules: policy.clauses.map((c) => c.rule ?? null), registry: registry.revision,
  }).slice(0, 64);

/**
 * Reverse-match runs that are too heavy for a GET (design 5.2–5.4): queued per policy version and
 * day, worked on one instance at a time under a database lease (`@jiyue/kernel` `db/lease`),
 * checkpointed after every page (a run taken over after a stall resumes after the last profile
 * written), the result kept for the GET to answer at once with its age.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.plugin('policy-match').config('audienceJobs') as AudienceJobsConfig;
  const leaseTable = (): LeaseTable => ({
    table: strapi.db.metadata.get(AUDIENCE_RUN_UID).tableName,
    schema: strapi.db.getSchemaName?.() || null,
    postgres: strapi.db.dialect.client === 'postgres',
    raw: (sql, bindings) => strapi.db.connection.raw(sql, bindings as RawBindings),
  });
  const runs = () => strapi.db.query(AUDIENCE_RUN_UID);
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<unknown> | null = null;

  const read = async (id: number) => {
    const row = (await runs().findOne({ where: { id } })) as AudienceRun | null;
    return row && { ...row, byRegion: asJson<Record<string, number>>(row.byRegion), sample: asJson<AudienceSample[]>(row.sample) };
  };

  return {
    policyVersion,

    /** The newest finished run of a policy: of this version and day if there is one, else the newest of any. */
    async latest(documentId: string, version: string, asOf: string) {
      const same = (await runs().findOne({ where: { policyDocumentId: documentId, policyVersion: version, asOf, status: 'done' }, orderBy: { finishedAt: 'desc' } })) as AudienceRun | null;
      const row = same ?? ((await runs().findOne({ where: { policyDocumentId: documentId, status: 'done' }, orderBy: { finishedAt: 'desc' } })) as AudienceRun | null);
      return row && (await read(row.id));
    },

    /** The queued or running run of this version and day, if any. */
    async open(documentId: string, version: string, asOf: string) {
      const row = (await runs().findOne({ where: { policyDocumentId: documentId, policyVersion: version, asOf, status: { $in: ['queued', 'running'] } }, orderBy: { id: 'desc' } })) as AudienceRun | null;
      return row && (await read(row.id));
    },

    /** Queues a run unless one is queued or running for the same policy version and day. */
    async enqueue(documentId: string, version: string, asOf: string, requestedById: number | null = null) {
      const existing = await this.open(documentId, version, asOf);
      if (existing) return existing;
      const row = (await runs().create({ data: { policyDocumentId: documentId, policyVersion: version, asOf, status: 'queued', evaluated: 0, count: 0, lastProfileId: 0, requestedById } })) as AudienceRun;
      return read(row.id);
    },

    /** A result computed inline, kept like a finished run. */
    async storeDone(documentId: string, version: string, asOf: string, result: { count: number; evaluated: number; byRegion: Map<string, number>; sample: AudienceSample[]; sampleWithheld: string | null; exact: boolean; tookMs: number }) {
      const now = new Date();
      const row = (await runs().create({
        data: {
          policyDocumentId: documentId, policyVersion: version, asOf, status: 'done', count: result.count, evaluated: result.evaluated, estimated: result.evaluated,
          byRegion: Object.fromEntries(result.byRegion), sample: result.sampleWithheld ? [] : result.sample, sampleWithheld: result.sampleWithheld, exact: result.exact,
          startedAt: new Date(now.getTime() - result.tookMs), finishedAt: now, tookMs: result.tookMs,
        },
      })) as AudienceRun;
      await this.prune(documentId);
      return read(row.id);
    },

    /** Deletes a policy's finished runs beyond the newest few. */
    async prune(documentId: string) {
      const done = (await runs().findMany({ where: { policyDocumentId: documentId, status: { $in: ['done', 'failed'] } }, orderBy: { id: 'desc' }, select: ['id'] })) as { id: number }[];
      const old = done.slice(KEEP_DONE).map((r) => r.id);
      if (old.length) await runs().deleteMany({ where: { id: { $in: old } } });
    },

    /** Claims the oldest queued run, or a running one whose holder stopped renewing its lease. */
    async claim(now = Date.now()) {
      const { token, ids } = await claimRows(leaseTable(), {
        where: `d.status = 'queued' OR (d.status = 'running' AND d.lease_until < ?)`, bindings: [now], limit: 1, leaseMs: cfg().leaseMs, set: { status: 'running' },
      });
      return ids.length ? { token, run: (await read(ids[0]))! } : null;
    },

    /**
     * Works one claimed run to its end (or until the claim is lost). `stopAfterPages` leaves it
     * mid-way, as a crashed instance would (tests of the takeover).
     */
    async work(claimed: { token: string; run: AudienceRun }, { stopAfterPages }: { stopAfterPages?: number } = {}) {
      const { token, run } = claimed;
      const t = leaseTable();
      const started = run.startedAt ? new Date(run.startedAt).getTime() : Date.now();
      const heartbeat = setInterval(() => void renewLease(t, [token], cfg().leaseMs).catch(() => undefined), Math.max(100, Math.floor(cfg().leaseMs / 3)));
      try {
        const audience = getService('audience');
        let p: Awaited<ReturnType<typeof audience.plan>>;
        try {
          p = await audience.plan(run.policyDocumentId, run.asOf);
        } catch (error) {
          await finishClaimed(t, run.id, token, { status: 'failed', error: (error as Error).message, finished_at: new Date() });
          return { status: 'failed' as const };
        }
        const version = policyVersion(p.policy, p.registry);
        if (version !== run.policyVersion) {
          await finishClaimed(t, run.id, token, { status: 'failed', error: 'the policy changed before the run finished', finished_at: new Date() });
          return { status: 'failed' as const };
        }
        if (!run.startedAt) await updateClaimed(t, run.id, token, { started_at: new Date(started), exact: p.filter.exact });
        const withheld = p.sensitive ? 'sensitive' : null;
        let state = {
          count: run.count ?? 0, evaluated: run.evaluated ?? 0, lastId: run.lastProfileId ?? 0,
          byRegion: new Map(Object.entries(run.byRegion ?? {})), sample: run.sample ?? [],
        };
        if (p.closed.length) state = { ...state, count: 0, evaluated: 0, byRegion: new Map(), sample: [] };
        else if (p.filter.exact) {
          const exact = await audience.countExact(p.filter.cond);
          state = { ...state, count: exact.count, evaluated: exact.count, byRegion: exact.byRegion, sample: exact.sample };
        } else {
          if (run.estimated === null || run.estimated === undefined) {
            await updateClaimed(t, run.id, token, { estimated: await audience.candidateCount(p.filter.cond) });
          }
          let pages = 0;
          const finished = await audience.evaluateCandidates(p, run.asOf, state, async () => {
            pages += 1;
            const kept = await updateClaimed(t, run.id, token, {
              last_profile_id: state.lastId, evaluated: state.evaluated, count: state.count,
              by_region: Object.fromEntries(state.byRegion), sample: withheld ? [] : state.sample,
            });
            return kept && (stopAfterPages === undefined || pages < stopAfterPages);
          });
          if (!finished) return { status: 'stopped' as const };
        }
        const ok = await finishClaimed(t, run.id, token, {
          status: 'done', count: state.count, evaluated: state.evaluated, last_profile_id: state.lastId, by_region: Object.fromEntries(state.byRegion),
          sample: withheld ? [] : state.sample, sample_withheld: withheld, exact: p.filter.exact, finished_at: new Date(), took_ms: Date.now() - started,
        });
        if (ok) await this.prune(run.policyDocumentId);
        return { status: ok ? ('done' as const) : ('stopped' as const) };
      } finally {
        clearInterval(heartbeat);
      }
    },

    /** Claims and works one run; null when there is none to do. */
    async runOnce(options: { stopAfterPages?: number } = {}) {
      const claimed = await this.claim();
      if (!claimed) return null;
      return { id: claimed.run.id, ...(await this.work(claimed, options)) };
    },

    /** The poller: one run at a time on this instance. */
    start() {
      if (timer || !cfg().enabled) return;
      timer = setInterval(() => {
        if (busy) return;
        busy = (async () => {
          try {
            while (timer && (await this.runOnce())) {
              // keep going while there is work
            }
          } catch (error) {
            strapi.log.warn(`policy-match: audience run failed: ${(error as Error).message}`);
          } finally {
            busy = null;
          }
        })();
      }, cfg().pollMs);
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await busy;
    },
  };
};
