import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { overviewQuery } from '../validation/status';

/** Translation status: coverage for editors (admin) and the state of one document (public). */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async overview(ctx) {
      const query = parseQuery(overviewQuery, ctx.query);
      // Filtered scope: only documents of the caller's sites (every site for Super Admins).
      const sites = strapi.plugin('site-group') ? await strapi.plugin('site-group').service('scope').visibleSites(ctx.state.user) : null;
      ctx.body = await getService('translation-status').overview({ ...query, sites });
    },

    async document(ctx) {
      ctx.body = { data: await getService('translation-status').document(ctx.params.uid, ctx.params.documentId) };
    },
  }) satisfies Core.Controller;
