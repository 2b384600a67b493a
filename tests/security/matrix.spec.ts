/**
 * The permission matrix of issue #16 items 4 and 5: every route of our six plugins declares a site scope
 * (read at runtime from the registered routes, so a new route without one fails here), and every admin
 * route is tried by an in-scope editor, an out-of-scope editor and the root-site admin; every content-API
 * route by an anonymous visitor, a logged-in user and an API token. A route missing from the request
 * table below fails too: add a request builder for it. The holes named in the issue are named cases.
 */
import { createAdmin, type AdminSession } from '../helpers/auth';
import { ARTICLE, POLICY, SUITE_PLUGINS, as, bootSecurityApp, SCOPE_POLICY, type SecurityCast } from './lib';

type Site = 'luding' | 'kangding';
type Scope = { kind: string; [key: string]: unknown };

interface Fixture {
  site: Site;
  article: string;
  policy: string;
  column: string;
  placement: number;
  channel: number;
  channelKey: string;
  delivery: number;
  deliveryKey: string;
  retraction: number;
  replacement: number;
  comment: number;
  commentBody: string;
  xliff: string;
}

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: object;
}


/** Routes as Strapi registered them for each plugin, with the scope each declares. */
const registeredRoutes = (cast: SecurityCast) => {
  const out: { plugin: string; type: 'admin' | 'content-api'; method: string; path: string; scope: Scope | undefined }[] = [];
  for (const plugin of SUITE_PLUGINS) {
    const routes = cast.app.strapi.plugin(plugin).routes as Record<string, { type?: string; routes: any[] }> | any[];
    const groups = Array.isArray(routes) ? [{ type: 'admin', routes }] : Object.entries(routes).map(([key, g]) => ({ type: g.type ?? key, routes: g.routes }));
    for (const group of groups) {
      for (const route of group.routes) {
        const entry = (route.config?.policies ?? []).find((p: any) => p && typeof p === 'object' && p.name === SCOPE_POLICY);
        out.push({ plugin, type: group.type as 'admin' | 'content-api', method: route.method, path: route.path, scope: entry?.config?.scope });
      }
    }
  }
  return out;
};

const key = (plugin: string, method: string, path: string) => `${plugin} ${method} ${path}`;

/** One request builder per admin route: the request as it concerns the fixture of site `f.site`. */
const ADMIN: Record<string, (f: Fixture, ctx: { spare: AdminSession; editorOf: (s: Site) => AdminSession }) => Req> = {
  // site-group
  [key('site-group', 'POST', '/placements')]: (f) => ({ method: 'POST', url: '/site-group/placements', body: { contentType: ARTICLE, documentId: f.article, site: f.site, column: f.column } }),
  [key('site-group', 'POST', '/pushes')]: (f) => ({ method: 'POST', url: '/site-group/pushes', body: { contentType: ARTICLE, documentId: f.article, column: f.column, sites: [f.site] } }),
  [key('site-group', 'POST', '/submissions')]: (f) => ({ method: 'POST', url: '/site-group/submissions', body: { contentType: ARTICLE, documentId: f.article, site: 'ganzi', column: 'tzgg' } }),
  [key('site-group', 'GET', '/placements')]: () => ({ method: 'GET', url: '/site-group/placements' }),
  [key('site-group', 'POST', '/placements/batch')]: (f) => ({ method: 'POST', url: '/site-group/placements/batch', body: { contentType: ARTICLE, documentId: f.article, targets: [{ site: f.site, column: f.column }] } }),
  [key('site-group', 'PUT', '/placements/:id')]: (f) => ({ method: 'PUT', url: `/site-group/placements/${f.placement}`, body: { pinned: true } }),
  [key('site-group', 'GET', '/documents/:uid/:documentId/placements')]: (f) => ({ method: 'GET', url: `/site-group/documents/${ARTICLE}/${f.article}/placements` }),
  [key('site-group', 'GET', '/inbox')]: () => ({ method: 'GET', url: '/site-group/inbox' }),
  [key('site-group', 'GET', '/site-tree')]: () => ({ method: 'GET', url: '/site-group/site-tree?mine=true' }),
  [key('site-group', 'POST', '/placements/:id/accept')]: (f) => ({ method: 'POST', url: `/site-group/placements/${f.placement}/accept`, body: {} }),
  [key('site-group', 'POST', '/placements/:id/reject')]: (f) => ({ method: 'POST', url: `/site-group/placements/${f.placement}/reject`, body: { reason: '不属于本栏目' } }),
  [key('site-group', 'POST', '/placements/:id/withdraw')]: (f) => ({ method: 'POST', url: `/site-group/placements/${f.placement}/withdraw` }),
  [key('site-group', 'GET', '/items/:documentId/audit')]: (f) => ({ method: 'GET', url: `/site-group/items/${f.article}/audit` }),
  [key('site-group', 'GET', '/reports/stale-columns')]: () => ({ method: 'GET', url: '/site-group/reports/stale-columns' }),
  [key('site-group', 'GET', '/sites/:code/catalogue')]: (f) => ({ method: 'GET', url: `/site-group/sites/${f.site}/catalogue` }),
  [key('site-group', 'GET', '/operations')]: () => ({ method: 'GET', url: '/site-group/operations?pageSize=5' }),
  [key('site-group', 'GET', '/assignments')]: (f, c) => ({ method: 'GET', url: `/site-group/assignments?userId=${c.editorOf(f.site).id}` }),
  [key('site-group', 'POST', '/assignments')]: (f, c) => ({ method: 'POST', url: '/site-group/assignments', body: { userId: c.spare.id, site: f.site } }),
  [key('site-group', 'POST', '/assignments/remove')]: (f, c) => ({ method: 'POST', url: '/site-group/assignments/remove', body: { userId: c.spare.id, site: f.site } }),
  // review-workflow
  [key('review-workflow', 'POST', '/documents/:uid/:documentId/submit')]: (f) => ({ method: 'POST', url: `/review-workflow/documents/${ARTICLE}/${f.article}/submit`, body: { locale: 'zh-Hans' } }),
  [key('review-workflow', 'POST', '/documents/:uid/:documentId/approve')]: (f) => ({ method: 'POST', url: `/review-workflow/documents/${ARTICLE}/${f.article}/approve`, body: { locale: 'zh-Hans' } }),
  [key('review-workflow', 'POST', '/documents/:uid/:documentId/reject')]: (f) => ({ method: 'POST', url: `/review-workflow/documents/${ARTICLE}/${f.article}/reject`, body: { locale: 'zh-Hans', comment: '请修改标题' } }),
  [key('review-workflow', 'POST', '/documents/:uid/:documentId/emergency-publish')]: (f) => ({ method: 'POST', url: `/review-workflow/documents/${ARTICLE}/${f.article}/emergency-publish`, body: { locale: 'zh-Hans', reason: '汛情紧急通知' } }),
  [key('review-workflow', 'GET', '/documents/:uid/:documentId/history')]: (f) => ({ method: 'GET', url: `/review-workflow/documents/${ARTICLE}/${f.article}/history?locale=zh-Hans` }),
  [key('review-workflow', 'GET', '/queue')]: () => ({ method: 'GET', url: '/review-workflow/queue' }),
  [key('review-workflow', 'GET', '/desk')]: () => ({ method: 'GET', url: '/review-workflow/desk' }),
  [key('review-workflow', 'GET', '/reports/flagged')]: () => ({ method: 'GET', url: '/review-workflow/reports/flagged' }),
  [key('review-workflow', 'POST', '/check')]: () => ({ method: 'POST', url: '/review-workflow/check', body: { fields: { title: '关于做好防汛工作的通知' } } }),
  [key('review-workflow', 'POST', '/stage-configs')]: (f) => ({ method: 'POST', url: '/review-workflow/stage-configs', body: { siteCode: f.site, stage: 'first-review', roles: [], users: [] } }),
  // distribution
  [key('distribution', 'GET', '/channels')]: () => ({ method: 'GET', url: '/distribution/channels' }),
  [key('distribution', 'POST', '/channels')]: (f) => ({ method: 'POST', url: '/distribution/channels', body: { key: `feed:${f.site}-matrix-new`, site: f.site, kind: 'feed', name: '矩阵测试', settings: {} } }),
  [key('distribution', 'PUT', '/channels/:id')]: (f) => ({ method: 'PUT', url: `/distribution/channels/${f.channel}`, body: { name: '改名' } }),
  [key('distribution', 'DELETE', '/channels/:id')]: (f) => ({ method: 'DELETE', url: `/distribution/channels/${f.channel}` }),
  [key('distribution', 'GET', '/documents/:uid/:documentId/targets')]: (f) => ({ method: 'GET', url: `/distribution/documents/${ARTICLE}/${f.article}/targets` }),
  [key('distribution', 'GET', '/documents/:uid/:documentId/deliveries')]: (f) => ({ method: 'GET', url: `/distribution/documents/${ARTICLE}/${f.article}/deliveries` }),
  [key('distribution', 'GET', '/deliveries')]: () => ({ method: 'GET', url: '/distribution/deliveries?pageSize=100' }),
  [key('distribution', 'POST', '/deliveries/:id/retry')]: (f) => ({ method: 'POST', url: `/distribution/deliveries/${f.delivery}/retry` }),
  [key('distribution', 'POST', '/deliveries/retry-dead')]: (f) => ({ method: 'POST', url: '/distribution/deliveries/retry-dead', body: { site: f.site } }),
  [key('distribution', 'GET', '/targets/:uid/:documentId')]: (f) => ({ method: 'GET', url: `/distribution/targets/${ARTICLE}/${f.article}?locale=zh-Hans` }),
  [key('distribution', 'PUT', '/targets/:uid/:documentId')]: (f) => ({ method: 'PUT', url: `/distribution/targets/${ARTICLE}/${f.article}`, body: { locale: 'zh-Hans', targets: { placements: [{ site: f.site, column: f.column }] } } }),
  [key('distribution', 'POST', '/retractions')]: (f) => ({ method: 'POST', url: '/distribution/retractions', body: { uid: ARTICLE, documentId: f.article, scope: { site: f.site, includeDescendants: false }, reason: '内容有误，撤回' } }),
  [key('distribution', 'GET', '/retractions/:id')]: (f) => ({ method: 'GET', url: `/distribution/retractions/${f.retraction}` }),
  [key('distribution', 'POST', '/replacements/preview')]: (f) => ({ method: 'POST', url: '/distribution/replacements/preview', body: { find: '不存在的词语', replace: '替换', scope: { site: f.site, includeDescendants: false }, contentTypes: [ARTICLE], locales: ['zh-Hans'] } }),
  [key('distribution', 'GET', '/replacements/:id')]: (f) => ({ method: 'GET', url: `/distribution/replacements/${f.replacement}` }),
  [key('distribution', 'GET', '/replacements/:id/audit')]: (f) => ({ method: 'GET', url: `/distribution/replacements/${f.replacement}/audit` }),
  [key('distribution', 'POST', '/replacements/:id/apply')]: (f) => ({ method: 'POST', url: `/distribution/replacements/${f.replacement}/apply` }),
  [key('distribution', 'POST', '/replacements/:id/rollback')]: (f) => ({ method: 'POST', url: `/distribution/replacements/${f.replacement}/rollback` }),
  // policy-match
  [key('policy-match', 'GET', '/tags')]: () => ({ method: 'GET', url: '/policy-match/tags' }),
  [key('policy-match', 'PUT', '/tags')]: () => ({ method: 'PUT', url: '/policy-match/tags', body: {} }),
  [key('policy-match', 'POST', '/suggest-tags')]: () => ({ method: 'POST', url: '/policy-match/suggest-tags', body: { text: '小微企业创业担保贷款贴息' } }),
  [key('policy-match', 'GET', '/policies/:documentId/eligibility')]: (f) => ({ method: 'GET', url: `/policy-match/policies/${f.policy}/eligibility` }),
  [key('policy-match', 'PUT', '/policies/:documentId/eligibility')]: (f) => ({ method: 'PUT', url: `/policy-match/policies/${f.policy}/eligibility`, body: {} }),
  [key('policy-match', 'DELETE', '/policies/:documentId/eligibility')]: (f) => ({ method: 'DELETE', url: `/policy-match/policies/${f.policy}/eligibility` }),
  [key('policy-match', 'GET', '/policies/:documentId/audience')]: (f) => ({ method: 'GET', url: `/policy-match/policies/${f.policy}/audience` }),
  [key('policy-match', 'GET', '/comments')]: () => ({ method: 'GET', url: '/policy-match/comments' }),
  [key('policy-match', 'POST', '/comments/:id/approve')]: (f) => ({ method: 'POST', url: `/policy-match/comments/${f.comment}/approve`, body: {} }),
  [key('policy-match', 'POST', '/comments/:id/reject')]: (f) => ({ method: 'POST', url: `/policy-match/comments/${f.comment}/reject`, body: {} }),
  // policy-match, developer F (#19): tag usage and delete, try a profile
  [key('policy-match', 'GET', '/tags/:code/usage')]: () => ({ method: 'GET', url: '/policy-match/tags/graduate/usage' }),
  [key('policy-match', 'DELETE', '/tags/:code')]: () => ({ method: 'DELETE', url: '/policy-match/tags/no-such-tag' }),
  [key('policy-match', 'POST', '/policies/:documentId/try')]: (f) => ({ method: 'POST', url: `/policy-match/policies/${f.policy}/try`, body: { eligibility: { audience: 'individual', clauses: [] }, profile: { kind: 'individual', facts: {} } } }),
  // end F
  // policy-match, A: the fact registry (the root admin's PUT {} is a 400 and its DELETE of an unknown code a 404: nothing changes)
  [key('policy-match', 'GET', '/facts')]: () => ({ method: 'GET', url: '/policy-match/facts' }),
  [key('policy-match', 'PUT', '/facts')]: () => ({ method: 'PUT', url: '/policy-match/facts', body: {} }),
  [key('policy-match', 'DELETE', '/facts/:code')]: () => ({ method: 'DELETE', url: '/policy-match/facts/noSuchFact' }),
  [key('policy-match', 'GET', '/facts/:code/usage')]: () => ({ method: 'GET', url: '/policy-match/facts/age/usage' }),
  // C (issue #19): a background audience run, same action and scope as the count
  [key('policy-match', 'POST', '/policies/:documentId/audience/runs')]: (f) => ({ method: 'POST', url: `/policy-match/policies/${f.policy}/audience/runs` }),
  // bilingual
  [key('bilingual', 'GET', '/status')]: () => ({ method: 'GET', url: '/bilingual/status?limit=1000' }),
  [key('bilingual', 'GET', '/documents/:uid/:documentId/status')]: (f) => ({ method: 'GET', url: `/bilingual/documents/${ARTICLE}/${f.article}/status` }),
  [key('bilingual', 'GET', '/documents/:uid/:documentId/translation')]: (f) => ({ method: 'GET', url: `/bilingual/documents/${ARTICLE}/${f.article}/translation?locale=bo` }),
  [key('bilingual', 'PUT', '/documents/:uid/:documentId/translation')]: (f) => ({ method: 'PUT', url: `/bilingual/documents/${ARTICLE}/${f.article}/translation`, body: { locale: 'bo', data: { title: 'དར་རྩེ་མདོ་གྲོང་ཁྱེར།' } } }),
  [key('bilingual', 'POST', '/pretranslate')]: (f) => ({ method: 'POST', url: '/bilingual/pretranslate', body: { uid: ARTICLE, documentId: f.article } }),
  [key('bilingual', 'GET', '/xliff/export')]: (f) => ({ method: 'GET', url: `/bilingual/xliff/export?uid=${ARTICLE}&documentIds=${f.article}` }),
  [key('bilingual', 'POST', '/xliff/import')]: (f) => ({ method: 'POST', url: '/bilingual/xliff/import', body: { xliff: f.xliff } }),
  // cluster-search
  [key('cluster-search', 'GET', '/synonyms')]: () => ({ method: 'GET', url: '/cluster-search/synonyms' }),
  [key('cluster-search', 'POST', '/synonyms')]: () => ({ method: 'POST', url: '/cluster-search/synonyms', body: { terms: ['社保', '社会保险'] } }),
  [key('cluster-search', 'PUT', '/synonyms/:id')]: () => ({ method: 'PUT', url: '/cluster-search/synonyms/999999', body: { terms: ['医保', '医疗保险'] } }),
  [key('cluster-search', 'DELETE', '/synonyms/:id')]: () => ({ method: 'DELETE', url: '/cluster-search/synonyms/999999' }),
  [key('cluster-search', 'GET', '/analytics/top-queries')]: (f) => ({ method: 'GET', url: `/cluster-search/analytics/top-queries?site=${f.site}` }),
  [key('cluster-search', 'GET', '/analytics/zero-results')]: (f) => ({ method: 'GET', url: `/cluster-search/analytics/zero-results?site=${f.site}` }),
  [key('cluster-search', 'GET', '/suggest-terms')]: () => ({ method: 'GET', url: '/cluster-search/suggest-terms?locale=zh-Hans' }),
  [key('cluster-search', 'POST', '/suggest-terms')]: () => ({ method: 'POST', url: '/cluster-search/suggest-terms', body: { term: '稻城亚丁景区预约', locale: 'zh-Hans' } }),
  [key('cluster-search', 'DELETE', '/suggest-terms/:id')]: () => ({ method: 'DELETE', url: '/cluster-search/suggest-terms/999999' }),
  [key('cluster-search', 'GET', '/index')]: () => ({ method: 'GET', url: '/cluster-search/index' }),
  [key('cluster-search', 'POST', '/index/rebuild')]: () => ({ method: 'POST', url: '/cluster-search/index/rebuild' }),
};

/** What a `filtered` route must not show the luding editor: a marker of the kangding fixture. */
const HIDDEN: Record<string, (k: Fixture) => string> = {
  [key('site-group', 'GET', '/placements')]: (k) => k.article,
  [key('site-group', 'GET', '/reports/stale-columns')]: () => '"kangding"',
  [key('site-group', 'GET', '/inbox')]: (k) => k.article,
  // The whole tree is public (the content API shows it); `mine=true` keeps only the caller's sites.
  [key('site-group', 'GET', '/site-tree')]: () => '"kangding"',
  [key('site-group', 'GET', '/assignments')]: () => 'kangding',
  [key('review-workflow', 'GET', '/queue')]: (k) => k.article,
  [key('review-workflow', 'GET', '/desk')]: (k) => k.article,
  [key('review-workflow', 'GET', '/reports/flagged')]: (k) => k.article,
  [key('distribution', 'GET', '/channels')]: (k) => k.channelKey,
  [key('distribution', 'GET', '/deliveries')]: (k) => k.deliveryKey,
  [key('policy-match', 'GET', '/comments')]: (k) => k.commentBody,
  [key('bilingual', 'GET', '/status')]: (k) => k.article,
};

/** One request builder per content-API route (served under /api/<plugin>). */
const CONTENT: Record<string, (f: Fixture) => Req> = {
  [key('site-group', 'GET', '/sites')]: () => ({ method: 'GET', url: '/api/site-group/sites' }),
  [key('site-group', 'GET', '/sites/:code')]: (f) => ({ method: 'GET', url: `/api/site-group/sites/${f.site}` }),
  [key('site-group', 'GET', '/sites/:code/columns/:slug/items')]: (f) => ({ method: 'GET', url: `/api/site-group/sites/${f.site}/columns/${f.column}/items` }),
  [key('site-group', 'GET', '/sites/:code/items/:documentId')]: (f) => ({ method: 'GET', url: `/api/site-group/sites/${f.site}/items/${f.article}` }),
  [key('site-group', 'GET', '/items/:documentId/placements')]: (f) => ({ method: 'GET', url: `/api/site-group/items/${f.article}/placements` }),
  [key('distribution', 'GET', '/feeds/:site/:file')]: (f) => ({ method: 'GET', url: `/api/distribution/feeds/${f.site}/rss.xml` }),
  [key('policy-match', 'POST', '/match')]: () => ({ method: 'POST', url: '/api/policy-match/match', body: { profile: {} } }),
  [key('policy-match', 'GET', '/tags')]: () => ({ method: 'GET', url: '/api/policy-match/tags' }),
  [key('policy-match', 'GET', '/fields')]: () => ({ method: 'GET', url: '/api/policy-match/fields' }),
  [key('policy-match', 'GET', '/policies/:documentId/ratings')]: (f) => ({ method: 'GET', url: `/api/policy-match/policies/${f.policy}/ratings` }),
  [key('policy-match', 'GET', '/policies/:documentId/comments')]: (f) => ({ method: 'GET', url: `/api/policy-match/policies/${f.policy}/comments` }),
  [key('policy-match', 'GET', '/profile')]: () => ({ method: 'GET', url: '/api/policy-match/profile' }),
  [key('policy-match', 'PUT', '/profile')]: () => ({ method: 'PUT', url: '/api/policy-match/profile', body: {} }),
  [key('policy-match', 'DELETE', '/profile')]: () => ({ method: 'DELETE', url: '/api/policy-match/profile' }),
  [key('policy-match', 'GET', '/inbox')]: () => ({ method: 'GET', url: '/api/policy-match/inbox' }),
  [key('policy-match', 'POST', '/inbox/:id/read')]: () => ({ method: 'POST', url: '/api/policy-match/inbox/999999/read' }),
  [key('policy-match', 'GET', '/subscriptions')]: () => ({ method: 'GET', url: '/api/policy-match/subscriptions' }),
  [key('policy-match', 'POST', '/subscriptions')]: () => ({ method: 'POST', url: '/api/policy-match/subscriptions', body: {} }),
  [key('policy-match', 'DELETE', '/subscriptions/:id')]: () => ({ method: 'DELETE', url: '/api/policy-match/subscriptions/999999' }),
  [key('policy-match', 'GET', '/favourites')]: () => ({ method: 'GET', url: '/api/policy-match/favourites' }),
  [key('policy-match', 'PUT', '/favourites/:documentId')]: (f) => ({ method: 'PUT', url: `/api/policy-match/favourites/${f.policy}` }),
  [key('policy-match', 'DELETE', '/favourites/:documentId')]: (f) => ({ method: 'DELETE', url: `/api/policy-match/favourites/${f.policy}` }),
  [key('policy-match', 'PUT', '/policies/:documentId/rating')]: (f) => ({ method: 'PUT', url: `/api/policy-match/policies/${f.policy}/rating`, body: { stars: 5 } }),
  [key('policy-match', 'POST', '/policies/:documentId/comments')]: (f) => ({ method: 'POST', url: `/api/policy-match/policies/${f.policy}/comments`, body: { body: '这项政策很好' } }),
  [key('bilingual', 'GET', '/documents/:uid/:documentId')]: (f) => ({ method: 'GET', url: `/api/bilingual/documents/${ARTICLE}/${f.article}` }),
  [key('cluster-search', 'GET', '/search')]: () => ({ method: 'GET', url: '/api/cluster-search/search?q=%E9%98%B2%E6%B1%9B' }),
  [key('cluster-search', 'GET', '/suggest')]: () => ({ method: 'GET', url: '/api/cluster-search/suggest?q=%E9%98%B2' }),
};

let cast: SecurityCast;
let spare: AdminSession;
const fx = {} as Record<Site, Fixture>;

const send = (session: { jwt: string } | null, req: Req, token?: string) => {
  let r = cast.app.request()[req.method === 'DELETE' ? 'delete' : (req.method.toLowerCase() as 'get' | 'post' | 'put')](req.url);
  if (session) r = r.set('Authorization', `Bearer ${session.jwt}`);
  if (token) r = r.set('Authorization', `Bearer ${token}`);
  return req.body !== undefined ? r.send(req.body) : r;
};

/** A 403 from the scope rule (or a service's site check): it names the site or the cluster scope. */
const isScopeDenial = (res: { status: number; body: any }) =>
  res.status === 403 && Boolean(res.body?.error?.details?.site || res.body?.error?.details?.scope);

const explain = (res: { status: number; body: any; text?: string }) => `${res.status} ${JSON.stringify(res.body?.error ?? res.body).slice(0, 300)}`;

beforeAll(async () => {
  // The demo tree (sites and columns) and the cast; every object a route acts on is a fixture made here,
  // so the whole demo content is not needed (seeding it alone outlasts the hook on PostgreSQL).
  cast = await bootSecurityApp();
  const { strapi } = cast.app;
  spare = await createAdmin(cast.app, { roles: [cast.editorRoleId] });
  for (const site of ['luding', 'kangding'] as Site[]) {
    const siteRow = await strapi.db.query('plugin::site-group.site').findOne({ where: { code: site }, select: ['id'] });
    const column = await strapi.db.query('plugin::site-group.column').findOne({ where: { site: { id: siteRow.id } }, select: ['id', 'slug'], orderBy: { id: 'asc' } });
    const article = await strapi.documents(ARTICLE).create({ data: { title: `${site} 矩阵测试草稿`, ownerSite: site } as any, locale: 'zh-Hans' });
    const policy = await strapi.documents(POLICY).create({
      data: { title: `${site} 矩阵测试政策`, indexNumber: `11513300MB0000009X/2024-0099${site === 'luding' ? 1 : 2}`, issuingAuthority: `${site}县人民政府`, level: 'county', documentKind: 'other', ownerSite: site } as any,
      locale: 'zh-Hans',
    });
    const placement = await strapi.db.query('plugin::site-group.placement').create({
      data: { contentType: ARTICLE, itemDocumentId: article.documentId, siteId: siteRow.id, columnId: column.id, mode: 'reference', state: 'pending', origin: 'submitted', pinned: false, priority: 0, itemPublished: false },
    });
    const channelKey = `feed:${site}-matrix`;
    const channel = await strapi.db.query('plugin::distribution.channel').create({ data: { key: channelKey, site, kind: 'feed', name: `${site} 矩阵`, enabled: false, autoDeliver: false, settings: {} } });
    const deliveryKey = `matrix-${site}-delivery`;
    const delivery = await strapi.db.query('plugin::distribution.delivery').create({
      data: { contentType: ARTICLE, itemDocumentId: article.documentId, itemLocale: 'zh-Hans', operation: 'create', channelKey: deliveryKey, channelKind: 'webhook', site, orderingKey: article.documentId, status: 'dead', attempts: 5, maxAttempts: 5, idempotencyKey: deliveryKey, payload: {} },
    });
    const retraction = await strapi.db.query('plugin::distribution.retraction').create({
      data: { contentType: ARTICLE, itemDocumentId: article.documentId, scope: { site, includeDescendants: false }, reason: '矩阵测试', status: 'completed' },
    });
    const replacement = await strapi.db.query('plugin::distribution.replacement').create({
      data: { find: '不存在的词语', replace: '替换', regex: false, scopeSite: site, includeDescendants: false, scopeSites: [site], contentTypes: [ARTICLE], locales: ['zh-Hans'], status: 'previewed', itemCount: 0, matchCount: 0 },
    });
    const commentBody = `${site} 矩阵测试留言`;
    const comment = await strapi.db.query('plugin::policy-match.comment').create({ data: { userId: cast.user.id, policyDocumentId: policy.documentId, body: commentBody, status: 'pending' } });
    const xliff: string = await strapi.plugin('bilingual').service('xliff').export({ uid: ARTICLE, documentIds: [article.documentId], locale: 'bo' });
    fx[site] = {
      site,
      article: article.documentId,
      policy: policy.documentId,
      column: column.slug,
      placement: placement.id,
      channel: channel.id,
      channelKey,
      delivery: delivery.id,
      deliveryKey,
      retraction: retraction.id,
      replacement: replacement.id,
      comment: comment.id,
      commentBody,
      xliff,
    };
  }
}, 600_000);

afterAll(async () => {
  await cast?.app.stop();
});

describe('named holes of issue #16 item 4 (luding editor on kangding objects)', () => {
  const L = () => as(cast.app, cast.ludingEditor);

  it('emergency publish: the luding editor cannot publish a kangding draft (403 naming the site), nothing is published', async () => {
    const res = await L().post(`/review-workflow/documents/${ARTICLE}/${fx.kangding.article}/emergency-publish`, { locale: 'zh-Hans', reason: '紧急发布' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/kangding/);
    const published = await cast.app.strapi.db.query(ARTICLE).findOne({ where: { documentId: fx.kangding.article, publishedAt: { $notNull: true } } });
    expect(published).toBeNull();
  });

  it.each([
    ['review submit', () => L().post(`/review-workflow/documents/${ARTICLE}/${fx.kangding.article}/submit`, { locale: 'zh-Hans' })],
    ['review history', () => L().get(`/review-workflow/documents/${ARTICLE}/${fx.kangding.article}/history`)],
    ['stage config of another site', () => L().post('/review-workflow/stage-configs', { siteCode: 'kangding', stage: 'first-review', roles: [] })],
    ['cluster-wide stage config (no siteCode)', () => L().post('/review-workflow/stage-configs', { stage: 'first-review', roles: [] })],
    ['XLIFF export', () => L().get(`/bilingual/xliff/export?uid=${ARTICLE}&documentIds=${fx.kangding.article}`)],
    ['XLIFF export with one foreign document among own', () => L().get(`/bilingual/xliff/export?uid=${ARTICLE}&documentIds=${fx.luding.article},${fx.kangding.article}`)],
    ['XLIFF import of a kangding document', () => L().post('/bilingual/xliff/import', { xliff: fx.kangding.xliff })],
    ['pretranslate', () => L().post('/bilingual/pretranslate', { uid: ARTICLE, documentId: fx.kangding.article })],
    ['eligibility PUT', () => L().put(`/policy-match/policies/${fx.kangding.policy}/eligibility`, { rules: [] })],
    ['placement audit', () => L().get(`/site-group/items/${fx.kangding.article}/audit`)],
    ['an item\'s placements (Site panel)', () => L().get(`/site-group/documents/${ARTICLE}/${fx.kangding.article}/placements`)],
    ['arranging a kangding placement', () => L().put(`/site-group/placements/${fx.kangding.placement}`, { pinned: true })],
    ['placing a kangding item into luding', () => L().post('/site-group/placements/batch', { contentType: ARTICLE, documentId: fx.kangding.article, targets: [{ site: 'luding', column: fx.luding.column }] })],
    ['the inbox of another site', () => L().get('/site-group/inbox?site=kangding')],
    ['distribution targets of a kangding item', () => L().get(`/distribution/documents/${ARTICLE}/${fx.kangding.article}/targets`)],
    ['delivery status of a kangding item', () => L().get(`/distribution/documents/${ARTICLE}/${fx.kangding.article}/deliveries`)],
    ['locale status of a kangding item', () => L().get(`/bilingual/documents/${ARTICLE}/${fx.kangding.article}/status`)],
    ['side-by-side view of a kangding item', () => L().get(`/bilingual/documents/${ARTICLE}/${fx.kangding.article}/translation`)],
    ['saving the Tibetan draft of a kangding item', () => L().put(`/bilingual/documents/${ARTICLE}/${fx.kangding.article}/translation`, { locale: 'bo', data: { title: 'དར་རྩེ་མདོ་གྲོང་ཁྱེར།' } })],
    ['submission targets naming a kangding column', () => L().post(`/review-workflow/documents/${ARTICLE}/${fx.luding.article}/submit`, { locale: 'zh-Hans', targets: { placements: [{ site: 'kangding', column: fx.kangding.column }] } })],
    ['submission targets naming a kangding channel', () => L().post(`/review-workflow/documents/${ARTICLE}/${fx.luding.article}/submit`, { locale: 'zh-Hans', targets: { channels: [fx.kangding.channelKey] } })],
    ['targets of an own item naming a kangding column', () => L().put(`/distribution/targets/${ARTICLE}/${fx.luding.article}`, { locale: 'zh-Hans', targets: { placements: [{ site: 'kangding', column: fx.kangding.column }] } })],
    ['targets of an own item naming a kangding channel', () => L().put(`/distribution/targets/${ARTICLE}/${fx.luding.article}`, { locale: 'zh-Hans', targets: { channels: [fx.kangding.channelKey] } })],
    ['delivery retry', () => L().post(`/distribution/deliveries/${fx.kangding.delivery}/retry`)],
    ['dead-letter retry of the whole cluster', () => L().post('/distribution/deliveries/retry-dead', {})],
    ['retraction read', () => L().get(`/distribution/retractions/${fx.kangding.retraction}`)],
    ['comment moderation', () => L().post(`/policy-match/comments/${fx.kangding.comment}/approve`, {})],
    ['taxonomy (cluster)', () => L().put('/policy-match/tags', {})],
    // F (#19)
    ['try a profile on a kangding policy', () => L().post(`/policy-match/policies/${fx.kangding.policy}/try`, { eligibility: { audience: 'individual', clauses: [] }, profile: { kind: 'individual', facts: {} } })],
    ['tag usage (cluster)', () => L().get('/policy-match/tags/graduate/usage')],
    ['tag delete (cluster)', () => L().del('/policy-match/tags/graduate')],
    ['synonyms (cluster)', () => L().get('/cluster-search/synonyms')],
    ['search analytics of the whole cluster', () => L().get('/cluster-search/analytics/top-queries')],
  ])('%s: 403', async (_name, request) => {
    const res = await request();
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('PolicyError');
  });

  it('the kangding delivery stays dead after the refused retry', async () => {
    const row = await cast.app.strapi.db.query('plugin::distribution.delivery').findOne({ where: { id: fx.kangding.delivery } });
    expect(row.status).toBe('dead');
  });

  it('an unknown site answers 404, a missing site field 400 naming it', async () => {
    const unknown = await L().get('/site-group/sites/no-such-site/catalogue');
    expect(unknown.status).toBe(404);
    const missing = await L().post('/distribution/retractions', { uid: ARTICLE, documentId: fx.luding.article, reason: '撤回' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error.details)).toMatch(/scope/);
  });

  it.each([
    ['flagged report', '/review-workflow/reports/flagged', () => fx.kangding.article],
    ['bilingual status (other sites\' draft titles)', '/bilingual/status?limit=1000', () => fx.kangding.article],
    ['deliveries list', `/distribution/deliveries?pageSize=100&documentId=${'${K}'}`, () => fx.kangding.deliveryKey],
    ['channel list', '/distribution/channels', () => fx.kangding.channelKey],
    ['comment moderation queue', '/policy-match/comments', () => fx.kangding.commentBody],
  ])('%s: the luding editor sees none of kangding, the root admin does', async (_name, url, marker) => {
    if (url.includes('flagged')) {
      // A flagged event for the kangding draft: the root admin's emergency publish.
      const res = await as(cast.app, cast.rootAdmin).post(`/review-workflow/documents/${ARTICLE}/${fx.kangding.article}/emergency-publish`, { locale: 'zh-Hans', reason: '汛情紧急通知' });
      expect(res.status).toBe(200);
    }
    url = url.replace('${K}', fx.kangding.article);
    const mine = await L().get(url);
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(marker());
    const root = await as(cast.app, cast.rootAdmin).get(url);
    expect(root.status).toBe(200);
    expect(JSON.stringify(root.body)).toContain(marker());
  });
});

describe('every registered route declares its scope', () => {
  it('each admin and content-API route of the six plugins has a scope declaration and a request builder here', () => {
    const routes = registeredRoutes(cast);
    expect(routes.length).toBeGreaterThan(60);
    const undeclared = routes.filter((r) => !r.scope).map((r) => key(r.plugin, r.method, r.path));
    expect(undeclared).toEqual([]);
    const untested = routes
      .filter((r) => !(r.type === 'admin' ? ADMIN : CONTENT)[key(r.plugin, r.method, r.path)])
      .map((r) => `${r.type} ${key(r.plugin, r.method, r.path)}`);
    expect(untested).toEqual([]);
    // Content-API routes are public or the caller's own; site, filtered and cluster scopes are for admins.
    expect(routes.filter((r) => r.type === 'content-api' && !['public', 'own'].includes(r.scope!.kind)).map((r) => r.path)).toEqual([]);
    expect(routes.filter((r) => r.type === 'admin' && ['public', 'own'].includes(r.scope!.kind)).map((r) => r.path)).toEqual([]);
  });
});

describe('admin routes × in-scope editor, out-of-scope editor, root admin', () => {
  const adminRoutes = () => registeredRoutes(cast).filter((r) => r.type === 'admin');
  // Resolved lazily: the table is built from the routes Strapi registered.
  const rows = SUITE_PLUGINS.length ? Object.keys(ADMIN) : [];

  it.each(rows)('%s', async (routeKey) => {
    const route = adminRoutes().find((r) => key(r.plugin, r.method, r.path) === routeKey);
    expect(route).toBeDefined();
    const scope = route!.scope!;
    const ctx = { spare, editorOf: (s: Site) => (s === 'luding' ? cast.ludingEditor : cast.kangdingEditor) };
    const build = ADMIN[routeKey];

    // Out of scope first (refused requests change nothing), then in scope, then the root admin.
    const out = await send(cast.ludingEditor, build(fx.kangding, ctx));
    const mine = await send(cast.ludingEditor, build(fx.luding, ctx));
    const root = await send(cast.rootAdmin, build(fx.kangding, ctx));

    for (const res of [out, mine, root]) expect(res.status).toBeLessThan(500);
    if (scope.kind === 'cluster') {
      expect([out.status, mine.status]).toEqual([403, 403]);
    } else if (scope.kind === 'shared') {
      expect(isScopeDenial(out)).toBe(false);
      expect(isScopeDenial(mine)).toBe(false);
    } else if (scope.kind === 'filtered') {
      const hidden = HIDDEN[routeKey];
      if (hidden) {
        expect(out.status).toBe(200);
        expect(JSON.stringify(out.body)).not.toContain(hidden(fx.kangding));
      } else {
        expect(out.status).toBe(403);
      }
      expect(isScopeDenial(mine)).toBe(false);
    } else {
      if (out.status !== 403) throw new Error(`out of scope: expected 403, got ${explain(out)}`);
      if (isScopeDenial(mine)) throw new Error(`in scope: refused ${explain(mine)}`);
    }
    if (isScopeDenial(root) || root.status === 401) throw new Error(`root admin: refused ${explain(root)}`);
  });
});

describe('content-API routes × anonymous, logged-in user, API token', () => {
  const rows = Object.keys(CONTENT);

  it.each(rows)('%s', async (routeKey) => {
    const route = registeredRoutes(cast).find((r) => r.type === 'content-api' && key(r.plugin, r.method, r.path) === routeKey);
    expect(route).toBeDefined();
    const req = CONTENT[routeKey](fx.luding);
    const anonymous = await send(null, req);
    const user = await send(cast.user, req);
    const token = await send(null, req, cast.token);
    for (const res of [anonymous, user, token]) expect(res.status).toBeLessThan(500);
    if (route!.scope!.kind === 'public') {
      for (const res of [anonymous, user, token]) expect([401, 403]).not.toContain(res.status);
    } else {
      // `own`: a logged-in user's own rows; no one else (an API token has no user).
      expect([401, 403]).toContain(anonymous.status);
      expect([401, 403]).not.toContain(user.status);
      expect([401, 403]).toContain(token.status);
    }
  });
});
