import { isSyllableEnd, isTibetanSyllableChar } from './script';

export interface TruncateOptions {
  /** Appended when the text is cut (default "…"). Counts towards maxChars. */
  ellipsis?: string;
  /**
   * What `maxChars` counts: UTF-16 code units (default; `result.length <= maxChars` whatever the
   * caller measures) or user-perceived characters, grapheme clusters (what Weibo and WeChat count).
   */
  count?: 'utf16' | 'graphemes';
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters after which a new grapheme cluster always starts, unless a combining character follows. */
const SAFE_BEFORE = /[\s\u0F0B\u0F0D\u3002\uFF0C\u3001,.;:!?\p{Script=Han}]/u;
/** Characters that join the cluster before them (marks, joiners, variation selectors, emoji modifiers start with a surrogate). */
const JOINS_PREVIOUS = /[\p{M}\u200C\u200D\uFE00-\uFE0F\uD800-\uDFFF]/u;
/** How far beyond the budget and before it the segmenter looks; both only bound the work done. */
const LOOKAHEAD = 8;
const WINDOW = 24;

const lastCodePoint = (cluster: string) => [...cluster].at(-1) ?? '';

/** A text may end after this cluster unless the cluster ends inside a Tibetan syllable. */
const endsCleanly = (cluster: string) => {
  const last = lastCodePoint(cluster);
  return !isTibetanSyllableChar(last) || isSyllableEnd(last);
};

/**
 * The furthest grapheme boundary in [from, budget] of `source` where the text, without trailing
 * spaces, does not end inside a Tibetan syllable; `from` when there is none. `from` must itself be
 * a boundary.
 */
const bestCut = (source: string, from: number, budget: number): number => {
  let best = from;
  let lastVisibleClean = true;
  for (const { segment, index } of graphemes.segment(source.slice(from, budget + LOOKAHEAD))) {
    const end = from + index + segment.length;
    if (end > budget) break;
    if (!/^\s+$/u.test(segment)) lastVisibleClean = endsCleanly(segment);
    if (lastVisibleClean) best = end;
  }
  return best;
};

/** A position shortly before `budget` that is certainly a cluster boundary, or 0. */
const safeStart = (source: string, budget: number): number => {
  for (let i = Math.max(1, budget - WINDOW); i < budget; i += 1) {
    // CR LF is one cluster.
    if (SAFE_BEFORE.test(source[i - 1]) && source[i - 1] !== '\r' && !JOINS_PREVIOUS.test(source[i])) return i;
  }
  return 0;
};

/** The cut at or before `budget` UTF-16 units: clean of Tibetan syllables and clusters, trailing spaces dropped. */
const cutAt = (source: string, budget: number): string => {
  // Segmenting is the cost (about 1 µs a cluster): look only at a window before the budget that
  // starts on a certain boundary, and at the whole prefix when that window holds no clean cut.
  const start = safeStart(source, budget);
  let best = start > 0 ? bestCut(source, start, budget) : 0;
  if (best === start) best = bestCut(source, 0, budget);
  return source.slice(0, best).replace(/\s+$/u, '');
};

/** The UTF-16 offset after the first `n` grapheme clusters of `source`, or null when it has no more than `n`. */
const graphemeOffset = (source: string, n: number): number | null => {
  let seen = 0;
  for (const { index } of graphemes.segment(source)) {
    if (seen === n) return index;
    seen += 1;
  }
  return null;
};

/**
 * Cuts `text` (NFC) to at most `maxChars` (UTF-16 code units by default, or grapheme clusters),
 * ellipsis included.
 * - Cuts only between grapheme clusters: never inside a surrogate pair, an emoji sequence, or a
 *   Tibetan stack (root letter, subjoined letters and vowel signs form one cluster, e.g. བསྒྲུབས).
 * - Where the kept text would end in Tibetan, it backs off to just after a tsheg (་) or a shad (།),
 *   so no syllable is cut.
 * - Trailing spaces before the ellipsis are dropped.
 * A text that fits is returned whole (normalised). If no clean cut exists, only the ellipsis is left.
 */
export const truncate = (text: string, maxChars: number, { ellipsis = '…', count = 'utf16' }: TruncateOptions = {}): string => {
  const source = (text ?? '').normalize('NFC');
  if (!Number.isFinite(maxChars) || maxChars < 0) throw new TypeError('truncate: maxChars must be a number ≥ 0');
  if (count === 'graphemes') {
    if (graphemeOffset(source, maxChars) === null) return source;
    const markLength = [...graphemes.segment(ellipsis)].length;
    const mark = markLength <= maxChars ? ellipsis : '';
    const budget = graphemeOffset(source, maxChars - (mark ? markLength : 0)) ?? source.length;
    return cutAt(source, budget) + mark;
  }
  if (source.length <= maxChars) return source;
  const mark = ellipsis.length <= maxChars ? ellipsis : '';
  return cutAt(source, maxChars - mark.length) + mark;
};
