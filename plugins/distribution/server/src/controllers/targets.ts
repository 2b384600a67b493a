import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseBody, parseQuery, service, contentTypeOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { availableQuery, chooseBody, findQuery } from '../validation/targets';

/** The query's locale, checked against the cluster's locales (400 naming `locale`), or undefined. */
export const itemLocale = async (strapi: Core.Strapi, query: unknown): Promise<string | undefined> => {
  const { locale } = parseQuery(availableQuery, query);
  return locale ? service(strapi, 'site-group', 'locale').resolve(locale) : undefined;
};

/** The document of the path and a locale the app knows (400 naming `locale` otherwise). */
const item = async (strapi: Core.Strapi, ctx: Context, locale: string) => {
  const { uid, documentId } = ctx.params as { uid: string; documentId: string };
  if (!contentTypeOf(strapi, uid)) throw new errors.NotFoundError(`No content type "${uid}"`);
  const codes = ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code);
  if (!codes.includes(locale)) throw fieldError(['locale'], `must be one of ${codes.join(', ')}`, locale);
  const exists = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] });
  if (!exists) throw new errors.NotFoundError(`No ${uid} document "${documentId}"`);
  return { uid, documentId, locale };
};

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    /** What the owning site's editor may choose for one item, and what follows it read-only (feeds, policy libraries). */
    async available(ctx) {
      const locale = await itemLocale(strapi, ctx.query);
      ctx.body = { data: await getService('targets').available(ctx.params.uid, ctx.params.documentId, locale) };
    },

    async find(ctx) {
      const { locale } = parseQuery(findQuery, ctx.query);
      const target = await item(strapi, ctx, locale);
      const row = await getService('targets').find(target.uid, target.documentId, target.locale);
      ctx.body = { data: row ?? { ...target, placements: [], channels: [], updatedAt: null } };
    },

    async choose(ctx) {
      const body = parseBody(chooseBody, ctx.request.body);
      if (body.targets === undefined) throw fieldError(['targets'], 'targets is required (null clears the choice)');
      const target = await item(strapi, ctx, body.locale);
      const targets = await getService('targets').validate(body.targets);
      ctx.body = { data: await getService('targets').choose(target, targets, ctx.state.user?.id ?? null) };
    },
  }) satisfies Core.Controller;
