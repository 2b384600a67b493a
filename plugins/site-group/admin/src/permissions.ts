import { pluginPermissions } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './pluginId';

/** The RBAC actions the server registers (plugins/site-group/server/src/bootstrap.ts); the server still decides. */
export const PERMISSIONS = pluginPermissions(PLUGIN_ID, {
  read: 'placement.read',
  place: 'placement.place',
  submit: 'placement.submit',
  review: 'placement.review',
});
