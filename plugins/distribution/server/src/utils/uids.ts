export const CHANNEL_UID = 'plugin::distribution.channel';
export const DELIVERY_UID = 'plugin::distribution.delivery';
export const RETRACTION_UID = 'plugin::distribution.retraction';
export const DELIVERIES_TABLE = 'jiyue_distribution_deliveries';
