const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::policy-match.${action}`] } }],
});

// Admin-panel routes (admin JWT), each with its RBAC action.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/tags', handler: 'taxonomy.list', config: can('tag.read') },
    { method: 'PUT', path: '/tags', handler: 'taxonomy.upsert', config: can('tag.manage') },
    { method: 'POST', path: '/suggest-tags', handler: 'taxonomy.suggest', config: can('tag.read') },
    { method: 'GET', path: '/policies/:documentId/eligibility', handler: 'eligibility.find', config: can('eligibility.read') },
    { method: 'PUT', path: '/policies/:documentId/eligibility', handler: 'eligibility.put', config: can('eligibility.manage') },
    { method: 'DELETE', path: '/policies/:documentId/eligibility', handler: 'eligibility.remove', config: can('eligibility.manage') },
    { method: 'GET', path: '/policies/:documentId/audience', handler: 'audience.find', config: can('audience.read') },
    { method: 'GET', path: '/comments', handler: 'engagement.queue', config: can('comment.moderate') },
    { method: 'POST', path: '/comments/:id/approve', handler: 'engagement.approve', config: can('comment.moderate') },
    { method: 'POST', path: '/comments/:id/reject', handler: 'engagement.reject', config: can('comment.moderate') },
  ],
};
