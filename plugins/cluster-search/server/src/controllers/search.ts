import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { searchQueryFor, suggestQuery } from '../validation/search';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async search(ctx) {
      const maxPageSize = (strapi.config.get('plugin::cluster-search') as { maxPageSize: number }).maxPageSize;
      const answer = await getService('search').search(parseQuery(searchQueryFor(maxPageSize), ctx.query));
      // Registered item decorators (bilingual: `alternates`) add their fields to the hits.
      if (Array.isArray(answer?.hits)) {
        const meta: Record<string, unknown> = {};
        await getService('hooks').decorateItems(answer.hits, { route: 'cluster-search.search', query: { ...ctx.query }, params: { ...ctx.params }, meta });
      }
      ctx.body = answer;
    },

    async suggest(ctx) {
      ctx.body = await getService('suggest').suggest(parseQuery(suggestQuery, ctx.query));
    },
  }) satisfies Core.Controller;
