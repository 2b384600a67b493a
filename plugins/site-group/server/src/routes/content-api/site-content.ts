import type { Core } from '@strapi/strapi';
import { described, routeScope } from '@jiyue/kernel';
import { columnItemsQuery, columnItemsResponse, itemPlacementsResponse, siteItemQuery, siteItemResponse } from '../../validation/site-content';

// Public reads for site builders: published content only, drafts never appear.
export default [
  {
    method: 'GET',
    path: '/sites/:code/columns/:slug/items',
    handler: 'site-content.columnItems',
    ...described({ query: columnItemsQuery, response: columnItemsResponse }),
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/sites/:code/items/:documentId',
    handler: 'site-content.siteItem',
    ...described({ query: siteItemQuery, response: siteItemResponse }),
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
  {
    method: 'GET',
    path: '/items/:documentId/placements',
    handler: 'site-content.itemPlacements',
    ...described({ response: itemPlacementsResponse }),
    config: { auth: false, policies: [routeScope({ kind: 'public' })] },
  },
] satisfies Core.RouteInput[];
