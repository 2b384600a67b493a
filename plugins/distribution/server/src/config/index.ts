import { REPLACEMENT_DEFAULTS, validateReplacementConfig, type ReplacementConfig } from '../utils/replacement-config';

export interface DistributionConfig {
  dispatcher: {
    /** `auto`: BullMQ when `redisUrl` is set, in-process otherwise. `off`: this instance never dispatches (the outbox still fills). */
    mode: 'auto' | 'in-process' | 'bullmq' | 'off';
    pollIntervalMs: number;
    batchSize: number;
    concurrency: number;
    /**
     * A claim's lease. While a delivery runs its instance renews the lease every third of it (a
     * heartbeat), so this is only how long a crashed instance's rows wait before another takes them.
     */
    leaseMs: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    requestTimeoutMs: number;
  };
  /** Redis for the BullMQ transport; env REDIS_URL. */
  redisUrl: string | null;
  /** Credentials by name: a channel row stores only the name. A value `env:VAR` reads that variable when used. */
  credentials: Record<string, string | Record<string, string>>;
  wechat: { baseUrl: string };
  weibo: { baseUrl: string; maxChars: number };
  /** Public origin of the portal, used for links in feeds, Weibo posts and webhooks. */
  publicUrl: string;
  /** Where sharp renditions are cached. */
  renditionCacheDir: string;
  /** Limits of cluster-wide find and replace. */
  replacement: ReplacementConfig;
}

const defaults: DistributionConfig = {
  dispatcher: {
    mode: (process.env.DISTRIBUTION_DISPATCHER as DistributionConfig['dispatcher']['mode']) || 'auto',
    pollIntervalMs: 250,
    batchSize: 50,
    concurrency: 16,
    leaseMs: Number(process.env.DISTRIBUTION_LEASE_MS) || 15_000,
    maxAttempts: 8,
    backoffBaseMs: 1_000,
    backoffMaxMs: 15 * 60_000,
    requestTimeoutMs: 10_000,
  },
  redisUrl: process.env.REDIS_URL || null,
  credentials: {},
  wechat: { baseUrl: 'https://api.weixin.qq.com' },
  weibo: { baseUrl: 'https://api.weibo.com', maxChars: 140 },
  publicUrl: 'https://www.gzz.gov.cn',
  renditionCacheDir: '.tmp/distribution-renditions',
  replacement: REPLACEMENT_DEFAULTS,
};

const fail = (message: string): never => {
  throw new Error(`distribution config: ${message}`);
};

const positiveInt = (path: string, value: unknown, min = 1) => {
  if (!Number.isInteger(value) || (value as number) < min) fail(`${path} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`);
};

const validator = (config: Partial<DistributionConfig>) => {
  validateReplacementConfig(config.replacement);
  const d = config.dispatcher ?? ({} as DistributionConfig['dispatcher']);
  if (d.mode !== undefined && !['auto', 'in-process', 'bullmq', 'off'].includes(d.mode)) fail(`dispatcher.mode must be auto, in-process, bullmq or off, got ${JSON.stringify(d.mode)}`);
  for (const key of ['pollIntervalMs', 'batchSize', 'concurrency', 'leaseMs', 'maxAttempts', 'backoffBaseMs', 'backoffMaxMs', 'requestTimeoutMs'] as const) {
    if (d[key] !== undefined) positiveInt(`dispatcher.${key}`, d[key]);
  }
  if (d.mode === 'bullmq' && !config.redisUrl) fail('dispatcher.mode "bullmq" needs redisUrl (env REDIS_URL)');
  if (config.credentials !== undefined && (typeof config.credentials !== 'object' || config.credentials === null || Array.isArray(config.credentials))) {
    fail('credentials must be an object of name → secret (or env:VAR)');
  }
  for (const key of ['wechat', 'weibo'] as const) {
    const url = config[key]?.baseUrl;
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) fail(`${key}.baseUrl must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (config.weibo?.maxChars !== undefined) positiveInt('weibo.maxChars', config.weibo.maxChars, 20);
  if (config.publicUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(config.publicUrl)) fail(`publicUrl must be an http(s) URL, got ${JSON.stringify(config.publicUrl)}`);
};

export default { default: defaults, validator };
