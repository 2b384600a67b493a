import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { analyticsQuery, suggestTermBody, suggestTermsQuery, synonymCreateBody, synonymUpdateBody } from '../validation/query';

const idParam = (ctx: any) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id < 1) {
    throw new errors.ValidationError('id must be a positive whole number', { errors: [{ path: ['id'], message: 'must be a positive whole number' }] });
  }
  return id;
};

export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  async listSynonyms(ctx: any) {
    ctx.body = { data: await getService('synonyms').list() };
  },
  async createSynonym(ctx: any) {
    const body = await synonymCreateBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('synonyms').create(body) };
  },
  async updateSynonym(ctx: any) {
    const id = idParam(ctx);
    const body = await synonymUpdateBody(ctx.request.body);
    ctx.body = { data: await getService('synonyms').update(id, body) };
  },
  async deleteSynonym(ctx: any) {
    await getService('synonyms').remove(idParam(ctx));
    ctx.body = { data: { id: ctx.params.id, deleted: true } };
  },
  async topQueries(ctx: any) {
    const { site, days, limit } = await analyticsQuery(ctx.query);
    ctx.body = { data: await getService('analytics').top({ site: site ?? null, days, limit, zeroOnly: false }), meta: { site: site ?? null, days } };
  },
  async zeroResults(ctx: any) {
    const { site, days, limit } = await analyticsQuery(ctx.query);
    ctx.body = { data: await getService('analytics').top({ site: site ?? null, days, limit, zeroOnly: true }), meta: { site: site ?? null, days } };
  },
  async listSuggestTerms(ctx: any) {
    const { locale } = await suggestTermsQuery(ctx.query);
    ctx.body = { data: await getService('suggest-terms').list({ locale }) };
  },
  async approveSuggestTerm(ctx: any) {
    const body = await suggestTermBody(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('suggest-terms').approve(body) };
  },
  async deleteSuggestTerm(ctx: any) {
    ctx.body = { data: await getService('suggest-terms').remove(idParam(ctx)) };
  },
  async indexStats(ctx: any) {
    ctx.body = { data: await getService('engine').get().stats() };
  },
  async reindex(ctx: any) {
    ctx.status = 202;
    const result = await getService('indexer').rebuild();
    ctx.status = 200;
    ctx.body = { data: result };
  },
});
