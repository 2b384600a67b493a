import type { PluginDefinition, StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin, DocumentActionComponent, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { injectTibetanFont } from './tibetan-font';
import { adminUiTranslations } from './ui-translations';

/** A plugin's messages for one admin locale, keys without the plugin prefix (`desk.menu`). */
export type Messages = Record<string, string>;

/** What the content-manager's admin lets other plugins add (its `apis`, as Strapi types them). */
export type ContentManagerApis = ContentManagerPlugin['config']['apis'];

export interface AdminPluginOptions {
  /** The plugin's id (its package.json `strapi.name`): registered under it, and the prefix of its message keys. */
  id: string;
  /** The plugin's own messages by admin locale (`en`, `zh-Hans`), keys unprefixed. */
  translations: Record<string, Messages>;
  /** Panels added to the edit view's side (the content-manager's `addEditViewSidePanel`). */
  sidePanels?: PanelComponent[];
  /** Rewrites the edit view's document actions (the content-manager's `addDocumentAction` with a reducer). */
  documentActions?: (actions: DocumentActionComponent[]) => DocumentActionComponent[];
  /** What else the plugin registers: menu links, admin hooks. Runs once the plugin is registered. */
  register?: (app: StrapiApp) => void;
}

/** The keys of a plugin's messages prefixed with its id, as react-intl looks them up (`review-workflow.desk.menu`). */
const prefixed = (id: string, messages: Messages): Messages =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${id}.${key}`, value]));

/**
 * A plugin's admin entry (its `strapi-admin` default export) in Strapi's plugin shape (`register`,
 * `bootstrap`, `registerTrads`), written once for the suite: every plugin's admin
 * - injects the Tibetan web font (idempotent: the style is added once, whichever plugin comes first),
 * - registers itself under `id`, then runs its own `register` (menu links, hooks),
 * - at bootstrap adds its side panels and document actions to the content-manager's edit view,
 * - answers `registerTrads` with this package's messages and its own, prefixed with `id`.
 */
export const defineAdminPlugin = ({ id, translations, sidePanels = [], documentActions, register }: AdminPluginOptions) =>
  ({
    register(app: StrapiApp) {
      // Tibetan renders in our screens and Strapi's own views, with or without a Tibetan font on the machine.
      injectTibetanFont();
      app.registerPlugin({ id, name: id });
      register?.(app);
    },

    bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
      const contentManager = app.getPlugin('content-manager')?.apis as ContentManagerApis | undefined;
      if (sidePanels.length) contentManager?.addEditViewSidePanel(sidePanels);
      if (documentActions) contentManager?.addDocumentAction(documentActions);
    },

    async registerTrads({ locales }: { locales: string[] }) {
      return locales.map((locale) => ({
        locale,
        data: { ...(adminUiTranslations[locale] ?? {}), ...prefixed(id, translations[locale] ?? {}) },
      }));
    },
  }) satisfies PluginDefinition;
