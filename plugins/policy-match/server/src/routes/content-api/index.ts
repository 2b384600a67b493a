// Content-API routes (/api/policy-match/...). `auth: false` only for public reads and for match,
// which takes a profile in the body and reads a stored profile only for a verified caller's own JWT.
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/match', handler: 'match.match', config: { auth: false } },
    { method: 'GET', path: '/tags', handler: 'taxonomy.list', config: { auth: false } },
    { method: 'GET', path: '/fields', handler: 'taxonomy.fields', config: { auth: false } },
  ],
};
