import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateItemQuery } from '../validation';

/** The query's locale, checked against the cluster's locales (400 naming `locale`), or undefined. */
export const itemLocale = async (strapi: Core.Strapi, query: unknown): Promise<string | undefined> => {
  const { locale } = await validateItemQuery(query);
  return locale ? strapi.plugin('site-group').service('locale').resolve(locale) : undefined;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the owning site's editor may choose for one item, and what follows it read-only (feeds, policy libraries). */
  async available(ctx) {
    const locale = await itemLocale(strapi, ctx.query);
    ctx.body = { data: await getService('targets').available(ctx.params.uid, ctx.params.documentId, locale) };
  },
});
