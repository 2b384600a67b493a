import type { Core } from '@strapi/strapi';
import { parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { listQuery, retryDeadBody } from '../validation/delivery';
import { itemLocale } from './targets';
import { service } from '@jiyue/kernel';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async list(ctx) {
      // Filtered scope: only deliveries to the caller's sites (every site for Super Admins).
      const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
      ctx.body = await getService('deliveries').list({ ...parseQuery(listQuery, ctx.query), sites });
    },
    /** One item's deliveries grouped by target, newest first (the Distribution panel after publish). */
    async forItem(ctx) {
      const locale = await itemLocale(strapi, ctx.query);
      ctx.body = { data: await getService('deliveries').forItem(ctx.params.uid, ctx.params.documentId, locale) };
    },
    async retry(ctx) {
      ctx.body = { data: await getService('deliveries').retry(Number(ctx.params.id)) };
    },
    async retryDead(ctx) {
      ctx.body = { data: await getService('deliveries').retryDead(parseBody(retryDeadBody, ctx.request.body)) };
    },
  }) satisfies Core.Controller;
