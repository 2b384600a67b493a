import { pluginPermissions } from '@jiyue/admin-ui';

export const PLUGIN_ID = 'bilingual';

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = pluginPermissions(PLUGIN_ID, {
  read: 'status.read',
  pretranslate: 'pretranslate.run',
  edit: 'translation.edit',
});

/** The Tibetan locale of the cluster (the server's `tibetanLocales[0]`) and the Chinese source locale. */
export const SOURCE_LOCALE = 'zh-Hans';
export const TIBETAN_LOCALE = 'bo';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
