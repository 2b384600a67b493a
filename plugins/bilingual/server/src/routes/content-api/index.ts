import { routeScope } from '@jiyue/kernel';

// Public reads of published content only.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/documents/:uid/:documentId', handler: 'status.document', config: { auth: false, policies: [routeScope({ kind: 'public' })] } },
  ],
};
