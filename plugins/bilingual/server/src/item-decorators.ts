import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { optionalService, type DecoratedItem, type ItemDecoratorContext, contentTypeOf } from '@jiyue/kernel';
import { getService } from './utils/get-service';
import { followedContentTypes } from './utils/content-types';

/**
 * `alternates` on site-group's public column list and item page (`?fallback=`): links to the same
 * site's item page in the other locales. The fallback itself is site-group's own (to its primary
 * locale, items marked `localeFallback: true`), so a fallback other than that one is refused.
 */
const siteGroupAlternates = (strapi: Core.Strapi) => async (items: DecoratedItem[], context: ItemDecoratorContext) => {
  if (context.query.fallback === undefined) return;
  const primary = optionalService(strapi, 'site-group', 'locale')?.primary() ?? 'zh-Hans';
  if (context.query.fallback !== primary) {
    const message = `site-group routes fall back to ${primary}; fallback must be ${primary}`;
    throw new errors.ValidationError(message, { errors: [{ path: ['fallback'], message, name: 'ValidationError' }] });
  }
  const code = context.params.code;
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const uidOf = (type: unknown) => followedContentTypes().find((u) => contentTypeOf(strapi, u)?.info.singularName === type);
  const byType = new Map<string, DecoratedItem[]>();
  for (const item of items) {
    const uid = uidOf(item.type);
    if (uid && item.documentId) byType.set(uid, [...(byType.get(uid) ?? []), item]);
  }
  for (const [uid, list] of byType) {
    const locales = await getService('alternates').localesOf(uid, list.map((i) => i.documentId as string));
    for (const item of list) {
      item.alternates = (locales.get(item.documentId as string) ?? [])
        .filter((l) => l !== item.locale)
        .map((locale) => ({ locale, documentId: item.documentId, url: `${prefix}/site-group/sites/${encodeURIComponent(code)}/items/${item.documentId}?locale=${encodeURIComponent(locale)}` }));
    }
  }
  context.meta.fallback = primary;
};

/** `alternates` on cluster-search's hits (`?fallback=`): links to each hit's published versions in the other locales. */
const clusterSearchAlternates = async (hits: DecoratedItem[], context: ItemDecoratorContext) => {
  if (context.query.fallback === undefined) return;
  const alternates = getService('alternates');
  const byType = new Map<string, DecoratedItem[]>();
  for (const hit of hits) if (typeof hit.uid === 'string' && hit.documentId) byType.set(hit.uid, [...(byType.get(hit.uid) ?? []), hit]);
  for (const [uid, list] of byType) {
    const locales = await alternates.localesOf(uid, list.map((h) => h.documentId as string));
    for (const hit of list) hit.alternates = alternates.build(uid, hit.documentId as string, hit.locale as string, locales.get(hit.documentId as string) ?? []);
  }
};

/**
 * Bilingual registers its item decorators into the plugins below it that expose the hook
 * (site-group, cluster-search), instead of rewriting their responses from a middleware.
 */
export const registerItemDecorators = (strapi: Core.Strapi) => {
  optionalService(strapi, 'site-group', 'hooks')?.addItemDecorator({ name: 'bilingual.alternates', queryKeys: ['fallback'], decorate: siteGroupAlternates(strapi) });
  optionalService(strapi, 'cluster-search', 'hooks')?.addItemDecorator({ name: 'bilingual.alternates', decorate: clusterSearchAlternates });
};
