/**
 * The one character model of the suite: what belongs to a Tibetan syllable, where a syllable ends
 * (tsheg, shad), what is a Han ideograph (all extensions) or CJK punctuation, and which UTF-16 units
 * must never be separated (surrogate pairs, combining marks). Isomorphic: no Node-only import.
 *
 * Functions taking `c: number` read one UTF-16 code unit or code point (`charCodeAt`/`codePointAt`);
 * functions taking `ch: string` read one character.
 */

/** Tibetan intersyllabic tsheg (U+0F0B) and its non-breaking form (U+0F0C). */
export const TSHEG = '\u0F0B';
export const isTsheg = (c: number) => c === 0x0f0b || c === 0x0f0c;

/** Shad and its variants (U+0F0D–U+0F12, U+0F14): ends of clauses and sections. */
export const SHAD = '\u0F0D';
export const isShad = (c: number) => (c >= 0x0f0d && c <= 0x0f12) || c === 0x0f14;

/**
 * Letters, subjoined letters and vowel or other signs that belong to a Tibetan syllable:
 * ༀ (U+0F00, a syllable of its own), the marks that attach to a letter (U+0F18–19, U+0F35, U+0F37,
 * U+0F39, U+0F3E–3F, U+0FC6), letters U+0F40–U+0F6C, vowel signs and marks U+0F71–U+0F84, signs
 * U+0F86–U+0F8C and subjoined letters U+0F8D–U+0FBC. Not: tsheg, shad, digits, other punctuation.
 */
export const isTibetanSyllablePart = (c: number): boolean =>
  (c >= 0x0f3e && c <= 0x0f84) || (c >= 0x0f86 && c <= 0x0fbc) || c === 0x0f00 || c === 0x0f18 || c === 0x0f19 || c === 0x0f35 || c === 0x0f37 || c === 0x0f39 || c === 0x0fc6;

/** Whether the character `ch` (first code point) belongs to a Tibetan syllable. */
export const isTibetanSyllableChar = (ch: string): boolean => ch !== '' && isTibetanSyllablePart(ch.codePointAt(0)!);

/** Whether the character `ch` ends a Tibetan syllable (a tsheg or a shad). */
export const isSyllableEnd = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? -1;
  return isTsheg(c) || isShad(c);
};

/** Anything in the Tibetan block U+0F00–U+0FFF (letters, digits, punctuation, symbols). */
export const isTibetanBlock = (c: number) => c >= 0x0f00 && c <= 0x0fff;
/** Whether `text` holds any Tibetan script. */
export const hasTibetan = (text: string) => /[\u0F00-\u0FFF]/u.test(text);

/**
 * Han ideographs by code point: CJK Unified Ideographs and Extension A, Compatibility Ideographs,
 * and the supplementary planes' Extensions B–H and compatibility supplement (U+20000–U+3134F).
 */
export const isHanCodePoint = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x323af);
/** Whether `ch` is of Han script (Unicode Script=Han: ideographs of every extension, 〇, 々, radicals). */
export const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

/**
 * CJK punctuation: the CJK Symbols and Punctuation block (。、「」《》…), full-width forms of ASCII
 * punctuation (，！？：；（）) and the vertical / small form variants.
 */
export const isCjkPunctuation = (c: number): boolean =>
  (c >= 0x3000 && c <= 0x303f && !(c >= 0x3005 && c <= 0x3007) && !(c >= 0x3021 && c <= 0x3029)) ||
  (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) ||
  (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xfe50 && c <= 0xfe6b);

export const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Whether `text` holds a high surrogate without its low half or a low one without its high half. */
export const hasLoneSurrogate = (text: string) => {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text);
};
/** `text` without lone surrogates (pairs are kept). */
export const dropLoneSurrogates = (text: string) => text.replace(LONE_SURROGATE, '');

/**
 * A code unit that attaches to the one before it: Latin combining diacritics (and their
 * extensions), the Tibetan vowel signs, marks and subjoined letters, zero-width joiners and
 * variation selectors. A cut must never fall just before one of these.
 */
export const isCombining = (c: number): boolean =>
  (c >= 0x0300 && c <= 0x036f) || (c >= 0x0f71 && c <= 0x0f84) || (c >= 0x0f86 && c <= 0x0f87) || (c >= 0x0f8d && c <= 0x0fbc) ||
  c === 0x0f18 || c === 0x0f19 || c === 0x0f35 || c === 0x0f37 || c === 0x0f39 || c === 0x0f3e || c === 0x0f3f || c === 0x0fc6 ||
  (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f) ||
  c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f);

/**
 * Whether a cut between `text[p - 1]` and `text[p]` splits nothing that belongs together: not a
 * surrogate pair, not a letter and its combining mark, not two parts of one Tibetan syllable.
 */
export const isCleanCut = (text: string, p: number): boolean => {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  if (isHighSurrogate(before) && isLowSurrogate(after)) return false;
  if (isCombining(after)) return false;
  return !(isTibetanSyllablePart(before) && isTibetanSyllablePart(after));
};

/** A Tibetan letter, vowel sign or subjoined letter (U+0F40–U+0FBC): what makes a piece of text a syllable. */
export const TIBETAN_LETTER = /[\u0F40-\u0FBC]/u;
/** Spaces and Tibetan punctuation between syllables: tsheg, shad, head marks, gter tsheg, brackets. */
export const TIBETAN_SYLLABLE_SEPARATORS = /[\s\u0F04-\u0F14\u0F34\u0F3A-\u0F3D]+/u;
