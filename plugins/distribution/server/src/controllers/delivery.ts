import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateDeliveryQuery, validateRetryDead } from '../validation';
import { service } from '@jiyue/kernel';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    // Filtered scope: only deliveries to the caller's sites (every site for Super Admins).
    const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
    ctx.body = await getService('deliveries').list({ ...(await validateDeliveryQuery(ctx.query)), sites });
  },
  async retry(ctx) {
    ctx.body = { data: await getService('deliveries').retry(Number(ctx.params.id)) };
  },
  async retryDead(ctx) {
    ctx.body = { data: await getService('deliveries').retryDead(await validateRetryDead(ctx.request.body)) };
  },
});
