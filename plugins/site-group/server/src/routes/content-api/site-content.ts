import { routeScope } from '@jiyue/kernel';

// Public reads for site builders: published content only, drafts never appear.
export default [
  {
    method: 'GET',
    path: '/sites/:code/columns/:slug/items',
    handler: 'site-content.columnItems',
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/sites/:code/items/:documentId',
    handler: 'site-content.siteItem',
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/items/:documentId/placements',
    handler: 'site-content.itemPlacements',
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
];
