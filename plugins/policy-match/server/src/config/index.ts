import { assertRateLimit } from '@jiyue/kernel';

export interface PolicyMatchConfig {
  /** Fallback when no content type opts in with pluginOptions['policy-match'].enabled. */
  policyUid: string;
  /** Locale whose title the match shows (a bo locale is shown beside it when present). */
  matchLocale: string;
  /** Rules nested deeper are refused at save. */
  maxRuleDepth: number;
  /** Writes per user per minute for each kind of engagement write (ratings, comments, …), counted in the database. */
  writesPerMinute: number;
  /** Sites whose distribution channels get `policy-match.audience.matched` when a published policy found its audience. */
  audienceWebhookSites: string[];
  /** Profiles shown as the reverse match's sample. */
  audienceSampleSize: number;
  /** Rows read per batch by the reverse match. */
  audienceBatchSize: number;
  // C: reverse match without a cliff (issue #19)
  /** The audience GET evaluates inline up to this many candidates; beyond it, a background run. */
  audienceInlineMax: number;
  /** An exact condition with at most this many fact subqueries is counted inline by SQL alone. */
  audienceInlineSubqueries: number;
  /** Background audience runs: the poller (off under NODE_ENV=test unless a test starts it), its lease. */
  audienceJobs: { enabled: boolean; pollMs: number; leaseMs: number };
  /** Per-client limits of public routes (client = IP through server.trustedProxies): `match` is POST /api/policy-match/match. */
  rateLimits: { match: { points: number; duration: number } };
}

const defaults: PolicyMatchConfig = {
  policyUid: 'api::policy.policy',
  matchLocale: 'zh-Hans',
  maxRuleDepth: 6,
  writesPerMinute: 20,
  audienceWebhookSites: [],
  audienceSampleSize: 10,
  audienceBatchSize: 5000,
  rateLimits: { match: { points: 30, duration: 60 } },
  // C: reverse match without a cliff (issue #19)
  audienceInlineMax: 100_000,
  audienceInlineSubqueries: 12,
  audienceJobs: { enabled: process.env.NODE_ENV !== 'test', pollMs: 2000, leaseMs: 15_000 },
};

const positiveInt = (config: Record<string, unknown>, key: string, max: number) => {
  const v = config[key];
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > max) throw new Error(`policy-match: config.${key} must be an integer from 1 to ${max}, got ${JSON.stringify(v)}`);
};

export default {
  default: defaults,
  validator(config: Record<string, unknown>) {
    if (typeof config.policyUid !== 'string' || !/^api::[\w-]+\.[\w-]+$/.test(config.policyUid)) throw new Error('policy-match: config.policyUid must be a content type uid such as api::policy.policy');
    if (typeof config.matchLocale !== 'string' || !config.matchLocale) throw new Error('policy-match: config.matchLocale must be a locale code');
    positiveInt(config, 'maxRuleDepth', 20);
    positiveInt(config, 'writesPerMinute', 10_000);
    positiveInt(config, 'audienceSampleSize', 100);
    positiveInt(config, 'audienceBatchSize', 100_000);
    // C: reverse match without a cliff (issue #19)
    positiveInt(config, 'audienceInlineMax', 10_000_000);
    positiveInt(config, 'audienceInlineSubqueries', 1000);
    const jobs = config.audienceJobs as Record<string, unknown> | undefined;
    if (!jobs || typeof jobs !== 'object' || typeof jobs.enabled !== 'boolean') throw new Error('policy-match: config.audienceJobs must be { enabled, pollMs, leaseMs }');
    positiveInt(jobs, 'pollMs', 3_600_000);
    positiveInt(jobs, 'leaseMs', 3_600_000);
    const limits = config.rateLimits as Record<string, unknown> | undefined;
    if (!limits || typeof limits !== 'object') throw new Error('policy-match: config.rateLimits must be { match: { points, duration } }');
    assertRateLimit('policy-match: config.rateLimits.match', limits.match);
    if (!Array.isArray(config.audienceWebhookSites) || !config.audienceWebhookSites.every((s) => typeof s === 'string' && s.length > 0)) {
      throw new Error('policy-match: config.audienceWebhookSites must be a list of site codes');
    }
  },
};
