import { pluginPermissions } from '@jiyue/admin-ui';

export const PLUGIN_ID = 'review-workflow';

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = pluginPermissions(PLUGIN_ID, {
  read: 'review.read',
  submit: 'review.submit',
  approve: 'review.approve',
  emergencyPublish: 'emergency-publish',
  check: 'check.run',
});

/** Fired on window after any review action, so every review view of the document reloads. */
export const REVIEW_CHANGED_EVENT = 'jiyue:review-changed';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
