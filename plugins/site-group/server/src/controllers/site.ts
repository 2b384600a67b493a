import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateSiteQuery, validateTreeQuery } from '../validation/site-query';

export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/site-group/sites — the whole tree, names in the requested locale. */
  async tree(ctx) {
    const query = await validateTreeQuery(ctx.query);
    const locale = await getService('locale').resolve(query.locale);
    const { body, etag } = await getService('tree-cache').body(`${locale}:${query.state ?? 'all'}`, async () => {
      const { tree, total } = await getService('site-tree').tree({ locale, state: query.state });
      return { data: tree, meta: { locale, total } };
    });
    ctx.set('ETag', etag);
    if (ctx.get('If-None-Match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = body;
  },

  /** GET /api/site-group/sites/:code — one site with its breadcrumb, child sites and columns. */
  async findOne(ctx) {
    const query = await validateSiteQuery(ctx.query);
    const locale = await getService('locale').resolve(query.locale);
    const site = await getService('site-tree').findByCode(ctx.params.code, { locale, includeArchived: query.archived === true });
    ctx.body = { data: site, meta: { locale } };
  },
});
