import type { Core } from '@strapi/strapi';
import { currentActor, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import type { PlaceInput } from '../services/placement';
import type { PushInput } from '../services/placement-flow';
import { acceptBody, listQuery, placeBody, placementParams, pushBody, rejectBody, submitBody } from '../validation/placement';

const placementId = (id: unknown) => parseQuery(placementParams, { id }).id;

/** Admin routes for editors: place, submit upward, push downward, decide, withdraw, list. */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async place(ctx) {
      const body = parseBody(placeBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('placement-flow').place(body as unknown as PlaceInput, currentActor(strapi)) };
    },

    async submit(ctx) {
      const body = parseBody(submitBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('placement-flow').submit(body, currentActor(strapi)) };
    },

    async push(ctx) {
      const body = parseBody(pushBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('placement-flow').push(body as PushInput, currentActor(strapi)) };
    },

    async accept(ctx) {
      const body = parseBody(acceptBody, ctx.request.body);
      ctx.body = { data: await getService('placement-flow').decide(placementId(ctx.params.id), 'accept', body.reason, currentActor(strapi)) };
    },

    async reject(ctx) {
      const body = parseBody(rejectBody, ctx.request.body);
      ctx.body = { data: await getService('placement-flow').decide(placementId(ctx.params.id), 'reject', body.reason, currentActor(strapi)) };
    },

    async withdraw(ctx) {
      ctx.body = { data: await getService('placement-flow').withdraw(placementId(ctx.params.id), currentActor(strapi)) };
    },

    async list(ctx) {
      const query = parseQuery(listQuery, ctx.query);
      ctx.body = { data: await getService('placement-flow').list(query, currentActor(strapi)) };
    },

    async audit(ctx) {
      ctx.body = { data: await getService('audit').forItem(ctx.params.documentId) };
    },
  }) satisfies Core.Controller;
