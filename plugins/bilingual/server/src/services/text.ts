import type { Core } from '@strapi/strapi';
import { normalize } from '../utils/normalize';
import { isPredominantlyTibetan, tibetanShare } from '../utils/predominantly-tibetan';
import { truncate, type TruncateOptions } from '../utils/truncate';
import { tibetanDigitsToArabic } from '../utils/tibetan-digits';

/**
 * Text helpers for Chinese and Tibetan, for every plugin:
 * `strapi.plugin('bilingual').service('text').truncate(text, maxChars)`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  normalize,
  tibetanShare,
  /** `threshold` defaults to the plugin's `tibetanThreshold`. */
  isPredominantlyTibetan(text: string, threshold?: number) {
    return isPredominantlyTibetan(text, threshold ?? (strapi.plugin('bilingual').config('tibetanThreshold') as number));
  },
  truncate(text: string, maxChars: number, options?: TruncateOptions) {
    return truncate(text, maxChars, options);
  },
  tibetanDigitsToArabic,
});
