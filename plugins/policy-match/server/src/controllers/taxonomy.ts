import type { Context } from 'koa';
import { yup, validateYupSchema } from '@strapi/utils';
import { FIELDS, OPS_BY_TYPE } from '../utils/fields';
import { getService } from '../utils/get-service';
import { validateSuggestBody, validateTagBody } from '../validation/eligibility';
import { suggestTags } from '../utils/suggest-tags';

const validateListQuery = validateYupSchema(
  yup.object({ dimension: yup.string().oneOf(['audience', 'identity', 'industry', 'enterprise-size', 'region', 'life-event', 'enterprise-stage', 'theme']) }).noUnknown(),
  { strict: false }
);

export default {
  async list(ctx: Context) {
    const { dimension } = await validateListQuery(ctx.query);
    ctx.body = { data: await getService('taxonomy').list(dimension) };
  },
  async upsert(ctx: Context) {
    const input = await validateTagBody(ctx.request.body);
    ctx.body = { data: await getService('taxonomy').upsert(input as any) };
  },
  /** The profile field registry: what a profile may hold and what a rule may test. */
  async fields(ctx: Context) {
    ctx.body = {
      data: FIELDS.map(({ column, ...f }) => ({ ...f, ops: OPS_BY_TYPE[f.type] })),
    };
  },
  /** POST /policy-match/suggest-tags { text }: tags whose names or synonyms occur in the segmented text, scored. */
  async suggest(ctx: Context) {
    const { text, limit } = await validateSuggestBody(ctx.request.body);
    const { tags } = await getService('taxonomy').all();
    ctx.body = { data: suggestTags(text as string, tags, limit as number) };
  },
};
