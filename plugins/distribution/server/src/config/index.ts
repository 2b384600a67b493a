import { parseAllowList } from '@jiyue/kernel';
import { REPLACEMENT_DEFAULTS, validateReplacementConfig, type ReplacementConfig } from '../find-replace/utils/replacement-config';

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
  /**
   * Credentials by name: a channel row stores only the name. Each entry names the site (or sites)
   * that own it — `{ site: 'ganzi', secret: 'env:JIYUE_CHANNEL_GANZI_HOOK' }` — and only channels of
   * those sites may use it. A value `env:VAR` reads that variable when used, and only variables
   * whose names start with `credentialEnvPrefix` are ever read.
   */
  credentials: Record<string, CredentialEntry>;
  /** The only environment variables a credential may read (default `JIYUE_CHANNEL_`; env JIYUE_CHANNEL_ENV_PREFIX). */
  credentialEnvPrefix: string;
  /** API origins: server config only, never per channel (a channel cannot send a token elsewhere). */
  wechat: { baseUrl: string };
  weibo: { baseUrl: string; maxChars: number };
  /**
   * Outbound requests (webhooks, channel APIs, fetched images) refuse private, loopback and
   * link-local addresses; `allow` lists IPs/CIDRs that may be reached anyway (env JIYUE_OUTBOUND_ALLOW,
   * comma-separated, e.g. an intranet receiver).
   */
  outbound: { allow: string[] };
  /**
   * Testing aid (fault injection): per channel kind, how many times the dispatcher "crashes" after the
   * adapter's remote calls succeeded and before the outcome is written — the row is left in flight,
   * as a dead process would leave it, and is taken over when its lease runs out. Empty in production.
   */
  faults: { crashBeforeOutcome: Record<string, number> };
  /** Public origin of the portal, used for links in feeds, Weibo posts and webhooks. */
  publicUrl: string;
  /** Where sharp renditions are cached. */
  renditionCacheDir: string;
  /** Limits of cluster-wide find and replace. */
  replacement: ReplacementConfig;
}

export type CredentialEntry = { site: string | string[] } & Record<string, string | string[]>;

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
  credentialEnvPrefix: process.env.JIYUE_CHANNEL_ENV_PREFIX || 'JIYUE_CHANNEL_',
  outbound: { allow: parseAllowList(process.env.JIYUE_OUTBOUND_ALLOW) },
  faults: { crashBeforeOutcome: {} },
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
    fail('credentials must be an object of name → { site, ...values }');
  }
  const prefix = config.credentialEnvPrefix ?? defaults.credentialEnvPrefix;
  if (typeof prefix !== 'string' || !/^[A-Z][A-Z0-9_]*_$/.test(prefix)) fail(`credentialEnvPrefix must be upper-case letters, digits and _ ending in _, got ${JSON.stringify(prefix)}`);
  for (const [name, entry] of Object.entries(config.credentials ?? {})) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(`credentials.${name} must be an object { site, ...values }`);
    const sites = (entry as CredentialEntry).site;
    if (!(typeof sites === 'string' && sites) && !(Array.isArray(sites) && sites.length && sites.every((s) => typeof s === 'string' && s))) {
      fail(`credentials.${name}.site must name the site (or sites) that own the credential`);
    }
    for (const [field, value] of Object.entries(entry as CredentialEntry)) {
      if (field === 'site') continue;
      if (typeof value !== 'string') fail(`credentials.${name}.${field} must be a string`);
      else if (value.startsWith('env:') && !value.slice(4).startsWith(prefix)) fail(`credentials.${name}.${field} reads ${value.slice(4)}: only variables starting with ${prefix} may be read`);
    }
  }
  try {
    parseAllowList(config.outbound?.allow);
  } catch (error) {
    fail((error as Error).message);
  }
  for (const key of ['wechat', 'weibo'] as const) {
    const url = config[key]?.baseUrl;
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) fail(`${key}.baseUrl must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (config.weibo?.maxChars !== undefined) positiveInt('weibo.maxChars', config.weibo.maxChars, 20);
  if (config.publicUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(config.publicUrl)) fail(`publicUrl must be an http(s) URL, got ${JSON.stringify(config.publicUrl)}`);
};

export default { default: defaults, validator };
