/**
 * site-group's admin: the Site side panel on every opted-in type's edit view, and the placement
 * inbox in the left menu. Registered through package.json `exports["./strapi-admin"]`; compiled by
 * the app's admin build (`npm run build`).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Mail } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { SitePanel } from './components/SitePanel';
import { hideOwnerField } from './utils/hide-owner-field';

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('./translations/en.json'),
  'zh-Hans': () => import('./translations/zh-Hans.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.inbox.menu`, defaultMessage: 'Placement inbox' },
      permissions: PERMISSIONS.review,
      Component: () => import('./pages/InboxPage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // The owning site is picked in the Site panel, not typed.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', hideOwnerField);
  },

  bootstrap(app: StrapiApp) {
    const cm = app.getPlugin('content-manager') as { apis?: { addEditViewSidePanel?: (panels: unknown[]) => void } } | undefined;
    cm?.apis?.addEditViewSidePanel?.([SitePanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale];
        const data = load ? prefixed((await load()).default) : {};
        return { data, locale };
      })
    );
  },
};
