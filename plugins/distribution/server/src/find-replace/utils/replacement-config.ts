import type { Core } from '@strapi/strapi';

/** Limits of cluster-wide find and replace (`config/plugins.ts` → distribution.config.replacement). */
export interface ReplacementConfig {
  /** Longest `find` accepted (characters). */
  maxPatternLength: number;
  /** A preview with more matches than this is refused (400): narrow the find or the scope. */
  maxMatches: number;
  /** Rows read per query while scanning. */
  batchSize: number;
  /** Context characters either side of a match in the preview excerpts. */
  excerptRadius: number;
}

export const REPLACEMENT_DEFAULTS: ReplacementConfig = {
  maxPatternLength: 500,
  maxMatches: 20_000,
  batchSize: 2_000,
  excerptRadius: 24,
};

const positiveInt = (value: unknown, max: number) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;

/** Throws a readable error at boot for a bad replacement config. */
export const validateReplacementConfig = (config: Partial<ReplacementConfig> | undefined) => {
  if (config === undefined) return;
  if (!config || typeof config !== 'object') throw new Error('distribution config: replacement must be an object');
  const limits: [keyof ReplacementConfig, number][] = [['maxPatternLength', 10_000], ['maxMatches', 1_000_000], ['batchSize', 50_000], ['excerptRadius', 500]];
  for (const [key, max] of limits) {
    if (key in config && !positiveInt(config[key], max)) throw new Error(`distribution config: replacement.${key} must be a whole number between 1 and ${max}`);
  }
};

export const replacementConfig = (strapi: Core.Strapi): ReplacementConfig => ({
  ...REPLACEMENT_DEFAULTS,
  ...((strapi.plugin('distribution').config('replacement') as Partial<ReplacementConfig> | undefined) ?? {}),
});
