import { getService } from '../utils/get-service';
import { validateStatusQuery } from '../validation/status';

/** Translation status: coverage for editors (admin) and the state of one document (public). */
export default () => ({
  async overview(ctx) {
    const query = await validateStatusQuery(ctx.query);
    ctx.body = await getService('translation-status').overview(query as any);
  },

  async document(ctx) {
    ctx.body = { data: await getService('translation-status').document(ctx.params.uid, ctx.params.documentId) };
  },
});
