import { isSyllableEnd, isTibetanSyllableChar } from './tibetan-script';

export interface TruncateOptions {
  /** Appended when the text is cut (default "…"). Counts towards maxChars. */
  ellipsis?: string;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const lastCodePoint = (cluster: string) => [...cluster].at(-1) ?? '';

/** A text may end after this cluster unless the cluster ends inside a Tibetan syllable. */
const endsCleanly = (cluster: string) => {
  const last = lastCodePoint(cluster);
  return !isTibetanSyllableChar(last) || isSyllableEnd(last);
};

/**
 * Cuts `text` (NFC) to at most `maxChars` UTF-16 code units, ellipsis included, so the result
 * always satisfies `result.length <= maxChars` whatever the caller counts.
 * - Cuts only between grapheme clusters: never inside a surrogate pair, an emoji sequence, or a
 *   Tibetan stack (root letter, subjoined letters and vowel signs form one cluster).
 * - Where the kept text would end in Tibetan, it backs off to just after a tsheg (་) or a shad (།),
 *   so no syllable is cut.
 * - Trailing spaces before the ellipsis are dropped.
 * A text that fits is returned whole (normalised). If no clean cut exists, only the ellipsis is left.
 */
export const truncate = (text: string, maxChars: number, { ellipsis = '…' }: TruncateOptions = {}): string => {
  const source = (text ?? '').normalize('NFC');
  if (!Number.isFinite(maxChars) || maxChars < 0) throw new TypeError('truncate: maxChars must be a number ≥ 0');
  if (source.length <= maxChars) return source;
  const mark = ellipsis.length <= maxChars ? ellipsis : '';
  const budget = maxChars - mark.length;

  // The furthest grapheme boundary within the budget where the text, without trailing spaces,
  // does not end inside a Tibetan syllable.
  let best = 0;
  let lastVisibleClean = true;
  for (const { segment, index } of graphemes.segment(source)) {
    const end = index + segment.length;
    if (end > budget) break;
    if (!/^\s+$/u.test(segment)) lastVisibleClean = endsCleanly(segment);
    if (lastVisibleClean) best = end;
  }
  return source.slice(0, best).replace(/\s+$/u, '') + mark;
};
