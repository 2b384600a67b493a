import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { overviewQuery } from '../validation/status';
import { optionalService } from '@jiyue/kernel';

/** Translation status: coverage for editors (admin) and the state of one document (public). */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async overview(ctx) {
      const query = parseQuery(overviewQuery, ctx.query);
      // Filtered scope: only documents of the caller's sites (every site for Super Admins).
      const sites = (await optionalService(strapi, 'site-group', 'scope')?.visibleSites(ctx.state.user)) ?? null;
      ctx.body = await getService('translation-status').overview({ ...query, sites });
    },

    /** One document's locales from its drafts, for the Language panel (admin). */
    async draft(ctx) {
      ctx.body = { data: await getService('translation-status').draft(ctx.params.uid, ctx.params.documentId) };
    },

    async document(ctx) {
      ctx.body = { data: await getService('translation-status').document(ctx.params.uid, ctx.params.documentId) };
    },
  }) satisfies Core.Controller;
