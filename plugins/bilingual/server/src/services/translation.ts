import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, fieldErrors, fieldProblem, throwFieldErrors, type TranslationField, type TranslationView, attributesOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import { withWriteContext } from '../utils/write-context';



/**
 * One translation of one document side by side with its source (the Language panel's side-by-side
 * view): the translatable fields of the source draft and of the target draft, and the save of the
 * target draft. The save goes through the Document Service, so the same Tibetan checks (NFC, script
 * check naming the field) and the translation record apply as on every other path.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const targetLocale = async (locale: string | undefined) => {
    const source = pluginConfig('sourceLocale');
    const target = locale ?? pluginConfig('tibetanLocales')[0];
    if (target === source) throw fieldError(['locale'], `must not be the source locale ${source}`, target);
    const known = await getService('translation-status').targetLocales();
    if (!known.includes(target)) throw fieldError(['locale'], `must be one of ${known.join(', ')}`, target);
    return target;
  };

  const fieldsOf = (uid: string): TranslationField[] => {
    const attributes = attributesOf(strapi, uid);
    return getService('source-hash')
      .fields(uid)
      .map((name) => ({ name, type: attributes[name]?.type ?? 'string' }));
  };

  const draftRow = async (uid: string, documentId: string, locale: string, names: string[]) =>
    (await strapi.db.query(uid as UID.ContentType).findOne({
      where: { documentId, locale, publishedAt: { $null: true } },
      select: ['documentId', ...names],
    })) as Record<string, unknown> | null;

  const pick = (row: Record<string, unknown>, names: string[]) =>
    Object.fromEntries(names.map((name) => [name, typeof row[name] === 'string' ? (row[name] as string) : null]));

  return {
    async read(uid: string, documentId: string, locale?: string): Promise<TranslationView> {
      if (!isFollowed(uid)) throw new errors.NotFoundError(`No localized content type "${uid}"`);
      const target = await targetLocale(locale);
      const sourceLocale = pluginConfig('sourceLocale');
      const fields = fieldsOf(uid);
      const names = fields.map((f) => f.name);
      const source = await draftRow(uid, documentId, sourceLocale, names);
      if (!source) throw new errors.NotFoundError(`No ${sourceLocale} version of ${uid} ${documentId}`);
      const translated = await draftRow(uid, documentId, target, names);
      return { uid, documentId, sourceLocale, locale: target, fields, source: pick(source, names), target: translated ? pick(translated, names) : null };
    },

    /**
     * Saves the given translatable fields of the `locale` draft (created when missing). Only the
     * fields sent are written; an unknown or untranslatable field is a 400 naming it. Saved beside
     * the source, it is recorded as a person's translation of the current source text.
     */
    async save(uid: string, documentId: string, { locale, data }: { locale?: string; data: Record<string, string> }) {
      if (!isFollowed(uid)) throw new errors.NotFoundError(`No localized content type "${uid}"`);
      const target = await targetLocale(locale);
      const sourceLocale = pluginConfig('sourceLocale');
      const names = fieldsOf(uid).map((f) => f.name);
      throwFieldErrors(
        Object.keys(data)
          .filter((name) => !names.includes(name))
          .map((name) => fieldProblem(['data', name], `is not a translatable field of ${uid} (one of ${names.join(', ')})`))
      );
      if (!Object.keys(data).length) throw fieldError(['data'], 'name at least one field to save');
      if (!(await draftRow(uid, documentId, sourceLocale, []))) throw new errors.NotFoundError(`No ${sourceLocale} version of ${uid} ${documentId}`);
      try {
        await withWriteContext({ confirmTranslation: true }, () =>
          strapi.db.transaction(() =>
            // any: the Document Service's update params are typed per content type; uid is only known at runtime
            strapi.documents(uid as UID.ContentType).update({ documentId, locale: target, data: { ...data } } as any)
          )
        );
      } catch (error) {
        // The Tibetan script check names the field as `summary`: in this body it is `data.summary`.
        if (error instanceof errors.ValidationError) {
          const details = (error.details ?? {}) as { errors?: { path: string[]; message: string; value?: unknown }[] };
          if (details.errors?.length) throw fieldErrors(details.errors.map((e) => ({ path: ['data', ...e.path], message: e.message, value: e.value })));
        }
        throw error;
      }
      return this.read(uid, documentId, target);
    },
  };
};
