import { getService } from '../utils/get-service';
import { validatePretranslateBody } from '../validation/pretranslate';

export default () => ({
  async create(ctx) {
    const body = await validatePretranslateBody(ctx.request.body);
    ctx.body = { data: await getService('pretranslate').pretranslate(body as any) };
  },
});
