export const STATE_UID = 'plugin::review-workflow.review-state' as const;
export const EVENT_UID = 'plugin::review-workflow.review-event' as const;
export const STAGE_CONFIG_UID = 'plugin::review-workflow.stage-config' as const;
export const DICTIONARY_UID = 'plugin::review-workflow.dictionary-entry' as const;
export const SIGN_OFF_UID = 'plugin::review-workflow.external-sign-off' as const;
