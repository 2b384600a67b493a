export const PLUGIN_ID = 'review-workflow';

const action = (name: string) => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = {
  read: action('review.read'),
  submit: action('review.submit'),
  approve: action('review.approve'),
  emergencyPublish: action('emergency-publish'),
  check: action('check.run'),
};

/** Fired on window after any review action, so every review view of the document reloads. */
export const REVIEW_CHANGED_EVENT = 'jiyue:review-changed';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
