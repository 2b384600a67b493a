import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { findOneQuery, treeQuery } from '../validation/site';

export default (_: { strapi: Core.Strapi }) =>
  ({
    /** GET /api/site-group/sites — the whole tree, names in the requested locale. */
    async tree(ctx) {
      const query = parseQuery(treeQuery, ctx.query);
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
      const query = parseQuery(findOneQuery, ctx.query);
      const locale = await getService('locale').resolve(query.locale);
      const site = await getService('site-tree').findByCode(ctx.params.code, { locale, includeArchived: query.archived === true });
      ctx.body = { data: site, meta: { locale } };
    },
  }) satisfies Core.Controller;
