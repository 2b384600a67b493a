export interface SiteGroupConfig {
  /** Locale of the `name` fields of sites and columns; other locales live in `translations`. */
  primaryLocale: string;
}

const defaults: SiteGroupConfig = {
  primaryLocale: 'zh-Hans',
};

const validator = (config: Partial<SiteGroupConfig>) => {
  if (typeof config.primaryLocale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(config.primaryLocale)) {
    throw new Error(
      `site-group: config.primaryLocale must be a locale code such as "zh-Hans", got ${JSON.stringify(config.primaryLocale)}`
    );
  }
};

export default { default: defaults, validator };
