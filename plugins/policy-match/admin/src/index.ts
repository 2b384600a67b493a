import { Filter } from '@strapi/icons';
import { defineAdminPlugin } from '@jiyue/admin-ui';
import { MENU_PERMISSIONS, PLUGIN_ID } from './constants';
import { EligibilityPanel } from './components/EligibilityPanel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

/**
 * policy-match's admin: the 政策匹配 page (fact registry, taxonomy by dimension), each policy's rules
 * editor (with "try a profile" and the reverse-match count), and the Eligibility side panel of the policy
 * type's edit view. Registered through package.json `exports["./strapi-admin"]`.
 */
export default defineAdminPlugin({
  id: PLUGIN_ID,
  translations: { en, 'zh-Hans': zhHans },
  sidePanels: [EligibilityPanel],
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Filter,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Policy match' },
      permissions: MENU_PERMISSIONS,
      Component: () => import('./pages/App'),
    });
  },
});
