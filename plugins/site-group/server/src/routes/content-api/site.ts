import type { Core } from '@strapi/strapi';
import { described, routeScope } from '@jiyue/kernel';
import { findOneQuery, findOneResponse, treeQuery, treeResponse } from '../../validation/site';

// Public reads: the site tree is what every portal renders in its header and site map.
export default [
  {
    method: 'GET',
    path: '/sites',
    handler: 'site.tree',
    ...described({ query: treeQuery, response: treeResponse }),
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/sites/:code',
    handler: 'site.findOne',
    ...described({ query: findOneQuery, response: findOneResponse }),
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
] satisfies Core.RouteInput[];
