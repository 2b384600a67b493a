/**
 * site-group's admin: the Site side panel on every opted-in type's edit view, and the placement
 * inbox in the left menu. Registered through package.json `exports["./strapi-admin"]`; compiled by
 * the app's admin build (`npm run build`).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Mail } from '@strapi/icons';
import { defineAdminPlugin } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { SitePanel } from './components/SitePanel';
import { hideOwnerField } from './utils/hide-owner-field';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

export default defineAdminPlugin({
  id: PLUGIN_ID,
  translations: { en, 'zh-Hans': zhHans },
  sidePanels: [SitePanel],
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.inbox.menu`, defaultMessage: 'Placement inbox' },
      permissions: PERMISSIONS.review,
      Component: () => import('./pages/InboxPage'),
    });
    // The owning site is picked in the Site panel, not typed.
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', hideOwnerField);
  },
});
