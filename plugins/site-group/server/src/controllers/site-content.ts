import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { columnItemsQuery, siteItemQuery } from '../validation/site-content';

/** Public, published-only reads for site builders. */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async columnItems(ctx) {
      const query = parseQuery(columnItemsQuery, ctx.query);
      const locale = await getService('locale').resolve(query.locale);
      ctx.body = await getService('site-content').columnItems({
        siteCode: ctx.params.code,
        slug: ctx.params.slug,
        locale,
        page: query.page,
        pageSize: query.pageSize,
      });
    },

    async siteItem(ctx) {
      const query = parseQuery(siteItemQuery, ctx.query);
      const locale = await getService('locale').resolve(query.locale);
      ctx.body = await getService('site-content').siteItem({ siteCode: ctx.params.code, documentId: ctx.params.documentId, locale });
    },

    async itemPlacements(ctx) {
      ctx.body = { data: (await getService('site-content').itemPlacements(ctx.params.documentId)).map(({ placementId, ...publicFields }) => publicFields) };
    },
  }) satisfies Core.Controller;
