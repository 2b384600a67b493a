import type { Core } from '@strapi/strapi';
import { answeringConflicts, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { codeParams, upsertBody } from '../validation/fact';

/** The fact registry's admin routes (`/policy-match/facts…`). */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async list(ctx) {
      ctx.body = { data: await getService('registry').list() };
    },
    /** PUT /policy-match/facts: create or update by code; 400 with paths, 409 with the rules that use it. */
    async upsert(ctx) {
      const input = parseBody(upsertBody, ctx.request.body);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('registry').upsert(input) };
      });
    },
    async remove(ctx) {
      const { code } = parseQuery(codeParams, ctx.params);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('registry').remove(code) };
      });
    },
    async usage(ctx) {
      const { code } = parseQuery(codeParams, ctx.params);
      ctx.body = { data: await getService('registry').usage(code) };
    },
  }) satisfies Core.Controller;
