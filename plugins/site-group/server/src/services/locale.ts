import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Locales come from Strapi's built-in i18n plugin, so the cluster has one list of languages. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  primary(): string {
    return strapi.plugin('site-group').config('primaryLocale') as string;
  },

  async codes(): Promise<string[]> {
    const locales = await strapi.plugin('i18n').service('locales').find();
    return locales.map((l: { code: string }) => l.code);
  },

  /** The requested locale, or the primary one; an unknown locale is a 400 naming the known ones. */
  async resolve(locale?: string): Promise<string> {
    if (!locale) return this.primary();
    const codes = await this.codes();
    if (!codes.includes(locale)) {
      throw new errors.ValidationError(`Unknown locale "${locale}"; this cluster has: ${codes.join(', ')}`, {
        errors: [{ path: ['locale'], message: `must be one of ${codes.join(', ')}`, name: 'ValidationError', value: locale }],
      });
    }
    return locale;
  },
});
