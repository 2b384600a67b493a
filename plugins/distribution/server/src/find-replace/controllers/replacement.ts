import { errors } from '@strapi/utils';
import { ReplacementStateError } from '../services/replacement-apply';
import { replacementActor } from '../../utils/actor';
import { validateChangesQuery, validateEmptyBody, validatePreviewBody } from '../../validation/replacement';

const service = (name: 'replacement' | 'replacement-apply') => strapi.plugin('distribution').service(name);

const replacementId = (ctx: any) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError(`No replacement with id ${ctx.params.id}`);
  return id;
};

/** A replacement in the wrong state for the action is a 409 (Strapi answers ApplicationErrors with 400). */
const answeringConflicts = async (ctx: any, action: () => Promise<void>) => {
  try {
    await action();
  } catch (error) {
    if (error instanceof ReplacementStateError) return ctx.throw(409, error.message);
    throw error;
  }
};

/** Admin routes of cluster-wide find and replace: validate, call the service, answer. */
export default () => ({
  async preview(ctx) {
    const body = await validatePreviewBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = await service('replacement').preview(body, replacementActor(ctx.state.user));
  },

  async findOne(ctx) {
    const query = await validateChangesQuery(ctx.query);
    ctx.body = await service('replacement').get(replacementId(ctx), query);
  },

  async audit(ctx) {
    ctx.body = { data: await service('replacement').audit(replacementId(ctx)) };
  },

  async apply(ctx) {
    validateEmptyBody(ctx.request.body);
    const id = replacementId(ctx);
    await answeringConflicts(ctx, async () => {
      ctx.body = { data: await service('replacement-apply').apply(id, replacementActor(ctx.state.user)) };
    });
  },

  async rollback(ctx) {
    validateEmptyBody(ctx.request.body);
    const id = replacementId(ctx);
    await answeringConflicts(ctx, async () => {
      ctx.body = { data: await service('replacement-apply').rollback(id, replacementActor(ctx.state.user)) };
    });
  },
});
