import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseBody, parseQuery } from '@jiyue/kernel';
import { requireUser } from '../utils/caller';
import { getService } from '../utils/get-service';
import { approveBody, commentBody, queueQuery, rateBody, rejectBody, subscribeBody } from '../validation/engagement';
import { optionalService } from '@jiyue/kernel';

const intParam = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new errors.NotFoundError('not found');
  return n;
};

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async subscriptions(ctx) {
      ctx.body = { data: await getService('engagement').subscriptions(requireUser(ctx).id) };
    },
    async subscribe(ctx) {
      const { id } = requireUser(ctx);
      const input = parseBody(subscribeBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('engagement').subscribe(id, input) };
    },
    async unsubscribe(ctx) {
      ctx.body = { data: await getService('engagement').unsubscribe(requireUser(ctx).id, intParam(ctx.params.id)) };
    },
    async favourites(ctx) {
      ctx.body = { data: await getService('engagement').favourites(requireUser(ctx).id) };
    },
    async favourite(ctx) {
      ctx.body = { data: await getService('engagement').favourite(requireUser(ctx).id, ctx.params.documentId) };
    },
    async unfavourite(ctx) {
      ctx.body = { data: await getService('engagement').unfavourite(requireUser(ctx).id, ctx.params.documentId) };
    },
    async rate(ctx) {
      const { id } = requireUser(ctx);
      const { stars } = parseBody(rateBody, ctx.request.body);
      ctx.body = { data: await getService('engagement').rate(id, ctx.params.documentId, stars) };
    },
    async ratings(ctx) {
      const engagement = getService('engagement');
      // a 不予公开 policy answers like one that does not exist
      const hidden = await engagement.isHidden(ctx.params.documentId);
      ctx.body = { data: await engagement.ratingAggregate(hidden ? '' : ctx.params.documentId) };
    },
    async comment(ctx) {
      const { id } = requireUser(ctx);
      const { body } = parseBody(commentBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('engagement').comment(id, ctx.params.documentId, body) };
    },
    async comments(ctx) {
      const engagement = getService('engagement');
      ctx.body = { data: (await engagement.isHidden(ctx.params.documentId)) ? [] : await engagement.publicComments(ctx.params.documentId) };
    },
    async queue(ctx) {
      const { status } = parseQuery(queueQuery, ctx.query);
      // Filtered scope: comments on policies of the caller's sites and below (every site for Super Admins).
      const sites = (await optionalService(strapi, 'site-group', 'scope')?.visibleSites(ctx.state.user, 'always')) ?? null;
      ctx.body = { data: await getService('engagement').moderationQueue(status, sites) };
    },
    async approve(ctx) {
      const { note } = parseBody(approveBody, ctx.request.body);
      ctx.body = { data: await getService('engagement').moderate(intParam(ctx.params.id), 'approved', ctx.state.user, note) };
    },
    async reject(ctx) {
      const { note } = parseBody(rejectBody, ctx.request.body);
      ctx.body = { data: await getService('engagement').moderate(intParam(ctx.params.id), 'rejected', ctx.state.user, note) };
    },
  }) satisfies Core.Controller;
