import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import { writeContext } from '../utils/write-context';

/**
 * Each save of a translation (a create or update of a non-source locale that writes a translatable
 * field) records the source hash it was made from, in the same transaction as the save. Source
 * edits write nothing: a translation is outdated when the source hash no longer matches.
 */
export const translationTracking = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();
  const params = ctx.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
  if (typeof params.locale !== 'string' || params.locale === pluginConfig('sourceLocale') || !isFollowed(ctx.uid)) return next();
  const fields = getService('source-hash').fields(ctx.uid);
  if (!params.data || !fields.some((f) => f in params.data!)) return next();

  const result: any = await next();
  const documentId = params.documentId ?? result?.documentId;
  if (documentId) await getService('translation-record').touch(ctx.uid, documentId, params.locale, { machineAssisted: Boolean(writeContext().machineAssisted) });
  return result;
};
