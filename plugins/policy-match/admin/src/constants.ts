export const PLUGIN_ID = 'policy-match';

const action = (name: string) => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

/** The RBAC actions the server registers (server/src/bootstrap.ts); screens show only what these allow, the server still decides. */
export const PERMISSIONS = {
  tagRead: action('tag.read'),
  tagManage: action('tag.manage'),
  factRead: action('fact.read'),
  factManage: action('fact.manage'),
  eligibilityRead: action('eligibility.read'),
  eligibilityManage: action('eligibility.manage'),
  audienceRead: action('audience.read'),
};

/** The menu entry's permissions: anyone who may see the taxonomy, the facts or a policy's rules. */
export const MENU_PERMISSIONS = [...PERMISSIONS.tagRead, ...PERMISSIONS.factRead, ...PERMISSIONS.eligibilityRead];

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** The rules editor of a policy (a page of this plugin). */
export const rulesEditorPath = (documentId: string) => `/plugins/${PLUGIN_ID}/policies/${documentId}`;
