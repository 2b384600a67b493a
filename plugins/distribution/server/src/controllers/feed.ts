import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseQuery, service } from '@jiyue/kernel';
import { showQuery } from '../validation/feed';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
  /** GET /api/distribution/feeds/:site/:file where file is `<column>.xml` (RSS 2.0) or `<column>.json` (JSON Feed 1.1). */
  async show(ctx) {
    const { locale } = parseQuery(showQuery, ctx.query);
    const match = /^([a-z0-9_-]+)\.(xml|json)$/i.exec(ctx.params.file ?? '');
    if (!match) throw new errors.NotFoundError('Feeds are <column>.xml (RSS 2.0) or <column>.json (JSON Feed 1.1)');
    const resolved = locale ?? (service(strapi, 'site-group', 'locale').primary() as string);
    const format = match[2].toLowerCase() === 'xml' ? 'rss' : 'json';
    const body = await getService('feeds').build({ site: ctx.params.site, column: match[1], locale: resolved, format });
    ctx.set('cache-control', 'public, max-age=60');
    if (format === 'rss') {
      ctx.type = 'application/rss+xml; charset=utf-8';
      ctx.body = body;
    } else {
      ctx.type = 'application/feed+json; charset=utf-8';
      ctx.body = JSON.stringify(body);
    }
  },
}) satisfies Core.Controller;
