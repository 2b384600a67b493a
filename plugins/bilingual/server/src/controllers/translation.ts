import type { Core } from '@strapi/strapi';
import { parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { readQuery, saveBody } from '../validation/translation';

/** The Language panel's side-by-side view: the source and target drafts of one document, and the save of the target. */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async read(ctx) {
      const { locale } = parseQuery(readQuery, ctx.query);
      ctx.body = { data: await getService('translation').read(ctx.params.uid, ctx.params.documentId, locale) };
    },

    async save(ctx) {
      const body = parseBody(saveBody, ctx.request.body);
      ctx.body = { data: await getService('translation').save(ctx.params.uid, ctx.params.documentId, body) };
    },
  }) satisfies Core.Controller;
