import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { followedContentTypes } from '../utils/content-types';
import { tibetanDigitsToAscii } from '@jiyue/kernel';

type Match = { uid: string; documentId?: string };

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
        .map((uid) => [uid, strapi.getModel(uid as any) as any] as const)
        .filter(([, model]) => model.kind === 'collectionType')
        .map(([uid, model]) => [model.info.pluralName as string, uid])
    );
    const uid = byPlural.get(plural);
    return uid ? { uid, documentId: documentId || undefined } : null;
  };
};

/** site-group's public column list and item page: they already fall back to its primary locale (zh-Hans). */
const matchSiteGroupRoute = (strapi: Core.Strapi, path: string): { code: string } | null => {
  if (!strapi.plugin('site-group')) return null;
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const m = new RegExp(`^${prefix}/site-group/sites/([^/]+)/(?:columns/[^/]+/items|items/[^/]+)$`).exec(path);
  return m ? { code: decodeURIComponent(m[1]) } : null;
};

/**
 * On site-group's routes the fallback is site-group's own (to its primary locale, items marked
 * `localeFallback: true`); this adds `alternates` pointing at the same site's item page in the
 * other locales, and refuses a fallback other than the one site-group applies.
 */
const siteGroupAlternates = async (strapi: Core.Strapi, route: { code: string }, ctx: any, next: () => Promise<unknown>) => {
  const primary = strapi.plugin('site-group').service('locale').primary() as string;
  if (ctx.query.fallback !== primary) return badRequest(ctx, 'fallback', `site-group routes fall back to ${primary}; fallback must be ${primary}`);
  const { fallback: _drop, ...query } = ctx.query;
  ctx.query = query;
  await next();
  if (ctx.status !== 200 || !ctx.body?.data) return;
  const list: any[] = Array.isArray(ctx.body.data) ? ctx.body.data : [ctx.body.data];
  const uidOf = (type: string) => followedContentTypes().find((u) => (strapi.getModel(u as any) as any).info.singularName === type);
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const byType = new Map<string, any[]>();
  for (const item of list) {
    const uid = uidOf(item.type);
    if (uid && item.documentId) byType.set(uid, [...(byType.get(uid) ?? []), item]);
  }
  for (const [uid, items] of byType) {
    const locales = await getService('alternates').localesOf(uid, items.map((i) => i.documentId));
    for (const item of items) {
      item.alternates = (locales.get(item.documentId) ?? [])
        .filter((l) => l !== item.locale)
        .map((locale) => ({ locale, documentId: item.documentId, url: `${prefix}/site-group/sites/${encodeURIComponent(route.code)}/items/${item.documentId}?locale=${encodeURIComponent(locale)}` }));
    }
  }
  ctx.body.meta = { ...(ctx.body.meta ?? {}), fallback: primary };
};

/** cluster-search's public search route: it applies the fallback itself and marks each hit. */
const isClusterSearchRoute = (strapi: Core.Strapi, path: string) =>
  !!strapi.plugin('cluster-search') && path === `${strapi.config.get('api.rest.prefix', '/api')}/cluster-search/search`;

/** Adds `alternates` to each search hit: links to the hit's published versions in the other locales. */
const clusterSearchAlternates = async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  if (ctx.status !== 200 || !Array.isArray(ctx.body?.hits)) return;
  const alternates = getService('alternates');
  const byType = new Map<string, any[]>();
  for (const hit of ctx.body.hits) if (hit.uid && hit.documentId) byType.set(hit.uid, [...(byType.get(hit.uid) ?? []), hit]);
  for (const [uid, hits] of byType) {
    const locales = await alternates.localesOf(uid, hits.map((h) => h.documentId));
    for (const hit of hits) hit.alternates = alternates.build(uid, hit.documentId, hit.locale, locales.get(hit.documentId) ?? []);
  }
};

const badRequest = (ctx: any, param: string, message: string) => {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: { errors: [{ path: [param], message, name: 'ValidationError' }] } } };
};

/** Paging numbers written in Tibetan digits (༢, ༢༥) are read as Arabic digits before Strapi parses them. */
const PAGING = /^(page|pageSize|start|limit|pagination\[(page|pageSize|start|limit)\])$/;
const readTibetanPaging = (ctx: any) => {
  const params = new URLSearchParams(ctx.querystring as string);
  let changed = false;
  for (const [key, value] of [...params]) {
    if (!PAGING.test(key) || !/[\u0F20-\u0F29]/u.test(value)) continue;
    params.set(key, tibetanDigitsToAscii(value));
    changed = true;
  }
  if (changed) ctx.querystring = params.toString();
};

/**
 * `?locale=bo&fallback=zh-Hans` on the app's own REST routes: each item in the requested locale where
 * it exists, otherwise in the fallback locale marked `localeFallback: true`, and every item with
 * `alternates` (its versions in the other locales). Access control, query validation and output
 * sanitization stay Strapi's: the route itself answers in one locale, and the items swapped in are
 * read through the Document Service and sanitized like the REST output for the same caller.
 */
export const localeFallback = (strapi: Core.Strapi) => {
  const matchRoute = routeMatcher(strapi);
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET') return next();
    if (ctx.querystring && matchRoute(ctx.path)) readTibetanPaging(ctx);
    if (ctx.query.fallback === undefined || ctx.get('strapi-response-format') === 'v4') return next();
    const siteRoute = matchSiteGroupRoute(strapi, ctx.path);
    if (siteRoute) return siteGroupAlternates(strapi, siteRoute, ctx, next);
    if (isClusterSearchRoute(strapi, ctx.path)) return clusterSearchAlternates(ctx, next);
    const route = matchRoute(ctx.path);
    if (!route) return next();

    const codes: string[] = (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
    const fallback = ctx.query.fallback;
    const requested = ctx.query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    for (const [param, value] of [['fallback', fallback], ['locale', requested]] as const) {
      if (typeof value !== 'string' || !codes.includes(value)) return badRequest(ctx, param, `${param} must be one of ${codes.join(', ')}`);
    }
    const status: 'draft' | 'published' = ctx.query.status === 'draft' ? 'draft' : 'published';
    const { fallback: _drop, ...query } = ctx.query;
    const alternates = getService('alternates');

    if (route.documentId) {
      // One item: ask the route for the requested locale if that version exists, else for the fallback.
      const exists = await strapi.db.query(route.uid as any).count({
        where: { documentId: route.documentId, locale: requested, publishedAt: status === 'draft' ? { $null: true } : { $notNull: true } },
      });
      const shown = exists ? requested : fallback;
      ctx.query = { ...query, locale: shown };
      await next();
      if (ctx.status !== 200 || !ctx.body?.data || Array.isArray(ctx.body.data)) return;
      const locales = (await alternates.localesOf(route.uid, [route.documentId], status)).get(route.documentId) ?? [];
      ctx.body.data = {
        ...ctx.body.data,
        ...(shown !== requested ? { localeFallback: true } : {}),
        alternates: alternates.build(route.uid, route.documentId, shown, locales),
      };
      ctx.body.meta = { ...(ctx.body.meta ?? {}), locale: requested, fallback };
      return;
    }

    // A list: the route lists the fallback locale (its filters, sort and pages apply there, where every
    // document exists), then each item is replaced by its requested-locale version where there is one.
    ctx.query = { ...query, locale: fallback };
    await next();
    if (ctx.status !== 200 || !Array.isArray(ctx.body?.data)) return;
    const items: any[] = ctx.body.data;
    const ids = items.map((i) => i.documentId).filter(Boolean);

    const preferred = new Map<string, any>();
    if (requested !== fallback && ids.length) {
      const controller: any = strapi.controller(route.uid as any);
      const like = { query: { fields: query.fields, populate: query.populate }, state: ctx.state };
      const sanitized = await controller.sanitizeQuery(like);
      const found = await strapi.documents(route.uid as any).findMany({
        fields: sanitized.fields,
        populate: sanitized.populate,
        filters: { documentId: { $in: ids } },
        locale: requested,
        status,
      } as any);
      const output = (await controller.sanitizeOutput(found, like)) as any[];
      for (const entry of output) preferred.set(entry.documentId, entry);
    }

    const localesById = await alternates.localesOf(route.uid, ids, status);
    ctx.body.data = items.map((item) => {
      const entry = preferred.get(item.documentId);
      const shown = entry ? requested : fallback;
      return {
        ...(entry ?? item),
        ...(shown !== requested ? { localeFallback: true } : {}),
        alternates: alternates.build(route.uid, item.documentId, shown, localesById.get(item.documentId) ?? []),
      };
    });
    ctx.body.meta = { ...(ctx.body.meta ?? {}), locale: requested, fallback };
  };
};
