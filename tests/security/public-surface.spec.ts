import {
  RATE_LIMIT_TABLE,
  clientKey,
  closeRateLimits,
  getRateLimiter,
  rateLimitStoreKind,
  resolveClientIp,
} from '../../packages/kernel/src/http/rate-limit';
import { as, bootSecurityApp, cm, SUITE_PLUGINS, type SecurityCast } from './lib';

/**
 * Issue #16 items 11 (reserved keys), 12 (public suggestions) and 13 (rate limits): the public
 * surface of the suite as an anonymous visitor sees it. One boot, the whole demo seeded.
 */

let cast: SecurityCast;
const app = () => cast.app;
const strapi = () => cast.app.strapi;

const RESERVED = ['constructor', 'toString', 'hasOwnProperty', '__proto__'] as const;

interface RouteRow {
  plugin: string;
  type: 'admin' | 'content-api';
  method: string;
  path: string;
}

/** Every route our plugins register, as served (admin at /<plugin>, content API at /api/<plugin>). */
const pluginRoutes = (): RouteRow[] => {
  const rows: RouteRow[] = [];
  for (const plugin of SUITE_PLUGINS) {
    const routers = (strapi().plugin(plugin) as any).routes ?? {};
    for (const [name, router] of Object.entries<any>(routers)) {
      const type: RouteRow['type'] = Array.isArray(router) ? 'admin' : (router.type ?? name);
      for (const route of Array.isArray(router) ? router : router.routes) {
        const prefix = route.config?.prefix ?? (type === 'content-api' ? `/api/${plugin}` : `/${plugin}`);
        rows.push({ plugin, type, method: route.method, path: `${prefix}${route.path}` });
      }
    }
  }
  return rows;
};

/** Path parameters filled with plausible values (the refusal must come before any of them is read). */
const PARAMS: Record<string, string> = { uid: 'api::article.article', documentId: 'x0abcdefghijklmnopqrstu', id: '1', code: 'luding', site: 'luding', locale: 'zh-Hans', stage: 'first' };
const concrete = (routePath: string) => routePath.replace(/:(\w+)(\([^)]*\))?/g, (_, name: string) => PARAMS[name] ?? 'x');

const send = (method: string, url: string, jwt: string | null, rawBody?: string) => {
  let req = (app().request() as any)[method.toLowerCase() === 'delete' ? 'delete' : method.toLowerCase()](url);
  if (jwt) req = req.set('Authorization', `Bearer ${jwt}`);
  if (rawBody !== undefined) req = req.set('Content-Type', 'application/json').send(rawBody);
  return req;
};

/** Rows of every table our plugins and the app types own: a refused request writes nothing. */
const rowCounts = async () => {
  const counts: Record<string, number> = {};
  for (const uid of Object.keys(strapi().contentTypes)) {
    if (!/^(api::|plugin::(site-group|review-workflow|distribution|policy-match|bilingual|cluster-search)\.)/.test(uid)) continue;
    counts[uid] = await strapi().db.query(uid as any).count();
  }
  return counts;
};

beforeAll(async () => {
  cast = await bootSecurityApp({ content: true });
  await strapi().plugin('cluster-search').service('indexer').flush();
}, 600_000);
afterAll(async () => {
  await cast?.app.stop();
});

describe('item 11: reserved keys in any JSON body or query answer 400 naming the key', () => {
  let routes: RouteRow[];
  let before: Record<string, number>;
  beforeAll(async () => {
    routes = pluginRoutes();
    before = await rowCounts();
  });

  it('finds the routes to test (every plugin, the public match among them)', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ plugin: 'policy-match', type: 'content-api', method: 'POST', path: '/api/policy-match/match' });
    expect(new Set(routes.map((r) => r.plugin))).toEqual(new Set(SUITE_PLUGINS));
  });

  // The table: every plugin route × each reserved key, in the body and in the query, as the
  // Super Admin (admin routes) or anonymous (content API): 400, the key's path, never 500.
  // Before the guard, a body key `constructor` / `toString` / `hasOwnProperty` answered 500 on 24
  // routes (public match; site-group placements, pushes, submissions, accept/reject, assignments;
  // review-workflow submit/approve/reject/emergency-publish/check/stage-configs; policy-match tags,
  // suggest-tags, eligibility, comment approve/reject; bilingual pretranslate, XLIFF import;
  // cluster-search synonyms): the validators looked keys up with `in` on yup's field map.
  it.each(RESERVED.flatMap((key) => (['body', 'query'] as const).map((where) => [key, where] as const)))(
    'every plugin route: "%s" in the %s → 400 naming it',
    async (key, where) => {
      const failures: string[] = [];
      // A body is read on POST, PUT and PATCH only (koa-body's parsed methods): elsewhere it is never data.
      for (const route of where === 'body' ? routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)) : routes) {
        const url = concrete(route.path) + (where === 'query' ? `?${key}=1` : '');
        const jwt = route.type === 'admin' ? cast.superAdmin.jwt : null;
        const body = where === 'body' ? `{"${key}": {"x": 1}}` : ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined;
        const res = await send(route.method, url, jwt, body);
        const errorPath = res.body?.error?.details?.errors?.[0]?.path;
        if (res.status !== 400 || res.body?.error?.name !== 'ValidationError' || JSON.stringify(errorPath) !== JSON.stringify([key])) {
          failures.push(`${route.method} ${route.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
    }
  );

  it.each([
    ['nested in a body', 'POST', '/api/policy-match/match', '{"profile":{"kind":"individual","facts":{"age":30,"constructor":{"prototype":1}}}}', ['profile', 'facts', 'constructor']],
    ['in a list in a body', 'POST', '/api/policy-match/match', '{"profile":{"kind":"individual","facts":{"identityTags":[{"toString":1}]}}}', ['profile', 'facts', 'identityTags', 0, 'toString']],
    ['as the whole query string', 'GET', '/api/cluster-search/search?constructor', undefined, ['constructor']],
    ['bracketed in a query', 'GET', '/api/cluster-search/search?q=x&filters[__proto__][polluted]=1', undefined, ['filters', '__proto__']],
    ['percent-encoded in a query', 'GET', '/api/cluster-search/suggest?q=x&%5F%5Fproto%5F%5F=1', undefined, ['__proto__']],
  ])('public routes: a reserved key %s → 400 with its path', async (_label, method, url, body, expected) => {
    const res = await send(method, url, null, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(expected);
  });

  it.each([
    ['REST create', 'POST', '/api/articles', 'token', '{"data":{"title":"x","constructor":1}}', ['data', 'constructor']],
    ['REST list filters', 'GET', '/api/articles?filters[title][hasOwnProperty]=1', 'token', undefined, ['filters', 'title', 'hasOwnProperty']],
    ['Content Manager create', 'POST', `${cm('api::article.article')}`, 'admin', '{"title":"x","__proto__":{"isAdmin":true}}', ['__proto__']],
    ['admin users list', 'GET', '/admin/users?toString=1', 'admin', undefined, ['toString']],
  ])("Strapi's own routes too: %s", async (_label, method, url, who, body, expected) => {
    const jwt = who === 'admin' ? cast.superAdmin.jwt : cast.token;
    const res = await send(method, url, jwt, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(expected);
  });

  it('ordinary keys, Chinese and Tibetan text and reserved words as values still pass', async () => {
    const res = await app().request().get('/api/cluster-search/search').query({ q: 'constructor 泸定 བོད', locale: 'zh-Hans' });
    expect(res.status).toBe(200);
  });

  // A NUL character (U+0000) in any string: PostgreSQL cannot store one and answered 500 after
  // validation passed. One app middleware refuses it with a 400 naming the field, on every route.
  it.each(['body', 'query'] as const)('every plugin route: a NUL character in a %s string → 400 naming the field', async (where) => {
    const failures: string[] = [];
    for (const route of where === 'body' ? routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)) : routes) {
      const url = concrete(route.path) + (where === 'query' ? '?q=%E6%B3%B8%00%E5%AE%9A' : '');
      const jwt = route.type === 'admin' ? cast.superAdmin.jwt : null;
      const body = where === 'body' ? JSON.stringify({ title: '泸\u0000定' }) : ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined;
      const res = await send(route.method, url, jwt, body);
      const errorPath = res.body?.error?.details?.errors?.[0]?.path;
      if (res.status !== 400 || res.body?.error?.name !== 'ValidationError' || JSON.stringify(errorPath) !== JSON.stringify(where === 'body' ? ['title'] : ['q'])) {
        failures.push(`${route.method} ${route.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ['REST create (the PostgreSQL 500)', 'POST', '/api/articles?status=draft', 'token', JSON.stringify({ data: { title: 'x', summary: 'a\u0000b' } }), ['data', 'summary']],
    ['REST create, Tibetan text', 'POST', '/api/articles?status=draft', 'token', JSON.stringify({ data: { title: 'བོད\u0000ཡིག' } }), ['data', 'title']],
    ['REST list filters', 'GET', '/api/articles?filters[title][$eq]=%00', 'token', undefined, ['filters', 'title', '$eq']],
    ['Content Manager create', 'POST', `${cm('api::article.article')}`, 'admin', JSON.stringify({ title: 'x', ownerSite: 'luding', body: '<p>\u0000</p>' }), ['body']],
    ['public match, nested', 'POST', '/api/policy-match/match', null, JSON.stringify({ profile: { kind: 'individual', facts: { region: '513322\u0000' } } }), ['profile', 'facts', 'region']],
    ['a key', 'POST', '/api/policy-match/match', null, JSON.stringify({ profile: { kind: 'individual', facts: { 'a\u0000': 1 } } }), ['profile', 'facts', 'a\u0000']],
  ])('NUL characters on Strapi\'s routes and ours: %s → 400 naming the field', async (_label, method, url, who, body, expected) => {
    const jwt = who === 'admin' ? cast.superAdmin.jwt : who === 'token' ? cast.token : null;
    const res = await send(method, url, jwt, body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual(expected);
  });

  it('nothing was written by any refused request', async () => {
    expect(await rowCounts()).toEqual(before);
  });
});

describe('item 12: public suggestions from indexed titles, aliases, approved terms, and visitor queries only past the threshold', () => {
  const suggest = (q: string, locale?: string) =>
    app()
      .request()
      .get('/api/cluster-search/suggest')
      .query({ q, ...(locale ? { locale } : {}) });
  const texts = async (q: string, locale?: string) => {
    const res = await suggest(q, locale);
    expect(res.status).toBe(200);
    return (res.body.suggestions as { text: string; source: string }[]).map((s) => s.text);
  };
  const analytics = () => strapi().plugin('cluster-search').service('analytics');
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  /** A visitor search on a past day, as the statistics keep it (normalised query, site, locale, day, counts; nothing about the visitor). */
  const searchedOn = (query: string, ago: number, locale = 'zh-Hans') =>
    analytics().write({ query, site: '*', locale, day: day(ago), searches: 1, zeroResults: 0, lastTotal: 5 });
  /** Today's search goes through the public route itself. */
  const searchToday = async (q: string, locale?: string) => {
    const res = await app().request().get('/api/cluster-search/search').query({ q, ...(locale ? { locale } : {}) });
    expect(res.status).toBe(200);
    // Only a query that found something counts towards suggestions.
    expect(res.body.total).toBeGreaterThan(0);
    await analytics().flush();
  };

  it('suggests indexed titles and service-guide aliases at once', async () => {
    expect(await texts('城乡居民', 'zh-Hans')).toContain('城乡居民基本养老保险参保登记');
    const alias = await suggest('城乡居保', 'zh-Hans');
    expect(alias.body.suggestions).toContainEqual({ text: '城乡居保参保', source: 'alias' });
  });

  it('a visitor query searched on 1 and then 2 days is not suggested; on 3 distinct days it is', async () => {
    const q = '城乡居民养老保险';
    await searchToday(q);
    await searchToday(q); // the same day twice is still one day
    expect(await texts('城乡居民养老', 'zh-Hans')).not.toContain(q);
    await searchedOn(q, 1);
    expect(await texts('城乡居民养老', 'zh-Hans')).not.toContain(q);
    await searchedOn(q, 2);
    const res = await suggest('城乡居民养老', 'zh-Hans');
    expect(res.body.suggestions).toContainEqual({ text: q, source: 'popular' });
  });

  it.each([
    ['a resident ID number', '513301199001011235'],
    ['an ID number inside text', '张三 513301199001011235 低保'],
    ['a mobile number', '联系 13812345678'],
    ['a long number run', '档案 1234567890'],
    ['an e-mail address', 'zhang@example.com 投诉'],
  ])('%s searched on 3 days is never suggested', async (_label, q) => {
    for (const ago of [0, 1, 2, 3]) await searchedOn(q, ago);
    const prefix = q.slice(0, 4);
    expect(await texts(prefix, 'zh-Hans')).not.toContain(q);
    expect((await suggest(prefix, 'zh-Hans')).body.related).not.toContain(q);
  });

  it('a query with a sensitive word from the review dictionary searched on 3 days is never suggested', async () => {
    const entry = await strapi().db.query('plugin::review-workflow.dictionary-entry').findOne({ where: { category: 'sensitive', enabled: true } });
    expect(entry).toBeTruthy();
    const q = `办理${entry.term}`;
    for (const ago of [0, 1, 2]) await searchedOn(q, ago);
    expect(await texts('办理', 'zh-Hans')).not.toContain(q);
    // The same threshold without the word is suggested: the word is what keeps it out.
    for (const ago of [0, 1, 2]) await searchedOn('办理居住证', ago);
    expect(await texts('办理', 'zh-Hans')).toContain('办理居住证');
  });

  it('keeps the zh-Hans and bo lists apart', async () => {
    const bo = 'བོད་ཡིག་སློབ་གསོ';
    for (const ago of [0, 1, 2]) await searchedOn(bo, ago, 'bo');
    expect(await texts('བོད་ཡིག', 'bo')).toContain(bo);
    expect(await texts('བོད་ཡིག', 'zh-Hans')).not.toContain(bo);
    // A Chinese query counted in bo (a bo search box) is not in the zh-Hans list either.
    for (const ago of [0, 1, 2]) await searchedOn('藏文教育资源', ago, 'bo');
    expect(await texts('藏文教育', 'zh-Hans')).not.toContain('藏文教育资源');
    expect(await texts('藏文教育', 'bo')).toContain('藏文教育资源');
    // Days in two locales do not add up: 2 days in zh-Hans + 1 in bo is not 3.
    await searchedOn('雪域高原旅游', 1, 'zh-Hans');
    await searchedOn('雪域高原旅游', 2, 'zh-Hans');
    await searchedOn('雪域高原旅游', 3, 'bo');
    expect(await texts('雪域高原', 'zh-Hans')).not.toContain('雪域高原旅游');
  });

  it('an admin-approved term is suggested at once, in its locale only; the route refuses bad input', async () => {
    const root = as(app(), cast.superAdmin);
    const created = await root.post('/cluster-search/suggest-terms', { term: '高原红景区门票预约', locale: 'zh-Hans' });
    expect(created.status).toBe(201);
    expect(await texts('高原红', 'zh-Hans')).toContain('高原红景区门票预约');
    expect(await texts('高原红', 'bo')).not.toContain('高原红景区门票预约');
    const list = await root.get('/cluster-search/suggest-terms?locale=zh-Hans');
    expect(list.body.data.map((t: any) => t.term)).toContain('高原红景区门票预约');
    expect((await root.post('/cluster-search/suggest-terms', { term: '高原红景区门票预约', locale: 'zh-Hans' })).status).toBe(400);
    const bad = await root.post('/cluster-search/suggest-terms', { term: '', locale: 'zh-Hans' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['term']);
    expect((await root.del(`/cluster-search/suggest-terms/${created.body.data.id}`)).status).toBe(200);
    expect(await texts('高原红', 'zh-Hans')).not.toContain('高原红景区门票预约');
    expect((await app().request().get('/cluster-search/suggest-terms')).status).toBe(401);
  });

  it('the statistics behind it keep no visitor identity', async () => {
    const columns = Object.keys((await strapi().db.query('plugin::cluster-search.query-stat').findMany({ limit: 1 }))[0]).sort();
    expect(columns).toEqual(['createdAt', 'day', 'documentId', 'id', 'lastTotal', 'locale', 'publishedAt', 'query', 'searches', 'site', 'updatedAt', 'zeroResults'].sort());
  });
});

describe('item 13: per-client rate limits on public search, suggest and match', () => {
  const LOW = { points: 3, duration: 60 };
  let saved: { search: unknown; suggest: unknown; match: unknown };
  beforeAll(() => {
    saved = {
      search: strapi().config.get('plugin::cluster-search.rateLimits'),
      suggest: null,
      match: strapi().config.get('plugin::policy-match.rateLimits'),
    };
    // Low limits for this block; a fresh limit also starts fresh counts (the counter is named after it).
    strapi().config.set('plugin::cluster-search.rateLimits', { search: LOW, suggest: LOW });
    strapi().config.set('plugin::policy-match.rateLimits', { match: LOW });
    strapi().config.set('server.trustedProxies', ['127.0.0.1', '::1']);
  });
  afterAll(() => {
    strapi().config.set('plugin::cluster-search.rateLimits', saved.search);
    strapi().config.set('plugin::policy-match.rateLimits', saved.match);
    strapi().config.set('server.trustedProxies', []);
  });

  const MATCH_BODY = { profile: { kind: 'individual', facts: { age: 30 } } };
  const call = (route: string, client: string, forwardedFor = client) => {
    const r = app().request();
    const req = route === 'match' ? r.post('/api/policy-match/match').send(MATCH_BODY) : r.get(`/api/cluster-search/${route}`).query({ q: '养老' });
    return req.set('X-Forwarded-For', forwardedFor);
  };

  it('has documented defaults: search 60, suggest 120, match 30 a minute per client', () => {
    expect(saved.search).toEqual({ search: { points: 60, duration: 60 }, suggest: { points: 120, duration: 60 } });
    expect(saved.match).toEqual({ match: { points: 30, duration: 60 } });
  });

  it.each(['search', 'suggest', 'match'])('%s: 429 with Retry-After once a client is over the limit; another client has its own bucket', async (route) => {
    const client = `203.0.113.${route.length}`;
    for (let i = 0; i < LOW.points; i += 1) expect((await call(route, client)).status).toBe(200);
    const over = await call(route, client);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LOW.duration);
    expect(over.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(over.body.error.details.retryAfterSeconds).toBe(retryAfter);
    // A different client is not affected.
    expect((await call(route, '198.51.100.77')).status).toBe(200);
  });

  it('honours X-Forwarded-For only from a trusted proxy', async () => {
    // Trusted peer (127.0.0.1 is configured): each forwarded address is its own client.
    for (let i = 0; i < LOW.points; i += 1) expect((await call('suggest', `192.0.2.${i + 10}`)).status).toBe(200);
    // Untrusted peer: the header is the visitor's own words and is ignored, so every "address" is
    // the same client (the peer) and the limit is reached although each request names another one.
    strapi().config.set('server.trustedProxies', ['10.9.9.9']);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LOW.points + 1; i += 1) statuses.push((await call('suggest', `192.0.2.${i + 100}`)).status);
      expect(statuses.slice(0, LOW.points)).toEqual(Array(LOW.points).fill(200));
      expect(statuses[LOW.points]).toBe(429);
    } finally {
      strapi().config.set('server.trustedProxies', ['127.0.0.1', '::1']);
    }
  });

  it('resolves the client through a chain of trusted proxies, never from a hop an untrusted peer added', () => {
    const trusted = ['10.0.0.0/8', '127.0.0.1'];
    expect(resolveClientIp('127.0.0.1', '203.0.113.9, 10.1.2.3', trusted)).toBe('203.0.113.9');
    expect(resolveClientIp('::ffff:127.0.0.1', '1.1.1.1, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(resolveClientIp('198.51.100.1', '203.0.113.9', trusted)).toBe('198.51.100.1');
    expect(resolveClientIp('127.0.0.1', 'not-an-ip', trusted)).toBe('127.0.0.1');
    expect(resolveClientIp('127.0.0.1', '203.0.113.9', [])).toBe('127.0.0.1');
  });

  it('stores an HMAC of the IP under a daily key, never the raw IP', async () => {
    const ip = '203.0.113.6'; // the search client above
    const kind = rateLimitStoreKind(strapi() as any);
    expect(kind).toBe(process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite');
    const rows: { key: string }[] = await strapi().db.connection(RATE_LIMIT_TABLE).select('key');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes(ip) || r.key.includes('127.0.0.1') || r.key.includes('192.0.2.'))).toBe(false);
    const secret = (strapi().config.get('server.app.keys') as string[])[0];
    expect(rows.map((r) => r.key)).toContain(`cluster-search.search:${LOW.points}:${LOW.duration}:${clientKey(ip, secret)}`);
    // Tomorrow the same IP is another key: yesterday's counts cannot be linked to today's.
    expect(clientKey(ip, secret, new Date(Date.now() + 86_400_000))).not.toBe(clientKey(ip, secret));
  });

  it('is shared through the database: a second limiter instance on the same store sees the same count', async () => {
    // Two app instances on one database are two limiter objects on one table: shown with a second
    // host object (its own limiter cache) on the same knex connection.
    const other = { config: strapi().config, db: { connection: strapi().db.connection, config: (strapi().db as any).config } };
    const limit = { points: 2, duration: 60 };
    const first = await getRateLimiter(strapi() as any, 'shared-check', limit);
    const second = await getRateLimiter(other, 'shared-check', limit);
    expect(first).not.toBe(second);
    await first.consume('k', 1);
    await second.consume('k', 1);
    await expect(first.consume('k', 1)).rejects.toMatchObject({ remainingPoints: 0 });
    await expect(second.consume('k', 1)).rejects.toMatchObject({ remainingPoints: 0 });
  });

  it('uses Redis when REDIS_URL is set, shared by two instances there too, with the hashed key only', async () => {
    const before = process.env.REDIS_URL;
    process.env.REDIS_URL = before || 'redis://127.0.0.1:6379';
    const hostA = { config: strapi().config, db: { connection: strapi().db.connection } };
    const hostB = { config: strapi().config, db: { connection: strapi().db.connection } };
    try {
      expect(rateLimitStoreKind(hostA)).toBe('redis');
      const name = `redis-check-${process.pid}-${Date.now()}`;
      const limit = { points: 2, duration: 60 };
      const key = clientKey('203.0.113.50', 'test-secret');
      const a = await getRateLimiter(hostA, name, limit);
      const b = await getRateLimiter(hostB, name, limit);
      await a.consume(key, 1);
      await b.consume(key, 1);
      await expect(a.consume(key, 1)).rejects.toMatchObject({ remainingPoints: 0 });
      const Redis = require('ioredis');
      const redis = new Redis(process.env.REDIS_URL);
      try {
        const keys: string[] = await redis.keys(`*${name}*`);
        expect(keys.length).toBe(1);
        expect(keys[0]).toContain(key);
        expect(keys[0]).not.toContain('203.0.113.50');
        await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    } finally {
      await closeRateLimits(hostA);
      await closeRateLimits(hostB);
      if (before === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = before;
    }
  });
});
