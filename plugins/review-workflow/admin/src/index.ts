import type { StrapiApp } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { SealCheck } from '@strapi/icons';
import { adminUiTranslations, injectTibetanFont } from '@jiyue/admin-ui';
import { PERMISSIONS, PLUGIN_ID } from './constants';
import { ReviewPanel } from './components/review-panel';
import { SubmitForReviewAction, gatePublishAction } from './components/document-actions';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/**
 * The review side of the admin panel: the Review side panel of every opted-in type, the gated Publish
 * button with "Submit for review" beside it, and the Review desk page in the left menu.
 */
export default {
  register(app: StrapiApp) {
    // Tibetan renders in our screens and Strapi's own views, with or without a Tibetan font on the machine.
    injectTibetanFont();
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.desk.menu`, defaultMessage: 'Review desk' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/review-desk'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel: (panels: unknown[]) => void;
      addDocumentAction: (reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
    };
    contentManager.addEditViewSidePanel([ReviewPanel]);
    // Publish respects the gate; "Submit for review" follows Save, in the actions menu beside Publish.
    contentManager.addDocumentAction((actions) => {
      const next = actions.map((action) => (action.type === 'publish' ? gatePublishAction(action) : action));
      const save = next.findIndex((action) => action.type === 'update');
      next.splice(save >= 0 ? save + 1 : next.length, 0, SubmitForReviewAction);
      return next;
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: { ...(adminUiTranslations[locale] ?? {}), ...prefixed(TRANSLATIONS[locale] ?? {}) },
    }));
  },
};
