import type { Core } from '@strapi/strapi';
import { described, routeScope, type RouteScope } from '@jiyue/kernel';
import * as pretranslate from '../../validation/pretranslate';
import * as status from '../../validation/status';
import * as xliff from '../../validation/xliff';
import * as translation from '../../validation/translation';

/** The RBAC action a route needs, then its site scope (enforced by `plugin::site-group.scope`). */
const can = (action: string, scope: RouteScope) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [`plugin::bilingual.${action}`] } },
    routeScope(scope),
  ],
});

// Admin-panel routes (admin JWT), each behind its RBAC action and site scope.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/status', handler: 'status.overview', ...described({ query: status.overviewQuery }), config: can('status.read', { kind: 'filtered' }) },
    // One document's locales as editors see them (drafts): the Language panel.
    {
      method: 'GET',
      path: '/documents/:uid/:documentId/status',
      handler: 'status.draft',
      ...described({ response: status.documentResponse }),
      config: can('status.read', { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } }),
    },
    // The side-by-side view: the source and target drafts' translatable fields, and the save of the target draft.
    {
      method: 'GET',
      path: '/documents/:uid/:documentId/translation',
      handler: 'translation.read',
      ...described({ query: translation.readQuery }),
      config: can('status.read', { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } }),
    },
    {
      method: 'PUT',
      path: '/documents/:uid/:documentId/translation',
      handler: 'translation.save',
      ...described({ body: translation.saveBody }),
      config: can('translation.edit', { kind: 'site', from: { document: { uid: { param: 'uid' }, documentId: { param: 'documentId' } } } }),
    },
    {
      method: 'POST',
      path: '/pretranslate',
      handler: 'pretranslate.create',
      ...described({ body: pretranslate.createBody }),
      config: can('pretranslate.run', { kind: 'site', from: { document: { uid: { body: 'uid' }, documentId: { body: 'documentId' } } } }),
    },
    { method: 'GET', path: '/xliff/export', handler: 'xliff.export', ...described({ query: xliff.exportQuery }), config: can('xliff.export', { kind: 'site', from: { resolver: 'bilingual.xliff-export' } }) },
    // The file names its documents: the import refuses (403) any document outside the caller's sites.
    { method: 'POST', path: '/xliff/import', handler: 'xliff.import', ...described({ body: xliff.importBody }), config: can('xliff.import', { kind: 'filtered' }) },
  ],
} satisfies Core.RouterInput;
