import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminActor, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { CHANNEL_UID } from '../utils/uids';
import { createBody, listQuery, updateBody } from '../validation/channel';
import { optionalService, service } from '@jiyue/kernel';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const id = (ctx: Context) => Number(ctx.params.id);
  /** An editor configures the channels of the sites they act for (site-group scope), nothing else. */
  const assertScope = async (ctx: Context, site: string) => {
    const scope = optionalService(strapi, 'site-group', 'editor-scope');
    if (scope && typeof site === 'string') await scope.assertCanActFor(adminActor(ctx.state.user), site, `configure channels of site "${site}"`);
  };
  const existingSite = async (ctx: Context) => {
    const row = await strapi.db.query(CHANNEL_UID).findOne({ where: { id: id(ctx) }, select: ['site'] });
    if (!row) throw new errors.NotFoundError(`No channel ${ctx.params.id}`);
    return row.site as string;
  };

  return {
    async list(ctx) {
      const query = parseQuery(listQuery, ctx.query);
      // Filtered scope: only the channels of the caller's sites (every site for Super Admins).
      const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
      ctx.body = { data: await getService('channels').list({ site: query.site, kind: query.kind, sites }) };
    },
    async create(ctx) {
      const body = parseBody(createBody, ctx.request.body);
      await assertScope(ctx, body.site);
      ctx.status = 201;
      ctx.body = { data: await getService('channels').create(body) };
    },
    async update(ctx) {
      const body = parseBody(updateBody, ctx.request.body);
      await assertScope(ctx, await existingSite(ctx));
      ctx.body = { data: await getService('channels').update(id(ctx), body) };
    },
    async remove(ctx) {
      await assertScope(ctx, await existingSite(ctx));
      ctx.body = { data: await getService('channels').remove(id(ctx)) };
    },
  } satisfies Core.Controller;
};
