import { yup, validateYupSchema } from '@strapi/utils';
import { getService } from '../utils/get-service';
import type { PlaceInput } from '../services/placement';
import type { PushInput } from '../services/placement-flow';
import { currentActor } from '../utils/request-actor';
import { fieldError, throwFieldErrors } from '../utils/field-errors';
import {
  validateArrangeBody,
  validateBatchBody,
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
const deskQuery = yup.object({ site: yup.string().max(64), locale: yup.string().max(20), mine: yup.boolean().typeError('mine must be true or false') });
const validateDeskQueryValues = validateYupSchema(deskQuery, { strict: false });
/** The desk routes' query: unknown parameters are a 400 naming them (yup would drop them silently). */
const validateDeskQuery = async (query: Record<string, unknown>) => {
  throwFieldErrors(Object.keys(query ?? {}).filter((k) => !Object.hasOwn(deskQuery.fields, k)).map((k) => fieldError([k], 'is not a known query parameter (site, locale, mine)', query[k])));
  return validateDeskQueryValues(query);
};
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

  /** Several sites and columns at once (the Site panel's tree): active where the editor acts, pending elsewhere. */
  async placeMany(ctx) {
    const body = await validateBatchBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('placement-flow').placeMany(body as any, currentActor(strapi)) };
  },

  /** Pin or unpin, order (priority), site publish time of one placement. */
  async arrange(ctx) {
    const id = placementId(ctx);
    const body = await validateArrangeBody(ctx.request.body ?? {});
    ctx.body = { data: await getService('placement-flow').arrange(id, body, currentActor(strapi)) };
  },

  /** An item's placements, all states, with sites and columns named (the Site panel). */
  async forItem(ctx) {
    const query = await validateDeskQuery(ctx.query);
    ctx.body = { data: await getService('placement-desk').forItem(ctx.params.uid, ctx.params.documentId, { locale: query.locale }) };
  },

  /** Pending placements into the editor's sites (the placement inbox). */
  async inbox(ctx) {
    const query = await validateDeskQuery(ctx.query);
    const data = await getService('placement-desk').inbox(currentActor(strapi), { site: query.site, locale: query.locale });
    ctx.body = { data, meta: { total: data.length } };
  },

  /** The site tree with columns for the pickers; `mine=true`: only the editor's sites. */
  async tree(ctx) {
    const query = await validateDeskQuery(ctx.query);
    const { tree, total } = await getService('placement-desk').tree(currentActor(strapi), { mine: query.mine, locale: query.locale });
    ctx.body = { data: tree, meta: { total } };
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
