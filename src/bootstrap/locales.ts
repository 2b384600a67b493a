import type { Core } from '@strapi/strapi';

/** The cluster's languages: Mandarin (default) and Tibetan, side by side (一网双语). */
export const CLUSTER_LOCALES = [
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'bo', name: 'Tibetan (bo)' },
];
export const DEFAULT_LOCALE = 'zh-Hans';

/**
 * Creates the cluster locales that are missing and makes zh-Hans the default. Idempotent: existing
 * locales and content are left as they are, so it runs on every boot.
 */
export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  const codes = new Set(existing.map((l) => l.code));

  for (const locale of CLUSTER_LOCALES) {
    if (!codes.has(locale.code)) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
};
