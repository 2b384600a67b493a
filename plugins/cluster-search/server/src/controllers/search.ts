import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { searchQueryFor, suggestQuery } from '../validation/search';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async search(ctx) {
      const maxPageSize = (strapi.config.get('plugin::cluster-search') as { maxPageSize: number }).maxPageSize;
      ctx.body = await getService('search').search(parseQuery(searchQueryFor(maxPageSize), ctx.query));
    },

    async suggest(ctx) {
      ctx.body = await getService('suggest').suggest(parseQuery(suggestQuery, ctx.query));
    },
  }) satisfies Core.Controller;
