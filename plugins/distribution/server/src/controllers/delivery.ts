import type { Core } from '@strapi/strapi';
import { parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { listQuery, retryDeadBody } from '../validation/delivery';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async list(ctx) {
      // Filtered scope: only deliveries to the caller's sites (every site for Super Admins).
      const sites = await strapi.plugin('site-group').service('scope').visibleSites(ctx.state.user);
      ctx.body = await getService('deliveries').list({ ...parseQuery(listQuery, ctx.query), sites });
    },
    async retry(ctx) {
      ctx.body = { data: await getService('deliveries').retry(Number(ctx.params.id)) };
    },
    async retryDead(ctx) {
      ctx.body = { data: await getService('deliveries').retryDead(parseBody(retryDeadBody, ctx.request.body)) };
    },
  }) satisfies Core.Controller;
