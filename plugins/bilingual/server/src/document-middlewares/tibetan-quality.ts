import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPredominantlyTibetan } from '../utils/predominantly-tibetan';
import { localizedTextFields } from '../utils/translatable-fields';
import { pluginConfig } from '../utils/plugin-config';
import { writeContext } from '../utils/write-context';
import { isLocalizedType } from '@jiyue/kernel';

/**
 * On every create or update of a Tibetan-locale version (Content Manager, REST, Document Service):
 * its localized text fields are stored NFC-normalised, and a field that is not predominantly in
 * Tibetan script is refused (400, with the field path) before anything is written.
 */
export const tibetanQuality = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();
  const params = ctx.params as { locale?: unknown; data?: Record<string, unknown> };
  if (typeof params.locale !== 'string' || !pluginConfig('tibetanLocales').includes(params.locale)) return next();
  if (!isLocalizedType(ctx.contentType) || !params.data || typeof params.data !== 'object') return next();

  const threshold = pluginConfig('tibetanThreshold');
  const problems: { path: string[]; message: string; name: string; value: string }[] = [];
  for (const field of localizedTextFields(ctx.contentType)) {
    const value = params.data[field];
    if (typeof value !== 'string') continue;
    const normalized = value.normalize('NFC');
    params.data[field] = normalized;
    if (!writeContext().machineAssisted && !isPredominantlyTibetan(normalized, threshold)) {
      problems.push({
        path: [field],
        message: `must be predominantly in Tibetan script (at least ${Math.round(threshold * 100)}% of its letters; Latin, digits and punctuation are not counted)`,
        name: 'ValidationError',
        value: normalized.slice(0, 80),
      });
    }
  }
  if (problems.length) {
    throw new errors.ValidationError(
      `The ${params.locale} version is not in Tibetan script: ${problems.map((p) => p.path.join('.')).join(', ')}`,
      { errors: problems }
    );
  }
  return next();
};
