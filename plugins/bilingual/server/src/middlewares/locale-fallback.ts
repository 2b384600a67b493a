import type { Context, Next } from 'koa';
import type { Core, Modules, UID } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { followedContentTypes } from '../utils/content-types';
import { tibetanDigitsToAscii, contentTypeOf } from '@jiyue/kernel';

type Match = { uid: string; documentId?: string };

/** The REST answer of Strapi's core controllers, as far as this middleware reads and rewrites it. */
type Item = Record<string, unknown> & { documentId?: string };
type RestBody = { data?: Item | Item[] | null; meta?: Record<string, unknown> };
const restBody = (ctx: Context) => ctx.body as RestBody | undefined;

/**
 * `GET /api/<pluralName>` and `GET /api/<pluralName>/:documentId` of a followed collection type.
 * The followed types are looked up once: content types are fixed once Strapi has loaded, and this
 * runs on every GET with a query string.
 */
const routeMatcher = (strapi: Core.Strapi) => {
  let byPlural: Map<string, string> | null = null;
  return (path: string): Match | null => {
    const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
    if (!path.startsWith(`${prefix}/`)) return null;
    const [plural, documentId, ...rest] = path.slice(prefix.length + 1).split('/');
    if (rest.length || !plural) return null;
    byPlural ??= new Map(
      followedContentTypes()
        .map((uid) => [uid, contentTypeOf(strapi, uid)] as const)
        .flatMap(([uid, model]) => (model?.kind === 'collectionType' ? [[model.info.pluralName, uid] as const] : []))
    );
    const uid = byPlural.get(plural);
    return uid ? { uid, documentId: documentId || undefined } : null;
  };
};

const badRequest = (ctx: Context, param: string, message: string) => {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: { errors: [{ path: [param], message, name: 'ValidationError' }] } } };
};

/** Paging numbers written in Tibetan digits (༢, ༢༥) are read as Arabic digits before Strapi parses them. */
const PAGING = /^(page|pageSize|start|limit|pagination\[(page|pageSize|start|limit)\])$/;
const readTibetanPaging = (ctx: Context) => {
  const params = new URLSearchParams(ctx.querystring);
  let changed = false;
  for (const [key, value] of [...params]) {
    if (!PAGING.test(key) || !/[\u0F20-\u0F29]/u.test(value)) continue;
    params.set(key, tibetanDigitsToAscii(value));
    changed = true;
  }
  if (changed) ctx.querystring = params.toString();
};

/**
 * `?locale=bo&fallback=zh-Hans` on the app's own REST routes (Strapi's controllers of the `api::`
 * types, which offer no hook; site-group's and cluster-search's routes get `alternates` from the item
 * decorators bilingual registers into them, see `item-decorators.ts`): each item in the requested locale where
 * it exists, otherwise in the fallback locale marked `localeFallback: true`, and every item with
 * `alternates` (its versions in the other locales). Access control, query validation and output
 * sanitization stay Strapi's: the route itself answers in one locale, and the items swapped in are
 * read through the Document Service and sanitized like the REST output for the same caller.
 */
export const localeFallback = (strapi: Core.Strapi) => {
  const matchRoute = routeMatcher(strapi);
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET') return next();
    if (ctx.querystring && matchRoute(ctx.path)) readTibetanPaging(ctx);
    if (ctx.query.fallback === undefined || ctx.get('strapi-response-format') === 'v4') return next();
    const route = matchRoute(ctx.path);
    if (!route) return next();

    const codes: string[] = (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
    const fallback: unknown = ctx.query.fallback;
    const requested: unknown = ctx.query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const known = (value: unknown): value is string => typeof value === 'string' && codes.includes(value);
    if (!known(fallback)) return badRequest(ctx, 'fallback', `fallback must be one of ${codes.join(', ')}`);
    if (!known(requested)) return badRequest(ctx, 'locale', `locale must be one of ${codes.join(', ')}`);
    const status: 'draft' | 'published' = ctx.query.status === 'draft' ? 'draft' : 'published';
    const { fallback: _drop, ...query } = ctx.query;
    const alternates = getService('alternates');

    if (route.documentId) {
      // One item: ask the route for the requested locale if that version exists, else for the fallback.
      const exists = await strapi.db.query(route.uid).count({
        where: { documentId: route.documentId, locale: requested, publishedAt: status === 'draft' ? { $null: true } : { $notNull: true } },
      });
      const shown = exists ? requested : fallback;
      ctx.query = { ...query, locale: shown };
      await next();
      const body = restBody(ctx);
      if (ctx.status !== 200 || !body?.data || Array.isArray(body.data)) return;
      const locales = (await alternates.localesOf(route.uid, [route.documentId], status)).get(route.documentId) ?? [];
      body.data = {
        ...body.data,
        ...(shown !== requested ? { localeFallback: true } : {}),
        alternates: alternates.build(route.uid, route.documentId, shown, locales),
      };
      body.meta = { ...(body.meta ?? {}), locale: requested, fallback };
      return;
    }

    // A list: the route lists the fallback locale (its filters, sort and pages apply there, where every
    // document exists), then each item is replaced by its requested-locale version where there is one.
    ctx.query = { ...query, locale: fallback };
    await next();
    const body = restBody(ctx);
    if (ctx.status !== 200 || !body || !Array.isArray(body.data)) return;
    const items = body.data;
    const ids = items.map((i) => i.documentId).filter((id): id is string => Boolean(id));

    const preferred = new Map<string, Item>();
    if (requested !== fallback && ids.length) {
      const controller = strapi.controller(route.uid as UID.Controller) as unknown as Core.CoreAPI.Controller.Base;
      // The core controller's sanitizers read only `query` and `state` of the context they are given.
      const like = { query: { fields: query.fields, populate: query.populate }, state: ctx.state } as unknown as Context;
      const sanitized = await controller.sanitizeQuery(like);
      const found = await strapi.documents(route.uid as UID.ContentType).findMany({
        fields: sanitized.fields,
        populate: sanitized.populate,
        filters: { documentId: { $in: ids } },
        locale: requested,
        status,
      } as Modules.Documents.ServiceParams['findMany']);
      const output = (await controller.sanitizeOutput(found, like)) as Item[];
      for (const entry of output) if (entry.documentId) preferred.set(entry.documentId, entry);
    }

    const localesById = await alternates.localesOf(route.uid, ids, status);
    body.data = items.map((item) => {
      const entry = item.documentId ? preferred.get(item.documentId) : undefined;
      const shown = entry ? requested : fallback;
      return {
        ...(entry ?? item),
        ...(shown !== requested ? { localeFallback: true } : {}),
        alternates: alternates.build(route.uid, item.documentId as string, shown, localesById.get(item.documentId as string) ?? []),
      };
    });
    body.meta = { ...(body.meta ?? {}), locale: requested, fallback };
  };
};
