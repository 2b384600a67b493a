export interface BilingualConfig {
  /** The locale every translation is made from (the source of XLIFF, the fallback of status). */
  sourceLocale: string;
  /** Locales written in Tibetan script: their text fields are NFC-normalised and script-checked on save. */
  tibetanLocales: string[];
  /** Share of counted letters (Latin, digits and punctuation left out) that must be Tibetan in a Tibetan-locale text field. */
  tibetanThreshold: number;
  /** Content types followed for translation status, fallback and XLIFF; null = every i18n-localized api:: type. */
  contentTypes: string[] | null;
  /** Cluster names file (relative to the app root) whose prefecture, counties and departments seed the glossary; null = no seed. */
  glossarySeedFile: string | null;
}

const defaults: BilingualConfig = {
  sourceLocale: 'zh-Hans',
  tibetanLocales: ['bo'],
  tibetanThreshold: 0.5,
  contentTypes: null,
  glossarySeedFile: 'database/seeds/garze-cluster.json',
};

const fail = (message: string): never => {
  throw new Error(`bilingual config: ${message}`);
};

const validator = (config: Partial<BilingualConfig>) => {
  if (typeof config.sourceLocale !== 'string' || !config.sourceLocale) fail('sourceLocale must be a locale code such as "zh-Hans"');
  if (!Array.isArray(config.tibetanLocales) || !config.tibetanLocales.every((l) => typeof l === 'string' && l)) {
    fail('tibetanLocales must be a list of locale codes such as ["bo"]');
  }
  if (config.tibetanLocales!.includes(config.sourceLocale!)) fail('sourceLocale cannot be one of tibetanLocales');
  const t = config.tibetanThreshold;
  if (typeof t !== 'number' || !(t >= 0 && t <= 1)) fail('tibetanThreshold must be a number between 0 and 1 (e.g. 0.5)');
  if (config.contentTypes !== null && config.contentTypes !== undefined) {
    if (!Array.isArray(config.contentTypes) || !config.contentTypes.every((u) => typeof u === 'string' && u.includes('::'))) {
      fail('contentTypes must be null or a list of content-type uids such as "api::article.article"');
    }
  }
  if (config.glossarySeedFile !== null && typeof config.glossarySeedFile !== 'string') fail('glossarySeedFile must be a path relative to the app root, or null');
};

export default { default: defaults, validator };
