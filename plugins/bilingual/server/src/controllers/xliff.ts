import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseBody, parseQuery } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { decodeXmlBytes } from '../utils/xliff';
import { exportQuery, importBody } from '../validation/xliff';
import { optionalService } from '@jiyue/kernel';

const MAX_BYTES = 20 * 1024 * 1024;

/** Strapi's body parser reads JSON and text/*; application/xliff+xml and application/xml arrive unread. */
const readRaw = async (ctx: Context): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new errors.PayloadTooLargeError(`An XLIFF import is limited to ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  // UTF-8 or UTF-16 (by its byte order mark): a declaration hidden in UTF-16 is refused like any other.
  return decodeXmlBytes(Buffer.concat(chunks));
};

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async export(ctx) {
      const query = parseQuery(exportQuery, ctx.query);
      const xml = await getService('xliff').export(query);
      ctx.set('Content-Disposition', `attachment; filename="${query.uid.replace(/[^a-z0-9.-]+/gi, '_')}-${query.locale ?? 'bo'}.xlf"`);
      ctx.type = 'application/xliff+xml; charset=utf-8';
      ctx.body = xml;
    },

    async import(ctx) {
      let xml: string;
      if (ctx.is('application/json')) xml = parseBody(importBody, ctx.request.body).xliff;
      else if (ctx.is('text/*')) xml = typeof ctx.request.body === 'string' ? ctx.request.body : '';
      else if (ctx.is('application/xliff+xml', 'application/xml', 'application/x-xliff+xml')) xml = await readRaw(ctx);
      else throw fieldError([], 'unsupported content type: send the XLIFF as application/xliff+xml, text/xml or JSON { "xliff": "<xml>" }');
      // Filtered scope: every document in the file must belong to the caller's sites.
      const sites = (await optionalService(strapi, 'site-group', 'scope')?.visibleSites(ctx.state.user)) ?? null;
      ctx.body = { data: await getService('xliff').import(xml, sites) };
    },
  }) satisfies Core.Controller;
