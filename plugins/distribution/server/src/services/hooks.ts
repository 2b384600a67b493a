import type { DistributionHooksService, TextTruncator } from '@jiyue/kernel';

/**
 * Registration points for the plugins above distribution (kernel contract `DistributionHooksService`).
 * The text truncator cuts channel texts (Weibo posts, summaries): bilingual registers its Tibetan
 * syllable-safe one; without it the rendering service cuts at grapheme boundaries.
 */
export default (): DistributionHooksService => {
  let truncator: TextTruncator | null = null;
  return {
    setTextTruncator(next) {
      if (truncator) throw new Error('A text truncator is already registered with distribution');
      truncator = next;
    },
    textTruncator: () => truncator,
  };
};
