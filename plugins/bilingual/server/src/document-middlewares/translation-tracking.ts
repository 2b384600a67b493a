import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import { writeContext } from '../utils/write-context';

/**
 * Each save of a translation (a create or update of a non-source locale that writes a translatable
 * field) records the source hash it was made from, in the same transaction as the save. Source
 * edits write nothing: a translation is outdated when the source hash no longer matches.
 *
 * A save that leaves the translated text as it was (the Content Manager saves the whole entry
 * before publishing it) confirms nothing: an outdated translation stays outdated until its text is
 * changed, or a translator delivers it against the current source (XLIFF import).
 */
export const translationTracking = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();
  const params = ctx.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
  const locale = params.locale;
  if (typeof locale !== 'string' || locale === pluginConfig('sourceLocale') || !isFollowed(ctx.uid)) return next();
  const hashes = getService('source-hash');
  const fields = hashes.fields(ctx.uid);
  if (!params.data || !fields.some((f) => f in params.data!)) return next();

  const translationHash = async (documentId: string | undefined) => {
    if (!documentId) return null;
    const row = await strapi.db.query(ctx.uid).findOne({ where: { documentId, locale, publishedAt: { $null: true } }, select: fields });
    return row ? hashes.hashOf(ctx.uid, row) : null;
  };
  const before = await translationHash(params.documentId);
  const result = await next();
  const documentId = params.documentId ?? (result as { documentId?: string } | null | undefined)?.documentId;
  if (!documentId) return result;

  const context = writeContext();
  const records = getService('translation-record');
  const changed = before === null || before !== (await translationHash(documentId));
  if (changed || context.confirmTranslation || !(await records.find(ctx.uid, documentId, locale))) {
    await records.touch(ctx.uid, documentId, locale, { machineAssisted: Boolean(context.machineAssisted) });
  }
  return result;
};
