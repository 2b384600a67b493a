import { getService } from '../utils/get-service';
import { validateColumnItemsQuery, validateItemQuery } from '../validation/site-content-query';

/** Public, published-only reads for site builders. */
export default () => ({
  async columnItems(ctx) {
    const query = await validateColumnItemsQuery(ctx.query);
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
    const query = await validateItemQuery(ctx.query);
    const locale = await getService('locale').resolve(query.locale);
    ctx.body = await getService('site-content').siteItem({ siteCode: ctx.params.code, documentId: ctx.params.documentId, locale });
  },

  async itemPlacements(ctx) {
    ctx.body = { data: (await getService('site-content').itemPlacements(ctx.params.documentId)).map(({ placementId, ...publicFields }) => publicFields) };
  },
});
