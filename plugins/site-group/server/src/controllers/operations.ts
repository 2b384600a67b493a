import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { isSuperAdmin } from '../utils/request-actor';
import { validateOperationQuery } from '../validation/operations';

/**
 * The operations log (read only). Root-site admins and Super Admins only: the log covers the whole
 * cluster, so an admin of a county site gets 403 even with the RBAC action.
 */
const isRootSiteAdmin = async (userId: number) => {
  const scope = getService('editor-scope');
  const assignments = await scope.assignments(userId);
  if (!assignments.length) return false;
  const tree = await scope.hierarchy();
  return assignments.some((a: { siteId: number }) => tree.byId.has(a.siteId) && tree.byId.get(a.siteId)!.parentId === null);
};

export default () => ({
  async list(ctx) {
    const user = ctx.state.user;
    if (!isSuperAdmin(user) && !(await isRootSiteAdmin(user.id))) {
      throw new errors.PolicyError('The operations log is readable by root-site admins and Super Admins only');
    }
    const query = validateOperationQuery(ctx.query);
    const { results, pagination } = await getService('operations').list(query);
    ctx.body = { data: results, meta: { pagination } };
  },
});
