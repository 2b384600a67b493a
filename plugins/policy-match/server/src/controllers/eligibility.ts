import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { adminId } from '../utils/caller';
import { getService } from '../utils/get-service';

export default {
  async find(ctx: Context) {
    const found = await getService('eligibility').get(ctx.params.documentId);
    if (!found) throw new errors.NotFoundError(`policy ${ctx.params.documentId} has no eligibility`);
    ctx.body = { data: found };
  },
  async put(ctx: Context) {
    ctx.body = { data: await getService('eligibility').save(ctx.params.documentId, ctx.request.body, adminId(ctx)) };
  },
  async remove(ctx: Context) {
    ctx.body = { data: await getService('eligibility').remove(ctx.params.documentId) };
  },
};
