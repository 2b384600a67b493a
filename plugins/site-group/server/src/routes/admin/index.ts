import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as assignment from '../../validation/assignment';
import * as operations from '../../validation/operations';
import * as placement from '../../validation/placement';
import * as report from '../../validation/report';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::site-group.${action}`] } },
    routeScope(scope),
  ],
});

/** The owning site of the item named in the body (`contentType`, `documentId`). */
const bodyItem = { document: { uid: { body: 'contentType' }, documentId: { body: 'documentId' } } } as const;

// Admin-panel routes (admin JWT). Each names the RBAC action it needs and the sites it acts on.
export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/placements', handler: 'placement.place', ...described({ body: placement.placeBody }), config: can('placement.place', { kind: 'site', from: [bodyItem, { body: 'site' }] }) },
    // Several sites and columns at once: the owner's editor; targets outside their sites become pending requests for those sites' editors.
    { method: 'POST', path: '/placements/batch', handler: 'placement.placeMany', ...described({ body: placement.placeManyBody }), config: can('placement.place', { kind: 'site', from: bodyItem }) },
    { method: 'PUT', path: '/placements/:id', handler: 'placement.arrange', ...described({ body: placement.arrangeBody }), config: can('placement.place', { kind: 'site', from: { resolver: 'site-group.placement' } }) },
    {
      method: 'GET',
      path: '/documents/:uid/:documentId/placements',
      handler: 'placement.forItem',
      ...described({ query: placement.deskQuery }),
      config: can('placement.read', { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } }),
    },
    { method: 'GET', path: '/inbox', handler: 'placement.inbox', ...described({ query: placement.deskQuery }), config: can('placement.review', { kind: 'filtered' }) },
    { method: 'GET', path: '/site-tree', handler: 'placement.tree', ...described({ query: placement.deskQuery }), config: can('placement.read', { kind: 'filtered' }) },
    { method: 'POST', path: '/pushes', handler: 'placement.push', ...described({ body: placement.pushBody }), config: can('placement.place', { kind: 'site', from: bodyItem }) },
    { method: 'POST', path: '/submissions', handler: 'placement.submit', ...described({ body: placement.submitBody }), config: can('placement.submit', { kind: 'site', from: bodyItem }) },
    { method: 'GET', path: '/placements', handler: 'placement.list', ...described({ query: placement.listQuery }), config: can('placement.read', { kind: 'filtered' }) },
    { method: 'POST', path: '/placements/:id/accept', handler: 'placement.accept', ...described({ body: placement.acceptBody }), config: can('placement.review', { kind: 'site', from: { resolver: 'site-group.placement' } }) },
    { method: 'POST', path: '/placements/:id/reject', handler: 'placement.reject', ...described({ body: placement.rejectBody }), config: can('placement.review', { kind: 'site', from: { resolver: 'site-group.placement' } }) },
    { method: 'POST', path: '/placements/:id/withdraw', handler: 'placement.withdraw', config: can('placement.place', { kind: 'site', from: { resolver: 'site-group.placement-parties' }, match: 'any' }) },
    { method: 'GET', path: '/items/:documentId/audit', handler: 'placement.audit', config: can('placement.read', { kind: 'site', from: { resolver: 'site-group.item' } }) },
    { method: 'GET', path: '/reports/stale-columns', handler: 'report.staleColumns', ...described({ query: report.staleColumnsQuery }), config: can('report.read', { kind: 'filtered' }) },
    { method: 'GET', path: '/sites/:code/catalogue', handler: 'report.catalogue', config: can('placement.read', { kind: 'site', from: { param: 'code' } }) },
    { method: 'GET', path: '/assignments', handler: 'assignment.list', ...described({ query: assignment.listQuery }), config: can('assignment.manage', { kind: 'filtered' }) },
    { method: 'POST', path: '/assignments', handler: 'assignment.assign', ...described({ body: assignment.assignBody }), config: can('assignment.manage', { kind: 'site', from: { body: 'site' } }) },
    { method: 'POST', path: '/assignments/remove', handler: 'assignment.unassign', ...described({ body: assignment.unassignBody }), config: can('assignment.manage', { kind: 'site', from: { body: 'site' } }) },
    // The operations log: cluster-wide, root-site admins and Super Admins only.
    { method: 'GET', path: '/operations', handler: 'operations.list', ...described({ query: operations.listQuery }), config: can('operations.read', { kind: 'cluster' }) },
  ],
} satisfies Core.RouterInput;
