/**
 * Before/after excerpts of one match for the preview: about `radius` UTF-16 units of context either
 * side, never cutting a surrogate pair (𠮷), a combining mark or a Tibetan syllable, shown on one line.
 */
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isTibetanSyllablePart = (c: number) => (c >= 0x0f40 && c <= 0x0fbc) || c === 0x0f35 || c === 0x0f37 || c === 0x0f39;
const isCombining = (c: number) => (c >= 0x0300 && c <= 0x036f) || (c >= 0x0f71 && c <= 0x0f84) || (c >= 0x0f8d && c <= 0x0fbc);

const isCleanCut = (text: string, p: number): boolean => {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  if (isHigh(before) && isLow(after)) return false;
  if (isCombining(after)) return false;
  return !(isTibetanSyllablePart(before) && isTibetanSyllablePart(after));
};

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ');

export const excerptPair = (text: string, start: number, end: number, replacement: string, radius: number): { before: string; after: string } => {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  while (from < start && !isCleanCut(text, from)) from += 1;
  while (to > end && !isCleanCut(text, to)) to -= 1;
  // Do not open an excerpt with the tsheg that ends the previous syllable.
  if (from < start && text.charCodeAt(from) === 0x0f0b) from += 1;
  const head = `${from > 0 ? '…' : ''}${oneLine(text.slice(from, start))}`;
  const tail = `${oneLine(text.slice(end, to))}${to < text.length ? '…' : ''}`;
  return { before: `${head}${text.slice(start, end)}${tail}`, after: `${head}${replacement}${tail}` };
};
