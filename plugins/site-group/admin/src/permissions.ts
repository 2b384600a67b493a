/** The RBAC actions the server registers (plugins/site-group/server/src/bootstrap.ts); the server still decides. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::site-group.placement.read', subject: null }],
  place: [{ action: 'plugin::site-group.placement.place', subject: null }],
  submit: [{ action: 'plugin::site-group.placement.submit', subject: null }],
  review: [{ action: 'plugin::site-group.placement.review', subject: null }],
};
