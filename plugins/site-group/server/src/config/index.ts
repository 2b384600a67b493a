export interface SiteGroupConfig {
  /** Locale of the `name` fields of sites and columns; other locales live in `translations`. */
  primaryLocale: string;
  /**
   * Days without a newly published item after which a column counts as stale, per column kind
   * (a column's own `updateCycleDays` wins). Inspections fault columns left unupdated (seed 002).
   */
  staleColumnDays: Record<'list' | 'topic' | 'catalogue', number>;
}

const defaults: SiteGroupConfig = {
  primaryLocale: 'zh-Hans',
  staleColumnDays: { list: 180, topic: 90, catalogue: 365 },
};

const fail = (message: string): never => {
  throw new Error(`site-group config: ${message}`);
};

const validator = (config: Partial<SiteGroupConfig>) => {
  if (typeof config.primaryLocale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(config.primaryLocale)) {
    fail(`primaryLocale must be a locale code such as "zh-Hans", got ${JSON.stringify(config.primaryLocale)}`);
  }
  const days = config.staleColumnDays ?? {};
  for (const [kind, value] of Object.entries(days)) {
    if (!['list', 'topic', 'catalogue'].includes(kind)) fail(`staleColumnDays.${kind}: unknown column kind (list, topic, catalogue)`);
    if (!Number.isInteger(value) || (value as number) < 1) fail(`staleColumnDays.${kind} must be a whole number of days ≥ 1, got ${JSON.stringify(value)}`);
  }
};

export default { default: defaults, validator };
