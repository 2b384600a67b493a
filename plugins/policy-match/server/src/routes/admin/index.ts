import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as audience from '../../validation/audience';
import * as eligibility from '../../validation/eligibility';
import * as engagement from '../../validation/engagement';
import * as taxonomy from '../../validation/taxonomy';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::policy-match.${action}`] } },
    routeScope(scope),
  ],
});

/** The policy in the path: its owning site. */
const thePolicy: RouteScope = { kind: 'site', from: { resolver: 'policy-match.policy' } };
/** A comment's policy: its owning site or a site above it (as comment moderation always was). */
const theComment: RouteScope = { kind: 'site', from: { resolver: 'policy-match.comment' }, descendants: 'always' };

// Admin-panel routes (admin JWT), each with its RBAC action and site scope.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/tags', handler: 'taxonomy.list', ...described({ query: taxonomy.listQuery }), config: can('tag.read', { kind: 'shared' }) },
    { method: 'PUT', path: '/tags', handler: 'taxonomy.upsert', ...described({ body: taxonomy.upsertBody }), config: can('tag.manage', { kind: 'cluster' }) },
    { method: 'POST', path: '/suggest-tags', handler: 'taxonomy.suggest', ...described({ body: taxonomy.suggestBody }), config: can('tag.read', { kind: 'shared' }) },
    { method: 'GET', path: '/policies/:documentId/eligibility', handler: 'eligibility.find', config: can('eligibility.read', thePolicy) },
    { method: 'PUT', path: '/policies/:documentId/eligibility', handler: 'eligibility.put', ...described({ body: eligibility.putBody }), config: can('eligibility.manage', thePolicy) },
    { method: 'DELETE', path: '/policies/:documentId/eligibility', handler: 'eligibility.remove', config: can('eligibility.manage', thePolicy) },
    { method: 'GET', path: '/policies/:documentId/audience', handler: 'audience.find', ...described({ query: audience.findQuery }), config: can('audience.read', thePolicy) },
    // C: background reverse-match runs (issue #19)
    { method: 'POST', path: '/policies/:documentId/audience/runs', handler: 'audience.run', ...described({ query: audience.findQuery }), config: can('audience.read', thePolicy) },
    { method: 'GET', path: '/comments', handler: 'engagement.queue', ...described({ query: engagement.queueQuery }), config: can('comment.moderate', { kind: 'filtered' }) },
    { method: 'POST', path: '/comments/:id/approve', handler: 'engagement.approve', ...described({ body: engagement.approveBody }), config: can('comment.moderate', theComment) },
    { method: 'POST', path: '/comments/:id/reject', handler: 'engagement.reject', ...described({ body: engagement.rejectBody }), config: can('comment.moderate', theComment) },
  ],
} satisfies Core.RouterInput;
