const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::site-group.${action}`] } }],
});

// Admin-panel routes (admin JWT). Each names the RBAC action it needs; site scope is checked in the services.
export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/placements', handler: 'placement.place', config: can('placement.place') },
    { method: 'POST', path: '/pushes', handler: 'placement.push', config: can('placement.place') },
    { method: 'POST', path: '/submissions', handler: 'placement.submit', config: can('placement.submit') },
    { method: 'GET', path: '/placements', handler: 'placement.list', config: can('placement.read') },
    { method: 'POST', path: '/placements/:id/accept', handler: 'placement.accept', config: can('placement.review') },
    { method: 'POST', path: '/placements/:id/reject', handler: 'placement.reject', config: can('placement.review') },
    { method: 'POST', path: '/placements/:id/withdraw', handler: 'placement.withdraw', config: can('placement.place') },
    { method: 'GET', path: '/items/:documentId/audit', handler: 'placement.audit', config: can('placement.read') },
    { method: 'GET', path: '/reports/stale-columns', handler: 'report.staleColumns', config: can('report.read') },
    { method: 'GET', path: '/sites/:code/catalogue', handler: 'report.catalogue', config: can('placement.read') },
    { method: 'GET', path: '/assignments', handler: 'assignment.list', config: can('assignment.manage') },
    { method: 'POST', path: '/assignments', handler: 'assignment.assign', config: can('assignment.manage') },
    { method: 'POST', path: '/assignments/remove', handler: 'assignment.unassign', config: can('assignment.manage') },
    // The operations log: cluster-wide, root-site admins and Super Admins only (checked in the controller).
    { method: 'GET', path: '/operations', handler: 'operations.list', config: can('operations.read') },
  ],
};
