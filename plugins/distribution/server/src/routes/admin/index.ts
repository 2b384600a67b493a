import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as channel from '../../validation/channel';
import * as delivery from '../../validation/delivery';
import * as retraction from '../../validation/retraction';
import * as targets from '../../validation/targets';
import { findReplaceAdminRoutes } from '../../find-replace';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
export const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::distribution.${action}`] } },
    routeScope(scope),
  ],
});

/** The owning site of the document named in the path (`:uid`, `:documentId`). */
const theDocument: RouteScope = { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } };

const byResolver = (resolver: string): RouteScope => ({ kind: 'site', from: { resolver } });

/** The document in the path, as a `from` source: its owning site. */
const documentInPath = { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } as const;

// Admin-panel routes (admin JWT), each with the RBAC action it needs and the sites it acts on.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/channels', handler: 'channel.list', ...described({ query: channel.listQuery }), config: can('channel.manage', { kind: 'filtered' }) },
    { method: 'POST', path: '/channels', handler: 'channel.create', ...described({ body: channel.createBody }), config: can('channel.manage', { kind: 'site', from: { body: 'site' } }) },
    { method: 'PUT', path: '/channels/:id', handler: 'channel.update', ...described({ body: channel.updateBody }), config: can('channel.manage', byResolver('distribution.channel')) },
    { method: 'DELETE', path: '/channels/:id', handler: 'channel.remove', config: can('channel.manage', byResolver('distribution.channel')) },
    // One item of the owning site: the targets its editor may choose (and the feeds and policy libraries that follow it), then its delivery status per target.
    { method: 'GET', path: '/documents/:uid/:documentId/targets', handler: 'targets.available', ...described({ query: targets.availableQuery }), config: can('delivery.read', theDocument) },
    { method: 'GET', path: '/documents/:uid/:documentId/deliveries', handler: 'delivery.forItem', ...described({ query: delivery.forItemQuery }), config: can('delivery.read', theDocument) },
    { method: 'GET', path: '/deliveries', handler: 'delivery.list', ...described({ query: delivery.listQuery }), config: can('delivery.read', { kind: 'filtered' }) },
    { method: 'POST', path: '/deliveries/:id/retry', handler: 'delivery.retry', config: can('delivery.retry', byResolver('distribution.delivery')) },
    // One site's dead letters, or (no site) the whole cluster's, which needs the root site.
    { method: 'POST', path: '/deliveries/retry-dead', handler: 'delivery.retryDead', ...described({ body: delivery.retryDeadBody }), config: can('delivery.retry', { kind: 'site', from: { body: 'site' }, whenAbsent: 'cluster' }) },
    { method: 'POST', path: '/retractions', handler: 'retraction.create', ...described({ body: retraction.createBody }), config: can('retraction.create', { kind: 'site', from: { body: 'scope.site' } }) },
    { method: 'GET', path: '/retractions/:id', handler: 'retraction.find', config: can('retraction.read', byResolver('distribution.retraction')) },
    // Submission targets: read with the document's site; chosen with it and every site the targets reach.
    { method: 'GET', path: '/targets/:uid/:documentId', handler: 'targets.find', ...described({ query: targets.findQuery }), config: can('delivery.read', { kind: 'site', from: documentInPath }) },
    {
      method: 'PUT',
      path: '/targets/:uid/:documentId',
      handler: 'targets.choose',
      ...described({ body: targets.chooseBody }),
      config: can('targets.choose', { kind: 'site', from: [documentInPath, { resolver: 'distribution.submission-targets' }] }),
    },
    ...findReplaceAdminRoutes,
  ],
} satisfies Core.RouterInput;
