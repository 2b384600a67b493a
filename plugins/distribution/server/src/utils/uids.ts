export const CHANNEL_UID = 'plugin::distribution.channel';
export const DELIVERY_UID = 'plugin::distribution.delivery';
export const RETRACTION_UID = 'plugin::distribution.retraction';
export const SUBMISSION_TARGET_UID = 'plugin::distribution.submission-target' as const;
export const DELIVERIES_TABLE = 'jiyue_distribution_deliveries';
export const REPLACEMENT_UID = 'plugin::distribution.replacement' as const;
export const REPLACEMENT_CHANGE_UID = 'plugin::distribution.replacement-change' as const;
export const REPLACEMENT_EVENT_UID = 'plugin::distribution.replacement-event' as const;
