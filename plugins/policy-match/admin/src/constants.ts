import { pluginPermissions } from '@jiyue/admin-ui';

export const PLUGIN_ID = 'policy-match';

/** The RBAC actions the server registers (server/src/bootstrap.ts); screens show only what these allow, the server still decides. */
export const PERMISSIONS = pluginPermissions(PLUGIN_ID, {
  tagRead: 'tag.read',
  tagManage: 'tag.manage',
  factRead: 'fact.read',
  factManage: 'fact.manage',
  eligibilityRead: 'eligibility.read',
  eligibilityManage: 'eligibility.manage',
  audienceRead: 'audience.read',
});

/** The menu entry's permissions: anyone who may see the taxonomy, the facts or a policy's rules. */
export const MENU_PERMISSIONS = [...PERMISSIONS.tagRead, ...PERMISSIONS.factRead, ...PERMISSIONS.eligibilityRead];

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** The rules editor of a policy (a page of this plugin). */
export const rulesEditorPath = (documentId: string) => `/plugins/${PLUGIN_ID}/policies/${documentId}`;
