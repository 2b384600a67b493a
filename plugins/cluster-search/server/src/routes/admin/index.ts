import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as admin from '../../validation/admin';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::cluster-search.${action}`] } },
    routeScope(scope),
  ],
});

const cluster: RouteScope = { kind: 'cluster' };
/** One site's query log (`?site=`), or the whole cluster's (no site), which needs the root site. */
const siteAnalytics: RouteScope = { kind: 'site', from: { query: 'site' }, whenAbsent: 'cluster' };

// Admin-panel routes (admin JWT), each behind its RBAC action and site scope.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/synonyms', handler: 'admin.listSynonyms', config: can('synonym.read', cluster) },
    { method: 'POST', path: '/synonyms', handler: 'admin.createSynonym', ...described({ body: admin.createSynonymBody }), config: can('synonym.manage', cluster) },
    { method: 'PUT', path: '/synonyms/:id', handler: 'admin.updateSynonym', ...described({ body: admin.updateSynonymBody }), config: can('synonym.manage', cluster) },
    { method: 'DELETE', path: '/synonyms/:id', handler: 'admin.deleteSynonym', config: can('synonym.manage', cluster) },
    { method: 'GET', path: '/analytics/top-queries', handler: 'admin.topQueries', ...described({ query: admin.topQueriesQuery }), config: can('analytics.read', siteAnalytics) },
    { method: 'GET', path: '/analytics/zero-results', handler: 'admin.zeroResults', ...described({ query: admin.zeroResultsQuery }), config: can('analytics.read', siteAnalytics) },
    // Approved suggestion terms (cluster-wide configuration).
    { method: 'GET', path: '/suggest-terms', handler: 'admin.listSuggestTerms', ...described({ query: admin.listSuggestTermsQuery }), config: can('suggest-term.read', cluster) },
    { method: 'POST', path: '/suggest-terms', handler: 'admin.approveSuggestTerm', ...described({ body: admin.approveSuggestTermBody }), config: can('suggest-term.manage', cluster) },
    { method: 'DELETE', path: '/suggest-terms/:id', handler: 'admin.deleteSuggestTerm', config: can('suggest-term.manage', cluster) },
    { method: 'GET', path: '/index', handler: 'admin.indexStats', config: can('index.manage', cluster) },
    { method: 'POST', path: '/index/rebuild', handler: 'admin.reindex', config: can('index.manage', cluster) },
  ],
} satisfies Core.RouterInput;
