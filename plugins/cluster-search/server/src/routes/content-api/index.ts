import type { Core } from '@strapi/strapi';
import { described, rateLimit, routeScope } from '@jiyue/kernel';
import { searchQuery, searchResponse, suggestQuery, suggestResponse } from '../../validation/search';
import type { ClusterSearchConfig } from '../../config';

/** Per-client limits from `rateLimits` in the plugin config (read per request). */
const limited = (route: keyof ClusterSearchConfig['rateLimits']) =>
  rateLimit({
    name: `cluster-search.${route}`,
    limit: (strapi) => (strapi.config.get('plugin::cluster-search') as ClusterSearchConfig).rateLimits[route],
  });

const open = (route: keyof ClusterSearchConfig['rateLimits']) => ({
  auth: false as const,
  policies: [routeScope({ kind: 'public' })],
  middlewares: [limited(route)],
});

// Public reads: search results contain only published, publicly disclosed items. Rate-limited per
// client (429 with Retry-After over the limit).
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/search', handler: 'search.search', ...described({ query: searchQuery, response: searchResponse }), config: open('search') },
    { method: 'GET', path: '/suggest', handler: 'search.suggest', ...described({ query: suggestQuery, response: suggestResponse }), config: open('suggest') },
  ],
} satisfies Core.RouterInput;
