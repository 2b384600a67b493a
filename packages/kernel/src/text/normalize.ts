/**
 * Unicode normalisation. Stored text is NFC: Tibetan typed on different keyboards (decomposed vowel
 * signs, stacks) is stored one way. Search folds further (NFKC, Tibetan digits, case) so documents
 * and queries meet in one form.
 */

/** NFC of a string; anything else is returned as it is. */
export function nfc(text: string): string;
export function nfc<T>(text: T): T;
export function nfc(text: unknown): unknown {
  return typeof text === 'string' ? text.normalize('NFC') : text;
}

const TIBETAN_DIGIT_ZERO = 0x0f20;

/** Tibetan digits ༠–༩ (U+0F20–U+0F29) as ASCII 0–9 (same length), so numbers written either way parse and match alike. */
export const tibetanDigitsToAscii = (text: string): string =>
  text.replace(/[\u0F20-\u0F29]/g, (d) => String(d.charCodeAt(0) - TIBETAN_DIGIT_ZERO));

/**
 * The search form of a text, for documents and queries alike: NFKC folds full-width letters, digits
 * and punctuation to half-width (ＡＢＣ１２３ → abc123) and composes Tibetan; Tibetan digits ༠–༩ become
 * 0–9 so a year typed either way matches; lower case for Latin.
 */
export const foldForSearch = (text: string): string =>
  tibetanDigitsToAscii(text.normalize('NFKC')).toLowerCase();
