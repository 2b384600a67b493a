import { routeScope } from '@jiyue/kernel/dist/http/route-scope';

const open = { auth: false, policies: [routeScope({ kind: 'public' })] };

// Public reads: search results contain only published, publicly disclosed items.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/search', handler: 'search.search', config: open },
    { method: 'GET', path: '/suggest', handler: 'search.suggest', config: open },
  ],
};
