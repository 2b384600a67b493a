import { defineAdminPlugin } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './constants';
import { DistributionPanel } from './components/distribution-panel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

/**
 * distribution's admin: the Distribution side panel of every type that takes part in the cluster
 * (targets chosen at submission, the feeds that follow the columns, delivery status with receipts and
 * Retry after publish). Registered through package.json `exports["./strapi-admin"]`.
 */
export default defineAdminPlugin({
  id: PLUGIN_ID,
  translations: { en, 'zh-Hans': zhHans },
  sidePanels: [DistributionPanel],
});
