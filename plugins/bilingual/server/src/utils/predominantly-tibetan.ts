const LETTER = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;
const TIBETAN = /\p{Script=Tibetan}/u;

/**
 * The share of Tibetan among the letters of `text` that count: Latin letters (names, acronyms,
 * URLs), digits, punctuation and spaces are left out, so they never make a Tibetan text fail.
 * Returns null when nothing counts.
 */
export const tibetanShare = (text: string): number | null => {
  let tibetan = 0;
  let counted = 0;
  for (const ch of text) {
    if (!LETTER.test(ch) || LATIN.test(ch)) continue;
    counted += 1;
    if (TIBETAN.test(ch)) tibetan += 1;
  }
  return counted === 0 ? null : tibetan / counted;
};

/**
 * Whether `text` is predominantly in Tibetan script: at least `threshold` of its counted letters
 * (see tibetanShare) are Tibetan. A text with no such letters (a number, a Latin name) passes.
 * Letters are counted per code point, so a Tibetan stack (root, subjoined letters, vowel sign)
 * weighs a little more than one Han character; a Chinese proper noun inside Tibetan text passes.
 */
export const isPredominantlyTibetan = (text: string, threshold = 0.5): boolean => {
  const share = tibetanShare(text.normalize('NFC'));
  return share === null || share >= threshold;
};
