import { assertRateLimit, type RateLimit } from '@jiyue/kernel';

export interface ClusterSearchConfig {
  /** `auto`: Typesense when `typesense.url` (TYPESENSE_URL) is set, otherwise the embedded FTS5 engine. */
  engine: 'auto' | 'embedded' | 'typesense';
  /** Directory of the embedded index files (relative to the app directory unless absolute). */
  indexDir: string;
  /** Base name of the embedded index; empty: derived from the database (file name or schema) so each database gets its own. */
  indexName: string;
  typesense: { url: string; apiKey: string; collection: string };
  /**
   * Values of a document's `disclosure` that may be indexed. The kernel's rule comes first: 不予公开
   * (`not-public`) is never indexed, and 依申请公开 (`on-request`) only by its catalogue fields.
   */
  indexedDisclosure: string[];
  /** Milliseconds to gather a burst of writes to one document before re-indexing it. */
  syncDelayMs: number;
  maxPageSize: number;
  snippetLength: number;
  /** Days of query statistics kept. */
  queryLogDays: number;
  /** Per-client limits of the public routes (client = IP through server.trustedProxies; 429 with Retry-After over them). */
  rateLimits: { search: RateLimit; suggest: RateLimit };
  /**
   * Public suggestions: a visitor query is suggested only once it was searched on this many
   * distinct days (per locale) and passes review-workflow's word and personal-data checks.
   */
  suggestMinDays: number;
}

const defaults = ({ env }: { env: (key: string, fallback?: string) => string }): ClusterSearchConfig => ({
  engine: 'auto',
  indexDir: '.tmp/search',
  indexName: '',
  typesense: {
    url: env('TYPESENSE_URL', ''),
    apiKey: env('TYPESENSE_API_KEY', ''),
    collection: env('TYPESENSE_COLLECTION', 'jiyue'),
  },
  indexedDisclosure: ['proactive', 'on-request'],
  syncDelayMs: 100,
  maxPageSize: 50,
  snippetLength: 120,
  queryLogDays: 365,
  rateLimits: { search: { points: 60, duration: 60 }, suggest: { points: 120, duration: 60 } },
  suggestMinDays: 3,
});

const fail = (message: string): never => {
  throw new Error(`cluster-search config: ${message}`);
};

const validator = (config: Partial<ClusterSearchConfig>) => {
  if (!['auto', 'embedded', 'typesense'].includes(config.engine as string)) fail('engine must be "auto", "embedded" or "typesense"');
  if (typeof config.indexDir !== 'string' || !config.indexDir) fail('indexDir must be a directory path');
  if (typeof config.indexName !== 'string' || (config.indexName && !/^[\w.-]{1,80}$/.test(config.indexName))) {
    fail('indexName must be empty or letters, digits, "_", "." and "-" (at most 80)');
  }
  const ts = config.typesense;
  if (!ts || typeof ts.url !== 'string' || typeof ts.apiKey !== 'string' || typeof ts.collection !== 'string') {
    fail('typesense must be { url, apiKey, collection } strings');
  }
  if (config.engine === 'typesense' && !ts!.url) fail('engine "typesense" needs typesense.url (TYPESENSE_URL)');
  if (ts!.url && !/^https?:\/\/[^\s]+$/.test(ts!.url)) fail(`typesense.url must be an http(s) URL, got "${ts!.url}"`);
  if (!Array.isArray(config.indexedDisclosure) || !config.indexedDisclosure.every((v) => typeof v === 'string')) {
    fail('indexedDisclosure must be a list of disclosure values such as ["proactive"]');
  }
  if (config.indexedDisclosure!.includes('not-public')) fail('indexedDisclosure cannot include "not-public": 不予公开 items never leave the admin');
  for (const [key, min, max] of [
    ['syncDelayMs', 0, 1500],
    ['maxPageSize', 1, 200],
    ['snippetLength', 20, 1000],
    ['queryLogDays', 1, 3650],
    ['suggestMinDays', 1, 365],
  ] as const) {
    const value = config[key];
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) fail(`${key} must be a whole number between ${min} and ${max}`);
  }
  validateLimits(config);
};

const validateLimits = (config: Partial<ClusterSearchConfig>) => {
  if (!config.rateLimits || typeof config.rateLimits !== 'object') fail('rateLimits must be { search: { points, duration }, suggest: { points, duration } }');
  assertRateLimit('cluster-search config: rateLimits.search', config.rateLimits!.search);
  assertRateLimit('cluster-search config: rateLimits.suggest', config.rateLimits!.suggest);
};

export default { default: defaults, validator };
