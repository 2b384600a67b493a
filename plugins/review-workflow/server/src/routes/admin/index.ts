import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope, type SiteSource } from '@jiyue/kernel';
import * as review from '../../validation/review';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::review-workflow.${action}`] } },
    routeScope(scope),
  ],
});

/** The document in the path: its owning site. */
const theDocument: RouteScope = { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } };

// Admin-panel routes (admin JWT). Each names its RBAC action and its site scope; who may act at which stage is checked in the services.
export default {
  type: 'admin',
  routes: [
    // The document's site, and every site the body's extra fields reach (distribution's `targets`: columns, channels), through the submit extensions.
    {
      method: 'POST',
      path: '/documents/:uid/:documentId/submit',
      handler: 'review.submit',
      ...described({ body: review.submitBody }),
      config: can('review.submit', { kind: 'site', from: [theDocument.from as SiteSource, { resolver: 'review-workflow.submit-extensions' }] }),
    },
    { method: 'POST', path: '/documents/:uid/:documentId/approve', handler: 'review.approve', ...described({ body: review.approveBody }), config: can('review.approve', theDocument) },
    { method: 'POST', path: '/documents/:uid/:documentId/reject', handler: 'review.reject', ...described({ body: review.rejectBody }), config: can('review.approve', theDocument) },
    { method: 'POST', path: '/documents/:uid/:documentId/emergency-publish', handler: 'review.emergencyPublish', ...described({ body: review.emergencyPublishBody }), config: can('emergency-publish', theDocument) },
    { method: 'GET', path: '/documents/:uid/:documentId/history', handler: 'review.history', ...described({ query: review.historyQuery }), config: can('review.read', theDocument) },
    { method: 'GET', path: '/queue', handler: 'review.queue', ...described({ query: review.queueQuery }), config: can('review.read', { kind: 'filtered' }) },
    { method: 'GET', path: '/desk', handler: 'review.desk', config: can('review.read', { kind: 'filtered' }) },
    { method: 'GET', path: '/reports/flagged', handler: 'review.flagged', ...described({ query: review.flaggedQuery }), config: can('review.read', { kind: 'filtered' }) },
    { method: 'POST', path: '/check', handler: 'review.check', ...described({ body: review.checkBody }), config: can('check.run', { kind: 'shared' }) },
    // A site's stage config needs that site; the cluster-wide default (no siteCode) needs the root site.
    { method: 'POST', path: '/stage-configs', handler: 'review.configureStage', ...described({ body: review.configureStageBody }), config: can('config.manage', { kind: 'site', from: { body: 'siteCode' }, whenAbsent: 'cluster' }) },
  ],
} satisfies Core.RouterInput;
