import type { StrapiApp } from '@strapi/strapi/admin';
import { Filter } from '@strapi/icons';
import { adminUiTranslations, injectTibetanFont } from '@jiyue/admin-ui';
import { MENU_PERMISSIONS, PLUGIN_ID } from './constants';
import { EligibilityPanel } from './components/EligibilityPanel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/**
 * policy-match's admin: the 政策匹配 page (fact registry, taxonomy by dimension), each policy's rules
 * editor (with "try a profile" and the reverse-match count), and the Eligibility side panel of the policy
 * type's edit view. Registered through package.json `exports["./strapi-admin"]`.
 */
export default {
  register(app: StrapiApp) {
    // Tibetan renders in our screens and Strapi's own views (idempotent: every plugin may ask).
    injectTibetanFont();
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Filter,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Policy match' },
      permissions: MENU_PERMISSIONS,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as { addEditViewSidePanel: (panels: unknown[]) => void };
    contentManager.addEditViewSidePanel([EligibilityPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: { ...(adminUiTranslations[locale] ?? {}), ...prefixed(TRANSLATIONS[locale] ?? {}) },
    }));
  },
};
