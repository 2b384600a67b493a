import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminId } from '../utils/caller';
import { getService } from '../utils/get-service';

export default (_: { strapi: Core.Strapi }) =>
  ({
    async find(ctx) {
      const found = await getService('eligibility').get(ctx.params.documentId);
      if (!found) throw new errors.NotFoundError(`policy ${ctx.params.documentId} has no eligibility`);
      ctx.body = { data: found };
    },
    /** The body is parsed by the service (`validation/eligibility` putBody): seeds save through it too. */
    async put(ctx) {
      ctx.body = { data: await getService('eligibility').save(ctx.params.documentId, ctx.request.body, adminId(ctx)) };
    },
    async remove(ctx) {
      ctx.body = { data: await getService('eligibility').remove(ctx.params.documentId) };
    },
  }) satisfies Core.Controller;
