import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseBody } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { createBody } from '../validation/retraction';

export default (_: { strapi: Core.Strapi }) =>
  ({
    async create(ctx) {
      const body = parseBody(createBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('retractions').create(body, { kind: 'admin', user: ctx.state.user }) };
    },
    async find(ctx) {
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id)) throw new errors.NotFoundError(`No retraction ${ctx.params.id}`);
      ctx.body = { data: await getService('retractions').find(id) };
    },
  }) satisfies Core.Controller;
