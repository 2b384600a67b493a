export const REPLACEMENT_UID = 'plugin::distribution.replacement' as const;
export const REPLACEMENT_CHANGE_UID = 'plugin::distribution.replacement-change' as const;
export const REPLACEMENT_EVENT_UID = 'plugin::distribution.replacement-event' as const;
