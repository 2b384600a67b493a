import { routeScope } from '@jiyue/kernel';

// Public reads: the site tree is what every portal renders in its header and site map.
export default [
  {
    method: 'GET',
    path: '/sites',
    handler: 'site.tree',
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/sites/:code',
    handler: 'site.findOne',
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
];
