export const STATE_UID = 'plugin::review-workflow.review-state' as const;
export const EVENT_UID = 'plugin::review-workflow.review-event' as const;
export const STAGE_CONFIG_UID = 'plugin::review-workflow.stage-config' as const;
export const DICTIONARY_UID = 'plugin::review-workflow.dictionary-entry' as const;
export const SIGN_OFF_UID = 'plugin::review-workflow.external-sign-off' as const;

/** The admin action that lets an admin read drafts through the content API with their admin JWT (issue #16 item 1). */
export const READ_DRAFTS_ACTION = 'plugin::review-workflow.read-drafts' as const;
