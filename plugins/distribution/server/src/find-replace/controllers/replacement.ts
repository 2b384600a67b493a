import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf, actorRecord, answeringConflicts, parseBody, parseQuery, type ActorContext } from '@jiyue/kernel';
import type { ReplacementActor } from '../services/replacement';
import { applyBody, findOneQuery, previewBody, rollbackBody } from '../../validation/replacement';

const replacementId = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError(`No replacement with id ${raw}`);
  return id;
};

/** The admin behind the request, as the replacement services record and scope them. */
const replacementActor = (ctx: ActorContext): ReplacementActor => {
  const scope = actorOf(ctx);
  return { ...actorRecord(scope), scope };
};

/** Admin routes of cluster-wide find and replace: validate, call the service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: 'replacement' | 'replacement-apply') => strapi.plugin('distribution').service(name);

  return {
    async preview(ctx) {
      const body = parseBody(previewBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = await service('replacement').preview(body, replacementActor(ctx));
    },

    async findOne(ctx) {
      const query = parseQuery(findOneQuery, ctx.query);
      ctx.body = await service('replacement').get(replacementId(ctx.params.id), query);
    },

    async audit(ctx) {
      ctx.body = { data: await service('replacement').audit(replacementId(ctx.params.id)) };
    },

    async apply(ctx) {
      parseBody(applyBody, ctx.request.body);
      const id = replacementId(ctx.params.id);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await service('replacement-apply').apply(id, replacementActor(ctx)) };
      });
    },

    async rollback(ctx) {
      parseBody(rollbackBody, ctx.request.body);
      const id = replacementId(ctx.params.id);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await service('replacement-apply').rollback(id, replacementActor(ctx)) };
      });
    },
  } satisfies Core.Controller;
};
