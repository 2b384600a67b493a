import type { StrapiApp } from '@strapi/strapi/admin';
import { SealCheck } from '@strapi/icons';
import { defineAdminPlugin } from '@jiyue/admin-ui';
import { PERMISSIONS, PLUGIN_ID } from './constants';
import { ReviewPanel } from './components/review-panel';
import { SubmitForReviewAction, gatePublishAction } from './components/document-actions';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

/**
 * The review side of the admin panel: the Review side panel of every opted-in type, the gated Publish
 * button with "Submit for review" beside it, and the Review desk page in the left menu.
 */
export default defineAdminPlugin({
  id: PLUGIN_ID,
  translations: { en, 'zh-Hans': zhHans },
  sidePanels: [ReviewPanel],
  // Publish respects the gate; "Submit for review" follows Save, in the actions menu beside Publish.
  documentActions: (actions) => {
    const next = actions.map((action) => (action.type === 'publish' ? gatePublishAction(action) : action));
    const save = next.findIndex((action) => action.type === 'update');
    next.splice(save >= 0 ? save + 1 : next.length, 0, SubmitForReviewAction);
    return next;
  },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.desk.menu`, defaultMessage: 'Review desk' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/review-desk'),
    });
  },
});
