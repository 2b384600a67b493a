import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { listQuery } from '../validation/operations';

/**
 * The operations log (read only). The route's `cluster` scope (policy `plugin::site-group.scope`)
 * lets only root-site admins and Super Admins in: the log covers the whole cluster.
 */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async list(ctx) {
      const { results, pagination } = await getService('operations').list(parseQuery(listQuery, ctx.query));
      ctx.body = { data: results, meta: { pagination } };
    },
  }) satisfies Core.Controller;
