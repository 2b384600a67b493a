import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, isSuperAdmin, parseBody, parseQuery, type AdminUser } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { assignBody, listQuery, unassignBody } from '../validation/assignment';

/** Admin routes to assign admin users to sites (who edits for which site), within the granter's own sites. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The assigned user must be an existing admin user (assignments scope admin-panel users only). */
  const assertAdminUser = async (userId: number) => {
    const user = await strapi.db.query('admin::user').findOne({ where: { id: userId }, select: ['id'] });
    if (!user) throw fieldError(['userId'], `no admin user with id ${userId}`, userId);
  };

  /**
   * A granter gives no more than they have: the site is checked by the route's scope policy; sites
   * below it (`includeDescendants`) only where the granter acts for the whole subtree.
   */
  const assertCanGrantDescendants = async (granter: AdminUser, site: string) => {
    if (isSuperAdmin(granter)) return;
    const scope = getService('editor-scope');
    const [tree, mine] = await Promise.all([scope.hierarchy(), scope.siteIds(granter.id)]);
    const row = tree.byCode.get(site);
    if (!row) throw new errors.NotFoundError(`No site with code "${site}"`);
    const own = new Set(mine);
    if (!tree.subtree(row.id).every((id) => own.has(id))) {
      throw new errors.PolicyError(`You cannot grant the sites below "${site}": they are outside the sites assigned to you`, { site, field: 'includeDescendants' });
    }
  };

  return {
    /** A user's assignments, limited to the sites the caller acts for (all of them for Super Admins). */
    async list(ctx) {
      const { userId } = parseQuery(listQuery, ctx.query);
      const scope = getService('editor-scope');
      const visible = await getService('scope').visibleSites(ctx.state.user);
      const tree = await scope.hierarchy();
      const assignments = (await scope.assignments(userId)).filter(
        (a: { siteId: number }) => visible === null || visible.includes(tree.byId.get(a.siteId)?.code ?? '')
      );
      const sites = (await scope.siteCodes(userId)).filter((code: string) => visible === null || visible.includes(code));
      ctx.body = { data: { assignments, sites } };
    },

    async assign(ctx) {
      const body = parseBody(assignBody, ctx.request.body);
      await assertAdminUser(body.userId);
      if (body.includeDescendants) await assertCanGrantDescendants(ctx.state.user, body.site);
      ctx.status = 201;
      ctx.body = { data: await getService('editor-scope').assign(body.userId, body.site, body.includeDescendants) };
    },

    async unassign(ctx) {
      const body = parseBody(unassignBody, ctx.request.body);
      await getService('editor-scope').unassign(body.userId, body.site);
      ctx.body = { data: { userId: body.userId, site: body.site, removed: true } };
    },
  } satisfies Core.Controller;
};
