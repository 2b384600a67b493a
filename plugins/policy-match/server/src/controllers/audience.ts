import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { findQuery } from '../validation/audience';

/** The admin's id, when an admin asks (kept on a run it queued). */
const adminId = (ctx: { state?: { user?: { id?: unknown } } }) => (typeof ctx.state?.user?.id === 'number' ? ctx.state.user.id : null);

export default (_: { strapi: Core.Strapi }) =>
  ({
    /**
     * GET /policy-match/policies/:documentId/audience (admin): count, breakdown by region and a
     * sample — computed now when that is light, else the last stored result with its age while a
     * background run computes the current one.
     */
    async find(ctx) {
      const { asOf } = parseQuery(findQuery, ctx.query);
      ctx.body = { data: await getService('audience').find(ctx.params.documentId, { asOf, requestedById: adminId(ctx) }) };
    },

    // C: POST /policy-match/policies/:documentId/audience/runs (issue #19) — a fresh background run (重新计算)
    async run(ctx) {
      const { asOf } = parseQuery(findQuery, ctx.query);
      const run = await getService('audience').requestRun(ctx.params.documentId, { asOf, requestedById: adminId(ctx) });
      ctx.status = 202;
      ctx.body = { data: run && { id: run.id, status: run.status, policyVersion: run.policyVersion, asOf: run.asOf, evaluated: run.evaluated ?? 0, estimated: run.estimated ?? null } };
    },
  }) satisfies Core.Controller;
