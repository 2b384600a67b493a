const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::review-workflow.${action}`] } }],
});

// Admin-panel routes (admin JWT). Each names its RBAC action; who may act at which stage and site is checked in the services.
export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/documents/:uid/:documentId/submit', handler: 'review.submit', config: can('review.submit') },
    { method: 'POST', path: '/documents/:uid/:documentId/approve', handler: 'review.approve', config: can('review.approve') },
    { method: 'POST', path: '/documents/:uid/:documentId/reject', handler: 'review.reject', config: can('review.approve') },
    { method: 'POST', path: '/documents/:uid/:documentId/emergency-publish', handler: 'review.emergencyPublish', config: can('emergency-publish') },
    { method: 'GET', path: '/documents/:uid/:documentId/history', handler: 'review.history', config: can('review.read') },
    { method: 'GET', path: '/queue', handler: 'review.queue', config: can('review.read') },
    { method: 'GET', path: '/reports/flagged', handler: 'review.flagged', config: can('review.read') },
    { method: 'POST', path: '/check', handler: 'review.check', config: can('check.run') },
    { method: 'POST', path: '/stage-configs', handler: 'review.configureStage', config: can('config.manage') },
  ],
};
