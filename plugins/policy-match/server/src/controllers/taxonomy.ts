import type { Core } from '@strapi/strapi';
import { answeringConflicts, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { suggestTags } from '../utils/suggest-tags';
import { listQuery, suggestBody, upsertBody } from '../validation/taxonomy';
import { fieldsQuery } from '../validation/fact';

export default (_: { strapi: Core.Strapi }) =>
  ({
    async list(ctx) {
      const { dimension } = parseQuery(listQuery, ctx.query);
      ctx.body = { data: await getService('taxonomy').list(dimension) };
    },
    /** A tag in use keeps its dimension: 409 with its uses (F). */
    async upsert(ctx) {
      const input = parseBody(upsertBody, ctx.request.body);
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('taxonomy').upsert(input) };
      });
    },
    /** GET /policy-match/tags/:code/usage (F): policies with the path of each use, stored profiles, subscriptions, child tags. */
    async usage(ctx) {
      ctx.body = { data: await getService('taxonomy').usage(ctx.params.code) };
    },
    /** DELETE /policy-match/tags/:code (F): only a tag nobody uses; 409 with the uses otherwise. */
    async remove(ctx) {
      await answeringConflicts(ctx, async () => {
        ctx.body = { data: await getService('taxonomy').remove(ctx.params.code) };
      });
    },
    /** The fact registry: what a profile may hold and what a rule may test, labelled in `?locale` (A). */
    async fields(ctx) {
      const { locale } = parseQuery(fieldsQuery, ctx.query);
      ctx.body = { data: await getService('registry').publicFields(locale) };
    },
    /** POST /policy-match/suggest-tags { text }: tags whose names or synonyms occur in the segmented text, scored. */
    async suggest(ctx) {
      const { text, limit } = parseBody(suggestBody, ctx.request.body);
      const { tags } = await getService('taxonomy').all();
      ctx.body = { data: suggestTags(text, tags, limit) };
    },
  }) satisfies Core.Controller;
