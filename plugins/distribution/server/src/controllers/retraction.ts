import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { validateRetraction } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx) {
    void strapi;
    const body = await validateRetraction(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('retractions').create(body, { kind: 'admin', user: ctx.state.user }) };
  },
  async find(ctx) {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id)) throw new errors.NotFoundError(`No retraction ${ctx.params.id}`);
    ctx.body = { data: await getService('retractions').find(id) };
  },
});
