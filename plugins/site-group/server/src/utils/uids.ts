export const SITE_UID = 'plugin::site-group.site' as const;
export const COLUMN_UID = 'plugin::site-group.column' as const;
export const PLACEMENT_UID = 'plugin::site-group.placement' as const;
export const ASSIGNMENT_UID = 'plugin::site-group.editor-assignment' as const;
export const AUDIT_UID = 'plugin::site-group.audit-event' as const;
export const OPERATION_UID = 'plugin::site-group.operation' as const;
