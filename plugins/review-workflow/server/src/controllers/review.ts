import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorRecord, answeringConflicts, currentActor, parseBody, parseQuery, service, contentTypeOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import {
  approveBody,
  checkBody,
  configureStageBody,
  emergencyPublishBody,
  flaggedQuery,
  historyQuery,
  queueQuery,
  rejectBody,
  submitBodyWith,
} from '../validation/review';

/** Admin routes of the review workflow: controllers validate, call a service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const target = (params: { uid: string; documentId: string }) => {
    const { uid, documentId } = params;
    if (!contentTypeOf(strapi, uid)) throw new errors.NotFoundError(`No content type "${uid}"`);
    return { uid, documentId };
  };
  const reviewActor = () => actorRecord(currentActor(strapi));

  return {
    async submit(ctx) {
      // Fields claimed by a registered submit extension (distribution: `targets`) are checked by that extension in the service.
      const fields = getService('hooks')
        .submitExtensions()
        .map((extension) => extension.field);
      const body = parseBody(submitBodyWith(fields), ctx.request.body);
      const { uid, documentId } = target(ctx.params);
      ctx.body = { data: await getService('review-flow').submit(uid, documentId, body.locale, body, reviewActor()) };
    },

    async approve(ctx) {
      const body = parseBody(approveBody, ctx.request.body);
      const { uid, documentId } = target(ctx.params);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('review-flow').approve(uid, documentId, body.locale, body, reviewActor()) };
      });
    },

    async reject(ctx) {
      const body = parseBody(rejectBody, ctx.request.body);
      const { uid, documentId } = target(ctx.params);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('review-flow').reject(uid, documentId, body.locale, body, reviewActor()) };
      });
    },

    async emergencyPublish(ctx) {
      const body = parseBody(emergencyPublishBody, ctx.request.body);
      const { uid, documentId } = target(ctx.params);
      await getService('review-flow').emergencyPublish(uid, documentId, body.locale, body, reviewActor());
      ctx.body = { data: { uid, documentId, locale: body.locale, published: true, flagged: true } };
    },

    async history(ctx) {
      const { uid, documentId } = target(ctx.params);
      const { locale } = parseQuery(historyQuery, ctx.query);
      const [state, events] = await Promise.all([
        locale ? getService('review-flow').state(uid, documentId, locale) : null,
        getService('audit-trail').history(uid, documentId, locale),
      ]);
      ctx.body = { data: { state, events } };
    },

    async queue(ctx) {
      const query = parseQuery(queueQuery, ctx.query);
      ctx.body = { data: await getService('review-flow').queue(reviewActor(), query) };
    },

    async desk(ctx) {
      // Filtered scope: only items of the caller's sites (every site for Super Admins).
      const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
      ctx.body = { data: await getService('desk').forActor(reviewActor(), sites) };
    },

    async check(ctx) {
      const body = parseBody(checkBody, ctx.request.body);
      const prechecks = getService('prechecks');
      const findings = await prechecks.checkFields(body.fields, body.plainTextFields);
      ctx.body = { data: findings, meta: { reachability: await prechecks.reachability(body.fields, findings) } };
    },

    async flagged(ctx) {
      const query = parseQuery(flaggedQuery, ctx.query);
      // Filtered scope: only items of the caller's sites (every site for Super Admins).
      const sites = await service(strapi, 'site-group', 'scope').visibleSites(ctx.state.user);
      ctx.body = { data: await getService('audit-trail').flagged({ ...query, sites }) };
    },

    async configureStage(ctx) {
      const body = parseBody(configureStageBody, ctx.request.body);
      ctx.body = { data: await getService('reviewers').configure(body) };
    },
  } satisfies Core.Controller;
};
