import type { Core } from '@strapi/strapi';
import { parseBody, parseQuery } from '@jiyue/kernel';
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
    async upsert(ctx) {
      const input = parseBody(upsertBody, ctx.request.body);
      ctx.body = { data: await getService('taxonomy').upsert(input) };
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
