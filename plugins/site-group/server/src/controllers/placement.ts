import { yup, validateYupSchema } from '@strapi/utils';
import { getService } from '../utils/get-service';
import type { PlaceInput } from '../services/placement';
import type { PushInput } from '../services/placement-flow';
import { currentActor } from '../utils/request-actor';
import {
  validateDecisionBody,
  validatePlaceBody,
  validatePushBody,
  validateRejectBody,
  validateSubmitBody,
} from '../validation/placement';

const validateListQuery = validateYupSchema(
  yup.object({
    state: yup.string().oneOf(['active', 'pending', 'rejected', 'withdrawn']),
    site: yup.string().max(64),
    mine: yup.boolean(),
  }),
  { strict: false }
);
const placementId = (ctx) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id <= 0) ctx.throw(400, 'placement id must be a positive integer');
  return id;
};

/** Admin routes for editors: place, submit upward, push downward, decide, withdraw, list. */
export default () => ({
  async place(ctx) {
    const body = await validatePlaceBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('placement-flow').place(body as PlaceInput, currentActor(strapi)) };
  },

  async submit(ctx) {
    const body = await validateSubmitBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('placement-flow').submit(body, currentActor(strapi)) };
  },

  async push(ctx) {
    const body = await validatePushBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('placement-flow').push(body as PushInput, currentActor(strapi)) };
  },

  async accept(ctx) {
    const body = await validateDecisionBody(ctx.request.body ?? {});
    ctx.body = { data: await getService('placement-flow').decide(placementId(ctx), 'accept', body.reason, currentActor(strapi)) };
  },

  async reject(ctx) {
    const body = await validateRejectBody(ctx.request.body ?? {});
    ctx.body = { data: await getService('placement-flow').decide(placementId(ctx), 'reject', body.reason, currentActor(strapi)) };
  },

  async withdraw(ctx) {
    ctx.body = { data: await getService('placement-flow').withdraw(placementId(ctx), currentActor(strapi)) };
  },

  async list(ctx) {
    const query = await validateListQuery(ctx.query);
    ctx.body = { data: await getService('placement-flow').list(query, currentActor(strapi)) };
  },

  async audit(ctx) {
    ctx.body = { data: await getService('audit').forItem(ctx.params.documentId) };
  },
});
