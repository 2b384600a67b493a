/** Tibetan intersyllabic tsheg (U+0F0B) and its non-breaking form (U+0F0C). */
export const TSHEG = /[\u0F0B\u0F0C]/u;
/** Shad and its variants: ends of clauses and sections. */
export const SHAD = /[\u0F0D-\u0F12\u0F14]/u;
/** Letters, subjoined letters and vowel or other signs that belong to a Tibetan syllable. */
export const TIBETAN_SYLLABLE_CHAR = /[\u0F00\u0F18\u0F19\u0F35\u0F37\u0F39\u0F3E-\u0F84\u0F86-\u0FBC\u0FC6]/u;

export const isTibetanSyllableChar = (ch: string) => TIBETAN_SYLLABLE_CHAR.test(ch);
export const isSyllableEnd = (ch: string) => TSHEG.test(ch) || SHAD.test(ch);
