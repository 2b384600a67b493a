const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::bilingual.${action}`] } }],
});

// Admin-panel routes (admin JWT), each behind its RBAC action.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/status', handler: 'status.overview', config: can('status.read') },
    { method: 'POST', path: '/pretranslate', handler: 'pretranslate.create', config: can('pretranslate.run') },
    { method: 'GET', path: '/xliff/export', handler: 'xliff.export', config: can('xliff.export') },
    { method: 'POST', path: '/xliff/import', handler: 'xliff.import', config: can('xliff.import') },
  ],
};
