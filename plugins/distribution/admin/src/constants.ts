export const PLUGIN_ID = 'distribution';

const action = (name: string) => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

/** The RBAC actions the server registers (server/src/bootstrap.ts); buttons show only what these allow, the server still decides. */
export const PERMISSIONS = {
  read: action('delivery.read'),
  choose: action('targets.choose'),
  retry: action('delivery.retry'),
};

/** review-workflow (below distribution on the ladder) fires this on window after any review action. */
export const REVIEW_CHANGED_EVENT = 'jiyue:review-changed';

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
