// Public reads: search results contain only published, publicly disclosed items.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/search', handler: 'search.search', config: { auth: false } },
    { method: 'GET', path: '/suggest', handler: 'search.suggest', config: { auth: false } },
  ],
};
