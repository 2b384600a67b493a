import { routeScope } from '@jiyue/kernel';

// Public reads: feeds show only what the column publicly lists.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/feeds/:site/:file', handler: 'feed.show', config: { auth: false, policies: [routeScope({ kind: 'public' })] } }],
};
