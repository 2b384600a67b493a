/** The plugin id: the prefix of every translation key and of the admin routes (`/site-group/...`). */
export const PLUGIN_ID = 'site-group';
