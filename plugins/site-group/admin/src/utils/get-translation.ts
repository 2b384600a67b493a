import { PLUGIN_ID } from '../pluginId';

/** A translation key of this plugin (`site-group.<id>`), as Strapi prefixes them in `registerTrads`. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
