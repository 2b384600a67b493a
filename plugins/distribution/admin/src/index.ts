import type { StrapiApp } from '@strapi/strapi/admin';
import { adminUiTranslations, injectTibetanFont } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './constants';
import { DistributionPanel } from './components/distribution-panel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/**
 * distribution's admin: the Distribution side panel of every type that takes part in the cluster
 * (targets chosen at submission, the feeds that follow the columns, delivery status with receipts and
 * Retry after publish). Registered through package.json `exports["./strapi-admin"]`.
 */
export default {
  register(app: StrapiApp) {
    // Tibetan renders in our screens and Strapi's own views (idempotent: every plugin may ask).
    injectTibetanFont();
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as { addEditViewSidePanel: (panels: unknown[]) => void };
    contentManager.addEditViewSidePanel([DistributionPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: { ...(adminUiTranslations[locale] ?? {}), ...prefixed(TRANSLATIONS[locale] ?? {}) },
    }));
  },
};
