import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as replacement from '../../validation/replacement';

const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::distribution.${action}`] } },
    routeScope(scope),
  ],
});

/** A replacement's scope site (`scopeSite`); the services check every item's site on top. */
const theReplacement: RouteScope = { kind: 'site', from: { resolver: 'distribution.replacement' } };

/** Cluster-wide find and replace (admin JWT). Site scope: the route's declared site, then each item's site in the services (403 naming the site). */
export default [
  { method: 'POST', path: '/replacements/preview', handler: 'replacement.preview', ...described({ body: replacement.previewBody }), config: can('replacement.preview', { kind: 'site', from: { body: 'scope.site' } }) },
  { method: 'GET', path: '/replacements/:id', handler: 'replacement.findOne', ...described({ query: replacement.findOneQuery }), config: can('replacement.preview', theReplacement) },
  { method: 'GET', path: '/replacements/:id/audit', handler: 'replacement.audit', config: can('replacement.preview', theReplacement) },
  { method: 'POST', path: '/replacements/:id/apply', handler: 'replacement.apply', ...described({ body: replacement.applyBody }), config: can('replacement.apply', theReplacement) },
  { method: 'POST', path: '/replacements/:id/rollback', handler: 'replacement.rollback', ...described({ body: replacement.rollbackBody }), config: can('replacement.rollback', theReplacement) },
] satisfies Core.RouteInput[];
