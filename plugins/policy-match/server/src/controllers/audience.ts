import type { Core } from '@strapi/strapi';
import { parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { findQuery } from '../validation/audience';

export default (_: { strapi: Core.Strapi }) =>
  ({
    /** GET /policy-match/policies/:documentId/audience (admin): count, breakdown by region and a sample. */
    async find(ctx) {
      const { asOf } = parseQuery(findQuery, ctx.query);
      ctx.body = { data: await getService('audience').audience(ctx.params.documentId, { asOf }) };
    },
  }) satisfies Core.Controller;
