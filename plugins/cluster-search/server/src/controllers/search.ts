import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { searchQuery, suggestQuery } from '../validation/query';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: any) {
    const maxPageSize = (strapi.config.get('plugin::cluster-search') as { maxPageSize: number }).maxPageSize;
    const params = await searchQuery(maxPageSize)(ctx.query);
    ctx.body = await getService('search').search(params);
  },

  async suggest(ctx: any) {
    const params = await suggestQuery(ctx.query);
    ctx.body = await getService('suggest').suggest(params);
  },
});
