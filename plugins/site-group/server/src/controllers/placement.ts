import type { Core } from '@strapi/strapi';
import { currentActor, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import type { PlaceInput } from '../services/placement';
import type { PushInput } from '../services/placement-flow';
import { acceptBody, arrangeBody, deskQuery, listQuery, placeBody, placeManyBody, placementParams, pushBody, rejectBody, submitBody } from '../validation/placement';

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

    /** Several sites and columns at once (the Site panel's tree): active where the editor acts, pending elsewhere. */
    async placeMany(ctx) {
      const body = parseBody(placeManyBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('placement-flow').placeMany(body, currentActor(strapi)) };
    },

    /** Pin or unpin, order (priority), site publish time of one placement. */
    async arrange(ctx) {
      const id = placementId(ctx.params.id);
      const body = parseBody(arrangeBody, ctx.request.body);
      ctx.body = { data: await getService('placement-flow').arrange(id, body, currentActor(strapi)) };
    },

    /** An item's placements, all states, with sites and columns named (the Site panel). */
    async forItem(ctx) {
      const query = parseQuery(deskQuery, ctx.query);
      ctx.body = { data: await getService('placement-desk').forItem(ctx.params.uid, ctx.params.documentId, { locale: query.locale }) };
    },

    /** Pending placements into the editor's sites (the placement inbox). */
    async inbox(ctx) {
      const query = parseQuery(deskQuery, ctx.query);
      const data = await getService('placement-desk').inbox(currentActor(strapi), { site: query.site, locale: query.locale });
      ctx.body = { data, meta: { total: data.length } };
    },

    /** The site tree with columns for the pickers; `mine=true`: only the editor's sites. */
    async tree(ctx) {
      const query = parseQuery(deskQuery, ctx.query);
      const { tree, total } = await getService('placement-desk').tree(currentActor(strapi), { mine: query.mine, locale: query.locale });
      ctx.body = { data: tree, meta: { total } };
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
