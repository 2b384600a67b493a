import { errors } from '@strapi/utils';
import { answeringConflicts } from '../utils/conflict';
import { getService } from '../utils/get-service';
import { currentReviewActor } from '../utils/request-actor';
import {
  validateApproveBody,
  validateCheckBody,
  validateEmergencyBody,
  validateFlaggedQuery,
  validateQueueQuery,
  validateRejectBody,
  validateStageConfigBody,
  validateSubmitBody,
} from '../validation/review';
import { service } from '@jiyue/kernel';

const target = (ctx) => {
  const { uid, documentId } = ctx.params;
  if (!strapi.contentTypes[uid]) throw new errors.NotFoundError(`No content type "${uid}"`);
  return { uid, documentId };
};

/** Admin routes of the review workflow: controllers validate, call a service, answer. */
export default () => ({
  async submit(ctx) {
    const body = await validateSubmitBody(ctx.request.body);
    const { uid, documentId } = target(ctx);
    ctx.body = { data: await getService('review-flow').submit(uid, documentId, body.locale, body, currentReviewActor(strapi)) };
  },

  async approve(ctx) {
    const body = await validateApproveBody(ctx.request.body);
    const { uid, documentId } = target(ctx);
    await answeringConflicts(ctx, async () => {
      ctx.body = { data: await getService('review-flow').approve(uid, documentId, body.locale, body as any, currentReviewActor(strapi)) };
    });
  },

  async reject(ctx) {
    const body = await validateRejectBody(ctx.request.body);
    const { uid, documentId } = target(ctx);
    await answeringConflicts(ctx, async () => {
      ctx.body = { data: await getService('review-flow').reject(uid, documentId, body.locale, body as any, currentReviewActor(strapi)) };
    });
  },

  async emergencyPublish(ctx) {
    const body = await validateEmergencyBody(ctx.request.body);
    const { uid, documentId } = target(ctx);
    await getService('review-flow').emergencyPublish(uid, documentId, body.locale, body as any, currentReviewActor(strapi));
    ctx.body = { data: { uid, documentId, locale: body.locale, published: true, flagged: true } };
  },

  async history(ctx) {
    const { uid, documentId } = target(ctx);
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined;
    const [state, events] = await Promise.all([
      locale ? getService('review-flow').state(uid, documentId, locale) : null,
      getService('audit-trail').history(uid, documentId, locale),
    ]);
    ctx.body = { data: { state, events } };
  },

  async queue(ctx) {
    const query = await validateQueueQuery(ctx.query);
    ctx.body = { data: await getService('review-flow').queue(currentReviewActor(strapi), query as any) };
  },

  async desk(ctx) {
    // Filtered scope: only items of the caller's sites (every site for Super Admins).
    const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
    ctx.body = { data: await getService('desk').forActor(currentReviewActor(strapi), sites) };
  },

  async check(ctx) {
    const body = await validateCheckBody(ctx.request.body);
    const prechecks = getService('prechecks');
    const fields = body.fields as Record<string, string>;
    const findings = await prechecks.checkFields(fields, body.plainTextFields as string[]);
    ctx.body = { data: findings, meta: { reachability: await prechecks.reachability(fields, findings) } };
  },

  async flagged(ctx) {
    const query = await validateFlaggedQuery(ctx.query);
    // Filtered scope: only items of the caller's sites (every site for Super Admins).
    const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
    ctx.body = { data: await getService('audit-trail').flagged({ ...(query as any), sites }) };
  },

  async configureStage(ctx) {
    const body = await validateStageConfigBody(ctx.request.body);
    ctx.body = { data: await getService('reviewers').configure(body as any) };
  },
});
