import { rateLimit, routeScope } from '@jiyue/kernel';

// Content-API routes (/api/policy-match/...). `auth: false` only for public reads and for match,
// which takes a profile in the body and reads a stored profile only for a verified caller's own JWT.
// Every other route needs a users-permissions user and acts on that user's own rows only: no route
// takes a user or profile id.
const user = { policies: [routeScope({ kind: 'own' })] };
const open = { auth: false, policies: [routeScope({ kind: 'public' })] };
/** The public match is rate-limited per client (`rateLimits.match` in the plugin config, read per request). */
const matchLimit = rateLimit({
  name: 'policy-match.match',
  limit: (strapi) => (strapi.config.get('plugin::policy-match') as { rateLimits: { match: { points: number; duration: number } } }).rateLimits.match,
});
export const USER_ACTIONS = [
  'profile.find', 'profile.put', 'profile.remove', 'inbox.list', 'inbox.markRead',
  'engagement.subscriptions', 'engagement.subscribe', 'engagement.unsubscribe',
  'engagement.favourites', 'engagement.favourite', 'engagement.unfavourite', 'engagement.rate', 'engagement.comment',
];

export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/match', handler: 'match.match', config: { ...open, middlewares: [matchLimit] } },
    { method: 'GET', path: '/tags', handler: 'taxonomy.list', config: open },
    { method: 'GET', path: '/fields', handler: 'taxonomy.fields', config: open },
    { method: 'GET', path: '/policies/:documentId/ratings', handler: 'engagement.ratings', config: open },
    { method: 'GET', path: '/policies/:documentId/comments', handler: 'engagement.comments', config: open },

    { method: 'GET', path: '/profile', handler: 'profile.find', config: user },
    { method: 'PUT', path: '/profile', handler: 'profile.put', config: user },
    { method: 'DELETE', path: '/profile', handler: 'profile.remove', config: user },
    { method: 'GET', path: '/inbox', handler: 'inbox.list', config: user },
    { method: 'POST', path: '/inbox/:id/read', handler: 'inbox.markRead', config: user },
    { method: 'GET', path: '/subscriptions', handler: 'engagement.subscriptions', config: user },
    { method: 'POST', path: '/subscriptions', handler: 'engagement.subscribe', config: user },
    { method: 'DELETE', path: '/subscriptions/:id', handler: 'engagement.unsubscribe', config: user },
    { method: 'GET', path: '/favourites', handler: 'engagement.favourites', config: user },
    { method: 'PUT', path: '/favourites/:documentId', handler: 'engagement.favourite', config: user },
    { method: 'DELETE', path: '/favourites/:documentId', handler: 'engagement.unfavourite', config: user },
    { method: 'PUT', path: '/policies/:documentId/rating', handler: 'engagement.rate', config: user },
    { method: 'POST', path: '/policies/:documentId/comments', handler: 'engagement.comment', config: user },
  ],
};
