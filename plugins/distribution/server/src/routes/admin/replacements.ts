const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::distribution.${action}`] } }],
});

/** Cluster-wide find and replace (admin JWT). Site scope is checked in the services (403 naming the site). */
export default [
  { method: 'POST', path: '/replacements/preview', handler: 'replacement.preview', config: can('replacement.preview') },
  { method: 'GET', path: '/replacements/:id', handler: 'replacement.findOne', config: can('replacement.preview') },
  { method: 'GET', path: '/replacements/:id/audit', handler: 'replacement.audit', config: can('replacement.preview') },
  { method: 'POST', path: '/replacements/:id/apply', handler: 'replacement.apply', config: can('replacement.apply') },
  { method: 'POST', path: '/replacements/:id/rollback', handler: 'replacement.rollback', config: can('replacement.rollback') },
];
