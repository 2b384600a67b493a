import type { Core } from '@strapi/strapi';
import { currentActor, isSuperAdmin, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { staleColumnsQuery } from '../validation/report';

/** Admin reports. Editors see their own sites; Super Admins the whole cluster. */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async staleColumns(ctx) {
      const query = parseQuery(staleColumnsQuery, ctx.query);
      const actor = currentActor(strapi);
      const scope = getService('editor-scope');
      let siteIds: number[] | null = null;
      if (actor.kind === 'admin' && !isSuperAdmin(actor.user)) siteIds = await scope.siteIds(actor.user.id);
      if (query.site) {
        await scope.assertCanActFor(actor, query.site, `see reports of site "${query.site}"`);
        const tree = await scope.hierarchy();
        const site = tree.byCode.get(query.site);
        if (!site) return ctx.notFound(`No site with code "${query.site}"`);
        siteIds = [site.id];
      }
      const data = await getService('stale-columns').report({ days: query.days, siteIds });
      ctx.body = { data, meta: { total: data.length, days: query.days ?? null } };
    },

    /** A site's disclosure catalogue (公开目录): its catalogue columns as a tree, with entry instructions for editors. */
    async catalogue(ctx) {
      const actor = currentActor(strapi);
      await getService('editor-scope').assertCanActFor(actor, ctx.params.code, `see the catalogue of site "${ctx.params.code}"`);
      ctx.body = { data: await getService('site-tree').catalogue(ctx.params.code) };
    },
  }) satisfies Core.Controller;
