import { pluginPermissions } from '@jiyue/admin-ui';

export const PLUGIN_ID = 'distribution';

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = pluginPermissions(PLUGIN_ID, {
  read: 'delivery.read',
  choose: 'targets.choose',
  retry: 'delivery.retry',
});

/** review-workflow (below distribution on the ladder) fires this on window after any review action. */
export const REVIEW_CHANGED_EVENT = 'jiyue:review-changed';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
