import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseQuery, type DecoratedItem } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { columnItemsQuery, siteItemQuery } from '../validation/site-content';

type Answer = { data: DecoratedItem[] | DecoratedItem | null; meta?: Record<string, unknown> };

/** Runs the registered item decorators (site-group's `hooks`: bilingual's `alternates`) over an answer. */
const decorate = async (ctx: Context, route: string, answer: Answer) => {
  if (!answer?.data) return answer;
  const meta: Record<string, unknown> = { ...(answer.meta ?? {}) };
  const items = Array.isArray(answer.data) ? answer.data : [answer.data];
  await getService('hooks').decorateItems(items, { route, query: { ...ctx.query }, params: { ...ctx.params }, meta });
  return answer.meta || Object.keys(meta).length ? { ...answer, meta } : answer;
};

/** The query without the parameters registered item decorators read (they check those themselves). */
const ownQuery = (ctx: Context): Record<string, unknown> => {
  const claimed = new Set(getService('hooks').decoratorQueryKeys());
  return Object.fromEntries(Object.entries(ctx.query).filter(([key]) => !claimed.has(key)));
};

/** Public, published-only reads for site builders. */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async columnItems(ctx) {
      const query = parseQuery(columnItemsQuery, ownQuery(ctx));
      const locale = await getService('locale').resolve(query.locale);
      const answer = await getService('site-content').columnItems({
        siteCode: ctx.params.code,
        slug: ctx.params.slug,
        locale,
        page: query.page,
        pageSize: query.pageSize,
      });
      ctx.body = await decorate(ctx, 'site-group.column-items', answer);
    },

    async siteItem(ctx) {
      const query = parseQuery(siteItemQuery, ownQuery(ctx));
      const locale = await getService('locale').resolve(query.locale);
      const answer = await getService('site-content').siteItem({ siteCode: ctx.params.code, documentId: ctx.params.documentId, locale });
      ctx.body = await decorate(ctx, 'site-group.site-item', answer);
    },

    async itemPlacements(ctx) {
      ctx.body = { data: (await getService('site-content').itemPlacements(ctx.params.documentId)).map(({ placementId, ...publicFields }) => publicFields) };
    },
  }) satisfies Core.Controller;
