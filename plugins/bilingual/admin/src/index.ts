/**
 * bilingual's admin: the Language side panel on every localized type's edit view (locale states, the
 * other language, glossary pretranslation, the side-by-side view). Registered through package.json
 * `exports["./strapi-admin"]`; compiled by the app's admin build (`npm run build`).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { adminUiTranslations, injectTibetanFont } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './constants';
import { LanguagePanel } from './components/language-panel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    // Tibetan renders in the panel and the side-by-side view, with or without a Tibetan font on the machine.
    injectTibetanFont();
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as { addEditViewSidePanel: (panels: unknown[]) => void };
    contentManager.addEditViewSidePanel([LanguagePanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: { ...(adminUiTranslations[locale] ?? {}), ...prefixed(TRANSLATIONS[locale] ?? {}) },
    }));
  },
};
