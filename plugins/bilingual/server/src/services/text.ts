import { nfc, tibetanDigitsToAscii, truncate, type TruncateOptions } from '@jiyue/kernel';
import type { Core } from '@strapi/strapi';
import { isPredominantlyTibetan, tibetanShare } from '../utils/predominantly-tibetan';

/**
 * Text helpers for Chinese and Tibetan, for every plugin:
 * `strapi.plugin('bilingual').service('text').truncate(text, maxChars)`. Normalising, truncating and
 * digit folding are the kernel's (`@jiyue/kernel` text module); a plugin may import them from there.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  normalize: nfc,
  tibetanShare,
  /** `threshold` defaults to the plugin's `tibetanThreshold`. */
  isPredominantlyTibetan(text: string, threshold?: number) {
    return isPredominantlyTibetan(text, threshold ?? (strapi.plugin('bilingual').config('tibetanThreshold') as number));
  },
  truncate(text: string, maxChars: number, options?: TruncateOptions) {
    return truncate(text, maxChars, options);
  },
  tibetanDigitsToArabic: tibetanDigitsToAscii,
});
