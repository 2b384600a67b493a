import crypto from 'crypto';
import net from 'net';
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Per-client rate limits on public routes, shared by every instance of the app.
 *
 * - **Client**: the IP address resolved through the configured trusted proxies (`server.trustedProxies`,
 *   env `TRUSTED_PROXIES`): `X-Forwarded-For` is read from the right and only while the hop that
 *   added it is a trusted proxy, so a visitor cannot choose their own address by sending the header.
 * - **Key**: HMAC-SHA256 of the IP under a key that changes every UTC day (derived from the app's
 *   secret), so the store never holds a raw IP and yesterday's keys cannot be linked to today's.
 * - **Store**: Redis (`REDIS_URL`) through ioredis, otherwise the app's own database (PostgreSQL or
 *   SQLite, through Strapi's knex connection): never process memory, so every instance counts alike.
 * - **Answer**: 429 with `Retry-After` (seconds) and a Strapi-shaped JSON error. When the store
 *   itself fails (Redis or the database unreachable) the request is served and a warning logged:
 *   a limiter outage must not take the public site down.
 *
 * Use as a route middleware: `config: { middlewares: [rateLimit({ name: 'cluster-search.search', limit: (s) => … })] }`.
 */

export interface RateLimit {
  /** Requests allowed per client in one window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

/** The table holding the counters when no Redis is configured (one row per limiter and client key). */
export const RATE_LIMIT_TABLE = 'jiyue_rate_limits';

// ---------------------------------------------------------------------------------------------
// Client address
// ---------------------------------------------------------------------------------------------

const stripMapped = (ip: string) => (ip.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

const blockLists = new Map<string, net.BlockList>();

/** A BlockList of trusted proxy addresses and CIDR ranges (`10.0.0.0/8`, `::1`, `127.0.0.1`). */
const trustedList = (trusted: readonly string[]) => {
  const id = trusted.join(',');
  let list = blockLists.get(id);
  if (!list) {
    list = new net.BlockList();
    for (const entry of trusted) {
      const [address, prefix] = entry.trim().split('/');
      const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
      if (!family) throw new Error(`rate limit: trusted proxy "${entry}" is not an IP address or CIDR range`);
      if (prefix === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(prefix), family);
    }
    blockLists.set(id, list);
  }
  return list;
};

const isTrusted = (list: net.BlockList, ip: string) => {
  const plain = stripMapped(ip);
  const family = net.isIPv6(plain) ? 'ipv6' : net.isIPv4(plain) ? 'ipv4' : null;
  return family !== null && list.check(plain, family);
};

/**
 * The client's IP: the peer address, or — only when the peer is a trusted proxy — the right-most
 * `X-Forwarded-For` entry that was not added by a trusted proxy. Entries left of an untrusted hop
 * are whatever the client wrote and are never used.
 */
export const resolveClientIp = (peer: string, forwardedFor: string | string[] | undefined, trusted: readonly string[]): string => {
  let ip = stripMapped(peer || '');
  if (!trusted.length || !forwardedFor) return ip;
  const list = trustedList(trusted);
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  while (isTrusted(list, ip) && hops.length) {
    const next = stripMapped(hops.pop()!);
    if (!net.isIP(next)) break;
    ip = next;
  }
  return ip;
};

/** The day key: HMAC-SHA256(secret, UTC date). Changes at 00:00 UTC. */
export const dailyKey = (secret: string, date = new Date()) =>
  crypto.createHmac('sha256', secret).update(`jiyue-rate-limit:${date.toISOString().slice(0, 10)}`).digest();

/** What the store keeps for a client: HMAC-SHA256(day key, ip), hex — never the IP itself. */
export const clientKey = (ip: string, secret: string, date = new Date()) => crypto.createHmac('sha256', dailyKey(secret, date)).update(ip).digest('hex');

// ---------------------------------------------------------------------------------------------
// Store (one per Strapi instance)
// ---------------------------------------------------------------------------------------------

/** The parts of a Strapi instance the limiter uses (kept structural: the kernel imports no Strapi code). */
export interface RateLimitHost {
  config: { get: (path: string, fallback?: unknown) => unknown };
  /** Strapi's knex instance (handed to rate-limiter-flexible as its store client) and database config. */
  db: { connection: unknown; config?: unknown };
  log?: { warn: (message: string) => void };
}

interface Store {
  limiters: Map<string, Promise<RateLimiterAbstract>>;
  redis?: { quit: () => Promise<unknown>; disconnect: () => void };
}

const stores = new WeakMap<object, Store>();

const storeOf = (host: RateLimitHost): Store => {
  let store = stores.get(host);
  if (!store) {
    store = { limiters: new Map() };
    stores.set(host, store);
  }
  return store;
};

/** Which store the limiter uses on this instance: 'redis', 'postgres' or 'sqlite'. */
export const rateLimitStoreKind = (host: RateLimitHost): 'redis' | 'postgres' | 'sqlite' => {
  if (process.env.REDIS_URL) return 'redis';
  const client = String((host.db.connection as { client?: { config?: { client?: unknown } } } | undefined)?.client?.config?.client ?? '');
  if (/^(pg|postgres|postgresql)$/.test(client)) return 'postgres';
  if (/sqlite/.test(client)) return 'sqlite';
  throw new Error(`rate limit: no shared store for database client "${client}" (set REDIS_URL)`);
};

const createLimiter = (host: RateLimitHost, store: Store, keyPrefix: string, limit: RateLimit): Promise<RateLimiterAbstract> =>
  new Promise((resolve, reject) => {
    const base = { keyPrefix, points: limit.points, duration: limit.duration };
    const kind = rateLimitStoreKind(host);
    if (kind === 'redis') {
      if (!store.redis) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Redis = require('ioredis');
        // Commands wait for the connection at boot (offline queue) but give up after one retry.
        store.redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
      }
      resolve(new RateLimiterRedis({ ...base, storeClient: store.redis }));
      return;
    }
    const done = (error?: Error) => (error ? reject(error) : resolve(limiter));
    let limiter: RateLimiterAbstract;
    if (kind === 'postgres') {
      const schemaName = (host.db.config as { connection?: { connection?: { schema?: string } } } | undefined)?.connection?.connection?.schema;
      limiter = new RateLimiterPostgres(
        { ...base, storeClient: host.db.connection, storeType: 'knex', tableName: RATE_LIMIT_TABLE, ...(schemaName ? { schemaName } : {}) },
        done
      );
    } else {
      limiter = new RateLimiterSQLite({ ...base, storeClient: host.db.connection, storeType: 'knex', tableName: RATE_LIMIT_TABLE }, done);
    }
  });

/** The limiter for one route and limit on this instance (created once; the table is created if missing). */
export const getRateLimiter = (host: RateLimitHost, name: string, limit: RateLimit): Promise<RateLimiterAbstract> => {
  const store = storeOf(host);
  const id = `${name}|${limit.points}|${limit.duration}`;
  let limiter = store.limiters.get(id);
  if (!limiter) {
    // The prefix names the limit too: lowering a limit in config starts fresh counts.
    limiter = createLimiter(host, store, `${name}:${limit.points}:${limit.duration}`, limit);
    limiter.catch(() => store.limiters.delete(id));
    store.limiters.set(id, limiter);
  }
  return limiter;
};

/** Closes the Redis connection of this instance, if any (call from a plugin's destroy()). */
export const closeRateLimits = async (host: RateLimitHost) => {
  const store = stores.get(host);
  stores.delete(host);
  if (store?.redis) await store.redis.quit().catch(() => store.redis?.disconnect());
};

/** The app secret the day keys derive from: RATE_LIMIT_SECRET, else the first of the app keys. */
const appSecret = (host: RateLimitHost): string => {
  const explicit = process.env.RATE_LIMIT_SECRET;
  if (explicit) return explicit;
  const keys = host.config.get('server.app.keys') as string[] | undefined;
  if (!keys?.length || !keys[0]) throw new Error('rate limit: no secret (set APP_KEYS or RATE_LIMIT_SECRET)');
  return keys[0];
};

/** The parts of a Koa context the client's IP is read from. */
export interface ClientIpContext {
  req: { socket: { remoteAddress?: string } };
  get: (h: string) => string;
}

/** The parts of a Koa context the limiter reads and answers through (structural: the kernel imports no Koa). */
export interface RateLimitContext extends ClientIpContext {
  set: (field: string, value: string) => void;
  status: number;
  body: unknown;
}

/** The client's IP for this request, through `server.trustedProxies`. */
export const requestClientIp = (host: RateLimitHost, ctx: ClientIpContext) => {
  // TRUSTED_PROXIES= (empty) reads as [''] through env.array: no proxy.
  const trusted = ((host.config.get('server.trustedProxies', []) as string[] | undefined) ?? []).map((t) => String(t).trim()).filter(Boolean);
  return resolveClientIp(ctx.req.socket.remoteAddress ?? '', ctx.get('x-forwarded-for') || undefined, trusted);
};

/** The key a request is counted under (exported for tests: it must not be the IP). */
export const requestRateLimitKey = (host: RateLimitHost, ctx: Parameters<typeof requestClientIp>[1]) => clientKey(requestClientIp(host, ctx), appSecret(host));

const validLimit = (name: string, limit: RateLimit | undefined): RateLimit => {
  if (!limit || !Number.isInteger(limit.points) || limit.points < 1 || !Number.isInteger(limit.duration) || limit.duration < 1) {
    throw new Error(`rate limit "${name}": expected { points, duration } as whole numbers of at least 1, got ${JSON.stringify(limit)}`);
  }
  return limit;
};

/** Checks a rate-limit setting at boot (for plugin config validators). */
export const assertRateLimit = (name: string, limit: unknown) => validLimit(name, limit as RateLimit);

const storeErrorsLogged = new Map<string, number>();

export interface RateLimitOptions {
  /** Names the counter (e.g. `cluster-search.search`); routes with the same name share one. */
  name: string;
  /** The current limit, read on every request (so config changes apply). */
  limit: (strapi: RateLimitHost) => RateLimit;
}

/**
 * A Koa route middleware counting one point per request for the client. Over the limit: 429,
 * `Retry-After` in seconds and `{ data: null, error: { status: 429, name: 'RateLimitError', … } }`.
 */
export const rateLimit = ({ name, limit }: RateLimitOptions) =>
  async (ctx: RateLimitContext, next: () => Promise<void>) => {
    const strapi = (globalThis as unknown as { strapi: RateLimitHost }).strapi;
    const current = validLimit(name, limit(strapi));
    const key = requestRateLimitKey(strapi, ctx);
    try {
      const limiter = await getRateLimiter(strapi, name, current);
      const res = await limiter.consume(key, 1);
      ctx.set('RateLimit-Limit', String(current.points));
      ctx.set('RateLimit-Remaining', String(res.remainingPoints));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // The store is unreachable (Redis or database down): serve the request rather than take the
        // public site down with it, and say so in the log (at most once a minute per limiter).
        const now = Date.now();
        if (now - (storeErrorsLogged.get(name) ?? 0) > 60_000) {
          storeErrorsLogged.set(name, now);
          strapi.log?.warn(`rate limit "${name}": store unavailable, request let through: ${(rejection as Error)?.message ?? rejection}`);
        }
        await next();
        return;
      }
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(retryAfter));
      ctx.set('RateLimit-Limit', String(current.points));
      ctx.set('RateLimit-Remaining', '0');
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: `Too many requests: at most ${current.points} every ${current.duration} s. Try again in ${retryAfter} s.`,
          details: { retryAfterSeconds: retryAfter, limit: current.points, windowSeconds: current.duration },
        },
      };
      return;
    }
    await next();
  };
