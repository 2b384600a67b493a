import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as audience from '../../validation/audience';
import * as eligibility from '../../validation/eligibility';
import * as engagement from '../../validation/engagement';
// A: the fact registry
import * as fact from '../../validation/fact';
import * as taxonomy from '../../validation/taxonomy';
// F
import * as tryProfile from '../../validation/try';

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
    // F: tag usage and delete (a tag in use keeps code and dimension), try a profile on a policy
    { method: 'GET', path: '/tags/:code/usage', handler: 'taxonomy.usage', config: can('tag.manage', { kind: 'cluster' }) },
    { method: 'DELETE', path: '/tags/:code', handler: 'taxonomy.remove', config: can('tag.manage', { kind: 'cluster' }) },
    { method: 'POST', path: '/policies/:documentId/try', handler: 'try.try', ...described({ body: tryProfile.tryBody }), config: can('eligibility.read', thePolicy) },
    // end F
    { method: 'POST', path: '/comments/:id/reject', handler: 'engagement.reject', ...described({ body: engagement.rejectBody }), config: can('comment.moderate', theComment) },
    // A: the fact registry (cluster vocabulary: read by every editor, changed only cluster-wide)
    { method: 'GET', path: '/facts', handler: 'fact.list', ...described({ response: fact.listResponse }), config: can('fact.read', { kind: 'shared' }) },
    { method: 'PUT', path: '/facts', handler: 'fact.upsert', ...described({ body: fact.upsertBody, response: fact.upsertResponse }), config: can('fact.manage', { kind: 'cluster' }) },
    { method: 'DELETE', path: '/facts/:code', handler: 'fact.remove', config: can('fact.manage', { kind: 'cluster' }) },
    { method: 'GET', path: '/facts/:code/usage', handler: 'fact.usage', ...described({ response: fact.usageResponse }), config: can('fact.manage', { kind: 'cluster' }) },
  ],
} satisfies Core.RouterInput;
