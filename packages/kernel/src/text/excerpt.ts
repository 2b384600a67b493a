import { isCleanCut } from './script';

/**
 * The bounds of a display excerpt around [start, end): about `radius` UTF-16 units either side,
 * moved inwards so that a cut never falls inside a surrogate pair (𠮷), before a combining mark,
 * or inside a Tibetan syllable (there it lands next to a tsheg U+0F0B, a shad U+0F0D… or
 * whitespace). An excerpt never opens with the tsheg that ends the previous syllable.
 */
export const excerptBounds = (text: string, start: number, end: number, radius = 20): [number, number] => {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  while (from < start && !isCleanCut(text, from)) from += 1;
  while (to > end && !isCleanCut(text, to)) to -= 1;
  if (from < start && text.charCodeAt(from) === 0x0f0b) from += 1;
  return [from, to];
};

/** Line breaks and tabs shown as spaces (same length), for one-line display. */
export const oneLine = (text: string) => text.replace(/[\r\n\t]/g, ' ');

/** The excerpt itself (see excerptBounds), on one line. */
export const excerptAround = (text: string, start: number, end: number, radius = 20): string => {
  const [from, to] = excerptBounds(text, start, end, radius);
  return oneLine(text.slice(from, to));
};

/**
 * Before/after excerpts of one match for a replacement preview: the excerpt with the match, and
 * the same excerpt with `replacement` in its place; `…` marks where the text goes on; runs of line
 * breaks and tabs become one space.
 */
export const excerptPair = (text: string, start: number, end: number, replacement: string, radius: number): { before: string; after: string } => {
  const [from, to] = excerptBounds(text, start, end, radius);
  const squeeze = (s: string) => s.replace(/[\r\n\t]+/g, ' ');
  const head = `${from > 0 ? '…' : ''}${squeeze(text.slice(from, start))}`;
  const tail = `${squeeze(text.slice(end, to))}${to < text.length ? '…' : ''}`;
  return { before: `${head}${text.slice(start, end)}${tail}`, after: `${head}${replacement}${tail}` };
};
