export const PLUGIN_ID = 'bilingual';

const action = (name: string) => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = {
  read: action('status.read'),
  pretranslate: action('pretranslate.run'),
  edit: action('translation.edit'),
};

/** The Tibetan locale of the cluster (the server's `tibetanLocales[0]`) and the Chinese source locale. */
export const SOURCE_LOCALE = 'zh-Hans';
export const TIBETAN_LOCALE = 'bo';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
