import type { Core } from '@strapi/strapi';
import { described, routeScope } from '@jiyue/kernel';
import { showQuery, showResponse } from '../../validation/feed';

// Public reads: feeds show only what the column publicly lists.
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/feeds/:site/:file',
      handler: 'feed.show',
      ...described({ query: showQuery, response: showResponse }),
      config: { auth: false, policies: [routeScope({ kind: 'public' })] },
    },
  ],
} satisfies Core.RouterInput;
