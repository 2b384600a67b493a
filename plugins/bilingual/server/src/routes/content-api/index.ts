import type { Core } from '@strapi/strapi';
import { described, routeScope } from '@jiyue/kernel';
import { documentResponse } from '../../validation/status';

// Public reads of published content only.
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/documents/:uid/:documentId',
      handler: 'status.document',
      ...described({ response: documentResponse }),
      config: { auth: false, policies: [routeScope({ kind: 'public' })] },
    },
  ],
} satisfies Core.RouterInput;
