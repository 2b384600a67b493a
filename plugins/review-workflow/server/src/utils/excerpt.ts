/**
 * The bounds of a display excerpt around [start, end): about `radius` UTF-16 units either side,
 * moved inwards so that a cut never falls inside a surrogate pair (𠮷), before a combining mark,
 * or inside a Tibetan syllable (there it lands next to a tsheg U+0F0B, a shad U+0F0D… or
 * whitespace).
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Tibetan letters, subjoined letters, vowel signs and marks: the parts of a syllable. */
const isTibetanSyllablePart = (c: number) =>
  (c >= 0x0f40 && c <= 0x0fbc) || c === 0x0f18 || c === 0x0f19 || c === 0x0f35 || c === 0x0f37 || c === 0x0f39 || c === 0x0f3e || c === 0x0f3f || c === 0x0fc6;

const isCombining = (c: number) => (c >= 0x0300 && c <= 0x036f) || (c >= 0x0f71 && c <= 0x0f84) || (c >= 0x0f8d && c <= 0x0fbc);

/** A cut between text[p-1] and text[p] is clean when it splits nothing that belongs together. */
const isCleanCut = (text: string, p: number): boolean => {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  if (isHigh(before) && isLow(after)) return false;
  if (isCombining(after)) return false;
  if (isTibetanSyllablePart(before) && isTibetanSyllablePart(after)) return false;
  return true;
};

export const excerptBounds = (text: string, start: number, end: number, radius = 20): [number, number] => {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  while (from < start && !isCleanCut(text, from)) from += 1;
  while (to > end && !isCleanCut(text, to)) to -= 1;
  // Do not open an excerpt with the tsheg that ends the previous syllable.
  if (from < start && text.charCodeAt(from) === 0x0f0b) from += 1;
  return [from, to];
};

/** The excerpt itself, with line breaks and tabs shown as spaces (same length) for one-line display. */
export const excerptAround = (text: string, start: number, end: number, radius = 20): string => {
  const [from, to] = excerptBounds(text, start, end, radius);
  return text.slice(from, to).replace(/[\r\n\t]/g, ' ');
};
