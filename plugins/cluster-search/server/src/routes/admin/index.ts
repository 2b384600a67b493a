const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::cluster-search.${action}`] } }],
});

// Admin-panel routes (admin JWT), each behind its RBAC action.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/synonyms', handler: 'admin.listSynonyms', config: can('synonym.read') },
    { method: 'POST', path: '/synonyms', handler: 'admin.createSynonym', config: can('synonym.manage') },
    { method: 'PUT', path: '/synonyms/:id', handler: 'admin.updateSynonym', config: can('synonym.manage') },
    { method: 'DELETE', path: '/synonyms/:id', handler: 'admin.deleteSynonym', config: can('synonym.manage') },
    { method: 'GET', path: '/analytics/top-queries', handler: 'admin.topQueries', config: can('analytics.read') },
    { method: 'GET', path: '/analytics/zero-results', handler: 'admin.zeroResults', config: can('analytics.read') },
    // Approved suggestion terms (cluster-wide configuration).
    { method: 'GET', path: '/suggest-terms', handler: 'admin.listSuggestTerms', config: can('suggest-term.read') },
    { method: 'POST', path: '/suggest-terms', handler: 'admin.approveSuggestTerm', config: can('suggest-term.manage') },
    { method: 'DELETE', path: '/suggest-terms/:id', handler: 'admin.deleteSuggestTerm', config: can('suggest-term.manage') },
    { method: 'GET', path: '/index', handler: 'admin.indexStats', config: can('index.manage') },
    { method: 'POST', path: '/index/rebuild', handler: 'admin.reindex', config: can('index.manage') },
  ],
};
