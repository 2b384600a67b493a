import type { Core } from '@strapi/strapi';
import { described, rateLimit, routeScope } from '@jiyue/kernel';
import * as engagement from '../../validation/engagement';
import * as inbox from '../../validation/inbox';
import * as match from '../../validation/match';
import * as profile from '../../validation/profile';
import * as taxonomy from '../../validation/taxonomy';
// A: the fact registry
import * as fact from '../../validation/fact';

// Content-API routes (/api/policy-match/...). `auth: false` only for public reads and for match,
// which takes a profile in the body and reads a stored profile only for a verified caller's own JWT.
// Every other route needs a users-permissions user and acts on that user's own rows only: no route
// takes a user or profile id.
const user = { policies: [routeScope({ kind: 'own' })] };
const open = { auth: false as const, policies: [routeScope({ kind: 'public' })] };
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
    { method: 'POST', path: '/match', handler: 'match.match', ...described({ body: match.matchBody, response: match.matchResponse }), config: { ...open, middlewares: [matchLimit] } },
    { method: 'GET', path: '/tags', handler: 'taxonomy.list', ...described({ query: taxonomy.listQuery, response: taxonomy.listResponse }), config: open },
    // A: the fact registry, labelled in the request's locale
    { method: 'GET', path: '/fields', handler: 'taxonomy.fields', ...described({ query: fact.fieldsQuery, response: taxonomy.fieldsResponse }), config: open },
    { method: 'GET', path: '/policies/:documentId/ratings', handler: 'engagement.ratings', ...described({ response: engagement.ratingsResponse }), config: open },
    { method: 'GET', path: '/policies/:documentId/comments', handler: 'engagement.comments', ...described({ response: engagement.commentsResponse }), config: open },

    { method: 'GET', path: '/profile', handler: 'profile.find', config: user },
    { method: 'PUT', path: '/profile', handler: 'profile.put', ...described({ body: profile.putBody }), config: user },
    { method: 'DELETE', path: '/profile', handler: 'profile.remove', config: user },
    { method: 'GET', path: '/inbox', handler: 'inbox.list', ...described({ query: inbox.listQuery }), config: user },
    { method: 'POST', path: '/inbox/:id/read', handler: 'inbox.markRead', config: user },
    { method: 'GET', path: '/subscriptions', handler: 'engagement.subscriptions', config: user },
    { method: 'POST', path: '/subscriptions', handler: 'engagement.subscribe', ...described({ body: engagement.subscribeBody }), config: user },
    { method: 'DELETE', path: '/subscriptions/:id', handler: 'engagement.unsubscribe', config: user },
    { method: 'GET', path: '/favourites', handler: 'engagement.favourites', config: user },
    { method: 'PUT', path: '/favourites/:documentId', handler: 'engagement.favourite', config: user },
    { method: 'DELETE', path: '/favourites/:documentId', handler: 'engagement.unfavourite', config: user },
    { method: 'PUT', path: '/policies/:documentId/rating', handler: 'engagement.rate', ...described({ body: engagement.rateBody }), config: user },
    { method: 'POST', path: '/policies/:documentId/comments', handler: 'engagement.comment', ...described({ body: engagement.commentBody }), config: user },
  ],
} satisfies Core.RouterInput;
