import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { searchQuery, suggestQuery } from '../validation/query';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: any) {
    const maxPageSize = (strapi.config.get('plugin::cluster-search') as { maxPageSize: number }).maxPageSize;
    const params = await searchQuery(maxPageSize)(ctx.query);
    const answer = await getService('search').search(params);
    // Registered item decorators (bilingual: `alternates`) add their fields to the hits.
    if (Array.isArray(answer?.hits)) {
      const meta: Record<string, unknown> = {};
      await getService('hooks').decorateItems(answer.hits, { route: 'cluster-search.search', query: { ...ctx.query }, params: { ...ctx.params }, meta });
    }
    ctx.body = answer;
  },

  async suggest(ctx: any) {
    const params = await suggestQuery(ctx.query);
    ctx.body = await getService('suggest').suggest(params);
  },
});
