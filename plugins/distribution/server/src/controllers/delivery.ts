import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateDeliveryQuery, validateRetryDead } from '../validation';
import { itemLocale } from './targets';
import { service } from '@jiyue/kernel';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    // Filtered scope: only deliveries to the caller's sites (every site for Super Admins).
    const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
    ctx.body = await getService('deliveries').list({ ...(await validateDeliveryQuery(ctx.query)), sites });
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
    ctx.body = { data: await getService('deliveries').retryDead(await validateRetryDead(ctx.request.body)) };
  },
});
