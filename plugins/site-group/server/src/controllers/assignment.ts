import { getService } from '../utils/get-service';
import { validateAssignmentBody } from '../validation/placement';

/** Admin routes to assign admin users to sites (who edits for which site). */
export default () => ({
  async list(ctx) {
    const userId = Number(ctx.query.userId);
    if (!Number.isInteger(userId) || userId <= 0) return ctx.badRequest('userId must be a positive integer');
    const scope = getService('editor-scope');
    ctx.body = { data: { assignments: await scope.assignments(userId), sites: await scope.siteCodes(userId) } };
  },

  async assign(ctx) {
    const body = await validateAssignmentBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('editor-scope').assign(body.userId, body.site, body.includeDescendants) };
  },

  async unassign(ctx) {
    const body = await validateAssignmentBody(ctx.request.body);
    await getService('editor-scope').unassign(body.userId, body.site);
    ctx.body = { data: { userId: body.userId, site: body.site, removed: true } };
  },
});
