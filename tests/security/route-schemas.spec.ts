import { toJsonSchema, z } from '../../packages/kernel/src/http/schema';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { ARTICLE, SUITE_PLUGINS, as, cm } from './lib';

/**
 * Issue #17 (schemas that describe themselves): every route of the suite declares its query, body
 * and (public routes) response as zod schemas on the route (`request`, `response`, Strapi's own
 * route fields), each of which converts to JSON Schema; and a bad request is refused with a 400
 * naming the field by its path, before anything is written, never a 500.
 */

let app: TestApp;
let admin: AdminSession;

interface Declared {
  key: string;
  type: string;
  auth: unknown;
  request?: { query?: Record<string, z.ZodType>; body?: Record<string, z.ZodType> };
  response?: z.ZodType;
}

/** Every route our plugins register, with what it declares. */
const declaredRoutes = (): Declared[] =>
  SUITE_PLUGINS.flatMap((plugin) =>
    Object.entries<any>((app.strapi.plugin(plugin) as any).routes ?? {}).flatMap(([name, router]) =>
      (Array.isArray(router) ? router : router.routes).map((route: any) => ({
        key: `${plugin} ${route.method} ${route.path} (${route.handler})`,
        type: Array.isArray(router) ? 'admin' : (router.type ?? name),
        auth: route.config?.auth,
        request: route.request,
        response: route.response,
      }))
    )
  );

/** POST/PUT routes that take no body by design (the path names what they act on). */
const BODILESS = [
  'site-group POST /placements/:id/withdraw',
  'distribution POST /deliveries/:id/retry',
  'cluster-search POST /index/rebuild',
  'policy-match POST /inbox/:id/read',
  'policy-match PUT /favourites/:documentId',
  // C (issue #19): a fresh background audience run of the policy in the path
  'policy-match POST /policies/:documentId/audience/runs',
];

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('declared schemas', () => {
  it('every declared query, body and response converts to JSON Schema', () => {
    const routes = declaredRoutes();
    const failures: string[] = [];
    let converted = 0;
    for (const route of routes) {
      const schemas: [string, z.ZodType, 'input' | 'output'][] = [];
      if (route.request?.query) schemas.push(['query', z.object(route.request.query), 'input']);
      for (const [media, schema] of Object.entries(route.request?.body ?? {})) schemas.push([`body ${media}`, schema, 'input']);
      if (route.response) schemas.push(['response', route.response, 'output']);
      for (const [what, schema, io] of schemas) {
        try {
          const json = toJsonSchema(schema, io) as { type?: string };
          expect(json).toBeTruthy();
          converted += 1;
        } catch (error) {
          failures.push(`${route.key} ${what}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(converted).toBeGreaterThan(60);
  });

  it('every route that takes a body declares it; every public route declares its response', () => {
    const routes = declaredRoutes();
    const missingBody = routes
      .filter((r) => ['POST', 'PUT', 'PATCH'].some((m) => r.key.includes(` ${m} `)))
      .filter((r) => !r.request?.body?.['application/json'])
      .map((r) => r.key.replace(/ \(.*\)$/, ''))
      .filter((k) => !BODILESS.includes(k));
    expect(missingBody).toEqual([]);
    const missingResponse = routes.filter((r) => r.type === 'content-api' && r.auth === false && !r.response).map((r) => r.key);
    expect(missingResponse).toEqual([]);
  });

  it('declared JSON bodies are strict objects (unknown keys refused)', () => {
    for (const route of declaredRoutes()) {
      const body = route.request?.body?.['application/json'] as any;
      if (body?.def?.type === 'object') expect({ route: route.key, catchall: body.def.catchall?.def?.type }).toEqual({ route: route.key, catchall: 'never' });
    }
  });
});

describe('public responses match their declared schemas', () => {
  /** The response schema a public route declares, by handler. */
  const responseOf = (plugin: string, handler: string): z.ZodType => {
    const route = Object.values<any>((app.strapi.plugin(plugin) as any).routes)
      .flatMap((router) => (Array.isArray(router) ? router : router.routes))
      .find((r: any) => r.handler === handler && r.response);
    expect(route).toBeDefined();
    return route.response;
  };

  it.each([
    ['site-group', 'site.tree', 'GET', '/api/site-group/sites?locale=bo'],
    ['site-group', 'site.findOne', 'GET', '/api/site-group/sites/ganzi'],
    ['site-group', 'site-content.columnItems', 'GET', '/api/site-group/sites/ganzi/columns/tzgg/items?pageSize=5'],
    ['site-group', 'site-content.itemPlacements', 'GET', '/api/site-group/items/x0abcdefghijklmnopqrstu/placements'],
    ['cluster-search', 'search.search', 'GET', '/api/cluster-search/search?q=%E9%80%9A%E7%9F%A5'],
    ['cluster-search', 'search.suggest', 'GET', '/api/cluster-search/suggest?q=%E9%80%9A'],
    ['policy-match', 'taxonomy.list', 'GET', '/api/policy-match/tags'],
    ['policy-match', 'taxonomy.fields', 'GET', '/api/policy-match/fields'],
    // A: the fact registry in Tibetan (labels pending translation flagged)
    ['policy-match', 'taxonomy.fields', 'GET', '/api/policy-match/fields?locale=bo'],
    ['policy-match', 'engagement.ratings', 'GET', '/api/policy-match/policies/x0abcdefghijklmnopqrstu/ratings'],
    ['policy-match', 'engagement.comments', 'GET', '/api/policy-match/policies/x0abcdefghijklmnopqrstu/comments'],
    ['policy-match', 'match.match', 'POST', '/api/policy-match/match'],
  ])('%s %s', async (plugin, handler, method, url) => {
    const res = method === 'POST' ? await app.request().post(url).send({ profile: { kind: 'individual', facts: { householdRegion: '513301' } } }) : await app.request().get(url);
    expect(res.status).toBe(200);
    const parsed = responseOf(plugin, handler).safeParse(res.body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('bad requests: 400 naming the field with its path, nothing written, never a 500', () => {
  const counts = async () => ({
    replacements: await app.strapi.db.query('plugin::distribution.replacement').count(),
    events: await app.strapi.db.query('plugin::review-workflow.review-event').count(),
    synonyms: await app.strapi.db.query('plugin::cluster-search.synonym').count(),
    placements: await app.strapi.db.query('plugin::site-group.placement').count(),
  });

  const send = (url: string, raw: string) =>
    app.request().post(url).set('Authorization', `Bearer ${admin.jwt}`).set('Content-Type', 'application/json').send(raw);

  let article: string;
  beforeAll(async () => {
    const res = await as(app, admin).post(`${cm(ARTICLE)}?locale=zh-Hans`, { title: '关于路由模式的通知', body: '正文。', ownerSite: 'ganzi' });
    expect(res.status).toBe(201);
    article = res.body.data.documentId;
  });

  it.each([
    ['an unknown key at the top', '/distribution/replacements/preview', { find: '人社局', replace: '人力资源和社会保障局', scope: { site: 'ganzi' }, colour: 'red' }, ['colour'], 'colour: is not a known field'],
    ['an unknown key nested', '/distribution/replacements/preview', { find: '人社局', replace: 'x', scope: { site: 'ganzi', depth: 2 } }, ['scope', 'depth'], 'scope.depth: is not a known field'],
    ['an unknown key in an array item', '/site-group/pushes', { contentType: ARTICLE, documentId: 'x', column: 'tzgg', sites: ['luding'], mode: 'reference', extra: [1] }, ['extra'], 'extra: is not a known field'],
    ['a wrong type in an array', '/cluster-search/synonyms', { terms: ['泸定', 7] }, ['terms', '1'], 'terms[1]: must be a string (got number)'],
    ['a wrong type at the top', '/site-group/assignments', { userId: 'someone', site: 'ganzi' }, ['userId'], 'userId: must be a positive integer'],
  ])('%s', async (_label, url, body, path, message) => {
    const before = await counts();
    const res = await send(url, JSON.stringify(body));
    expect({ status: res.status, name: res.body.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
    expect(res.body.error.details.errors.map((e: any) => e.path)).toContainEqual(path);
    expect(res.body.error.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('a wrong type deep in an array names it as settlements[1].resolution', async () => {
    const before = await counts();
    const res = await send(
      `/review-workflow/documents/${ARTICLE}/${article}/approve`,
      JSON.stringify({ locale: 'zh-Hans', settlements: [{ key: 'a', resolution: 'dismissed', reason: '误报' }, { key: 'b', resolution: 5, reason: '误报' }] })
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['settlements', '1', 'resolution'] })]);
    expect(res.body.error.message).toMatch(/^settlements\[1\]\.resolution: must be one of "dismissed", "refer", "override"/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['__proto__ nested in a body', '/distribution/replacements/preview', '{"find":"x","replace":"y","scope":{"site":"ganzi","__proto__":{"polluted":true}}}', ['scope', '__proto__']],
    ['constructor in an array item', '/review-workflow/check', '{"fields":{"title":"x"},"plainTextFields":[{"constructor":{"prototype":1}}]}', ['plainTextFields', 0, 'constructor']],
    ['constructor in free-keyed fields', '/review-workflow/check', '{"fields":{"constructor":"x"}}', ['fields', 'constructor']],
  ])('a reserved key (%s) → 400 naming it', async (_label, url, raw, path) => {
    const before = await counts();
    const res = await send(url, raw);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path.map(String)).toEqual(path.map(String));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a list', '[1,2,3]'],
    ['a string', '"text"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('a body that is %s is a 400, not a 500', async (_label, raw) => {
    for (const url of ['/distribution/replacements/preview', '/cluster-search/synonyms', '/site-group/placements', `/review-workflow/documents/${ARTICLE}/${article}/approve`]) {
      const res = await send(url, raw);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
    }
  });

  it('a repeated query parameter is refused as not a single value', async () => {
    const res = await app.request().get('/api/cluster-search/suggest?q=%E6%B3%B8&q=%E5%AE%9A');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['q'], message: 'must be a single value' });
  });
});
