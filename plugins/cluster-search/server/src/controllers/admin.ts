import type { Core } from '@strapi/strapi';
import { parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { analyticsQuery, approveSuggestTermBody, createSynonymBody, idParams, listSuggestTermsQuery, updateSynonymBody } from '../validation/admin';

const idParam = (id: unknown) => parseQuery(idParams, { id }).id;

export default (_: { strapi: Core.Strapi }) =>
  ({
    async listSynonyms(ctx) {
      ctx.body = { data: await getService('synonyms').list() };
    },
    async createSynonym(ctx) {
      const body = parseBody(createSynonymBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('synonyms').create(body) };
    },
    async updateSynonym(ctx) {
      const id = idParam(ctx.params.id);
      const body = parseBody(updateSynonymBody, ctx.request.body);
      ctx.body = { data: await getService('synonyms').update(id, body) };
    },
    async deleteSynonym(ctx) {
      await getService('synonyms').remove(idParam(ctx.params.id));
      ctx.body = { data: { id: ctx.params.id, deleted: true } };
    },
    async topQueries(ctx) {
      const { site, days, limit } = parseQuery(analyticsQuery, ctx.query);
      ctx.body = { data: await getService('analytics').top({ site: site ?? null, days, limit, zeroOnly: false }), meta: { site: site ?? null, days } };
    },
    async zeroResults(ctx) {
      const { site, days, limit } = parseQuery(analyticsQuery, ctx.query);
      ctx.body = { data: await getService('analytics').top({ site: site ?? null, days, limit, zeroOnly: true }), meta: { site: site ?? null, days } };
    },
    async listSuggestTerms(ctx) {
      const { locale } = parseQuery(listSuggestTermsQuery, ctx.query);
      ctx.body = { data: await getService('suggest-terms').list({ locale }) };
    },
    async approveSuggestTerm(ctx) {
      const body = parseBody(approveSuggestTermBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await getService('suggest-terms').approve(body) };
    },
    async deleteSuggestTerm(ctx) {
      ctx.body = { data: await getService('suggest-terms').remove(idParam(ctx.params.id)) };
    },
    async indexStats(ctx) {
      ctx.body = { data: await getService('engine').get().stats() };
    },
    async reindex(ctx) {
      ctx.status = 202;
      const result = await getService('indexer').rebuild();
      ctx.status = 200;
      ctx.body = { data: result };
    },
  }) satisfies Core.Controller;
