import type { Context } from 'koa';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { requireUser } from '../utils/caller';
import { getService } from '../utils/get-service';
import { validateCommentBody, validateModerationBody, validateRatingBody, validateSubscriptionBody } from '../validation/engagement';
import { optionalService } from '@jiyue/kernel';

const intParam = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new errors.NotFoundError('not found');
  return n;
};
const validateQueueQuery = validateYupSchema(yup.object({ status: yup.string().oneOf(['pending', 'approved', 'rejected']).default('pending') }).noUnknown(), { strict: false });

export default {
  async subscriptions(ctx: Context) {
    ctx.body = { data: await getService('engagement').subscriptions(requireUser(ctx).id) };
  },
  async subscribe(ctx: Context) {
    const { id } = requireUser(ctx);
    const input = await validateSubscriptionBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('engagement').subscribe(id, input as any) };
  },
  async unsubscribe(ctx: Context) {
    ctx.body = { data: await getService('engagement').unsubscribe(requireUser(ctx).id, intParam(ctx.params.id)) };
  },
  async favourites(ctx: Context) {
    ctx.body = { data: await getService('engagement').favourites(requireUser(ctx).id) };
  },
  async favourite(ctx: Context) {
    ctx.body = { data: await getService('engagement').favourite(requireUser(ctx).id, ctx.params.documentId) };
  },
  async unfavourite(ctx: Context) {
    ctx.body = { data: await getService('engagement').unfavourite(requireUser(ctx).id, ctx.params.documentId) };
  },
  async rate(ctx: Context) {
    const { id } = requireUser(ctx);
    const { stars } = await validateRatingBody(ctx.request.body);
    ctx.body = { data: await getService('engagement').rate(id, ctx.params.documentId, stars as number) };
  },
  async ratings(ctx: Context) {
    const engagement = getService('engagement');
    // a 不予公开 policy answers like one that does not exist
    const hidden = await engagement.isHidden(ctx.params.documentId);
    ctx.body = { data: await engagement.ratingAggregate(hidden ? '' : ctx.params.documentId) };
  },
  async comment(ctx: Context) {
    const { id } = requireUser(ctx);
    const { body } = await validateCommentBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('engagement').comment(id, ctx.params.documentId, body as string) };
  },
  async comments(ctx: Context) {
    const engagement = getService('engagement');
    ctx.body = { data: (await engagement.isHidden(ctx.params.documentId)) ? [] : await engagement.publicComments(ctx.params.documentId) };
  },
  async queue(ctx: Context) {
    const { status } = (await validateQueueQuery(ctx.query)) as { status: string };
    // Filtered scope: comments on policies of the caller's sites and below (every site for Super Admins).
    const sites = (await optionalService(strapi, 'site-group', 'scope')?.visibleSites(ctx.state.user, 'always')) ?? null;
    ctx.body = { data: await getService('engagement').moderationQueue(status, sites) };
  },
  async approve(ctx: Context) {
    const { note } = await validateModerationBody(ctx.request.body);
    ctx.body = { data: await getService('engagement').moderate(intParam(ctx.params.id), 'approved', ctx.state.user, note) };
  },
  async reject(ctx: Context) {
    const { note } = await validateModerationBody(ctx.request.body);
    ctx.body = { data: await getService('engagement').moderate(intParam(ctx.params.id), 'rejected', ctx.state.user, note) };
  },
};
