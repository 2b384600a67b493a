import { getService } from '../utils/get-service';
import { validateOperationQuery } from '../validation/operations';

/**
 * The operations log (read only). The route's `cluster` scope (policy `plugin::site-group.scope`)
 * lets only root-site admins and Super Admins in: the log covers the whole cluster.
 */
export default () => ({
  async list(ctx) {
    const query = validateOperationQuery(ctx.query);
    const { results, pagination } = await getService('operations').list(query);
    ctx.body = { data: results, meta: { pagination } };
  },
});
