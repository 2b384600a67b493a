export const SITE_UID = 'plugin::site-group.site' as const;
export const COLUMN_UID = 'plugin::site-group.column' as const;
