import type { Context } from 'koa';
import { yup, validateYupSchema } from '@strapi/utils';
import { isIsoDate } from '../utils/dates';
import { getService } from '../utils/get-service';

const validateQuery = validateYupSchema(
  yup.object({ asOf: yup.string().test('date', 'must be a date YYYY-MM-DD', (v) => v == null || isIsoDate(v)) }).noUnknown(),
  { strict: false }
);

export default {
  /** GET /policy-match/policies/:documentId/audience (admin): count, breakdown by region and a sample. */
  async find(ctx: Context) {
    const { asOf } = (await validateQuery(ctx.query)) as { asOf?: string };
    ctx.body = { data: await getService('audience').audience(ctx.params.documentId, { asOf }) };
  },
};
