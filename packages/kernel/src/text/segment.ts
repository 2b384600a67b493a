import { foldForSearch } from './normalize';
import { isHanCodePoint, isTibetanBlock, isTsheg, TIBETAN_LETTER, TIBETAN_SYLLABLE_SEPARATORS } from './script';

/** Scripts the segmenter treats differently: Han (dictionary words), Tibetan (syllables), anything else (letters and digits). */
const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|[\u0f00-\u0fff]+|(?:(?![\p{Script=Han}\u0f00-\u0fff])[\p{L}\p{N}])+/gu;

let zhSegmenter: Intl.Segmenter | null = null;
/** The one Chinese word segmenter (ICU's dictionary, through Intl.Segmenter): built once, on first use. */
const zh = () => (zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/**
 * The dictionary words of `text` (NFC, not folded), in order: Chinese words as ICU's dictionary cuts
 * them (吉林省|人民政府|办公|厅), Tibetan syllables, Latin words and numbers; no spaces or punctuation.
 */
export const chineseWords = (text: string): string[] => {
  const out: string[] = [];
  for (const s of zh().segment(text.normalize('NFC'))) if (s.isWordLike) out.push(s.segment);
  return out;
};

/** The syllables of a Tibetan text (NFC), without tsheg, shad or spaces: བཀྲ་ཤིས་བདེ་ལེགས། → བཀྲ, ཤིས, བདེ, ལེགས. */
export const tibetanSyllables = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(TIBETAN_SYLLABLE_SEPARATORS)
    .filter((x) => x && TIBETAN_LETTER.test(x));

export type RunKind = 'han' | 'tibetan' | 'other';
export interface Run {
  kind: RunKind;
  /** The run as normalised text (what a phrase search and a snippet look for). */
  text: string;
  /** Its word tokens: Chinese dictionary words, Tibetan syllables, or the run itself. */
  words: string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The script class of a segment, judged by its first character (the segmenter cuts at script changes); null for separators. */
const kindOf = (segment: string): RunKind | null => {
  const c = segment.codePointAt(0)!;
  if (isHanCodePoint(c)) return 'han';
  if (isTibetanBlock(c)) return TIBETAN_LETTER.test(segment) ? 'tibetan' : null;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return 'other';
  if (c < 0x80) return null;
  if (HAN.test(segment)) return 'han';
  return WORD_CHAR.test(segment) ? 'other' : null;
};

/** Whether the segment is all one script (the usual case), so it needs no further splitting. */
const homogeneous = (segment: string, kind: RunKind) => {
  for (const char of segment) {
    const c = char.codePointAt(0)!;
    const han = isHanCodePoint(c);
    const tibetan = isTibetanBlock(c);
    if ((kind === 'han') !== han || (kind === 'tibetan') !== tibetan) return false;
  }
  return true;
};

/** Character bigrams of a Han run: a recall fallback when the segmenter cuts a phrase differently in context. */
export const bigrams = (text: string): string[] => {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) out.push(chars[i] + chars[i + 1]);
  return out;
};

/** Splits a segment that mixes scripts (rare: the segmenter usually cuts at script changes) into its pieces. */
const pieces = (segment: string): string[] => segment.match(RUN) ?? [];

/**
 * Splits normalised text into script runs with their tokens, in one pass of the zh word segmenter
 * (dictionary words for Chinese; for Tibetan it cuts at the tsheg, which we drop along with the shad).
 * The same function serves documents and queries, so both are cut alike.
 */
export const runs = (input: string): Run[] => runsOfNormalized(foldForSearch(input)).map(({ run }) => run);

const runsOfNormalized = (text: string): { run: Run; start: number }[] => {
  const out: { run: Run; start: number }[] = [];
  const runsOnly: Run[] = [];
  let current: Run | null = null;
  for (const { segment, index } of zh().segment(text)) {
    const kind = kindOf(segment);
    if (!kind) {
      // A tsheg joins the syllables of one Tibetan run; anything else (space, shad, punctuation) ends the run.
      if (!(current?.kind === 'tibetan' && [...segment].every((ch) => isTsheg(ch.charCodeAt(0))))) current = null;
      continue;
    }
    const parts = homogeneous(segment, kind) ? [segment] : pieces(segment);
    for (const part of parts) {
      const partKind = part === segment ? kind : kindOf(part);
      if (!partKind) continue;
      const before = runsOnly.length;
      if (partKind === 'tibetan' && TIBETAN_SYLLABLE_SEPARATORS.test(part)) {
        const syllables = part.split(TIBETAN_SYLLABLE_SEPARATORS).filter((x) => x && TIBETAN_LETTER.test(x));
        for (const syllable of syllables) current = append(runsOnly, current, 'tibetan', syllable);
      } else current = append(runsOnly, current, partKind, part);
      for (let i = before; i < runsOnly.length; i += 1) out.push({ run: runsOnly[i], start: index });
    }
  }
  return out;
};

/**
 * Several short fields segmented in one pass (the segmenter's cost is mostly per call): the fields
 * are joined with line breaks, which always end a run, and the runs are dealt back by position.
 */
export const segmentFields = (inputs: string[]): Segmented[] => {
  const normalized = inputs.map(foldForSearch);
  const ends: number[] = [];
  let at = 0;
  for (const text of normalized) {
    at += text.length;
    ends.push(at);
    at += 1;
  }
  const perField: Run[][] = normalized.map(() => []);
  let field = 0;
  for (const { run, start } of runsOfNormalized(normalized.join('\n'))) {
    while (field < ends.length - 1 && start >= ends[field]) field += 1;
    perField[field].push(run);
  }
  return perField.map(toSegmented);
};

const toSegmented = (list: Run[]): Segmented => {
  const words: string[] = [];
  const pairs: string[] = [];
  for (const run of list) {
    words.push(...run.words);
    if (run.kind === 'han') pairs.push(...bigrams(run.text));
  }
  return { words: words.join(' '), bigrams: pairs.join(' ') };
};

const append = (out: Run[], current: Run | null, kind: RunKind, word: string): Run => {
  if (current && current.kind === kind && kind !== 'other') {
    current.words.push(word);
    current.text += kind === 'tibetan' ? `\u0f0b${word}` : word;
    return current;
  }
  const run: Run = { kind, text: word, words: [word] };
  out.push(run);
  // Latin words and numbers are runs of their own: "abc 2024" is two terms.
  return run;
};

export interface Segmented {
  /** Word tokens space-separated, in text order (FTS5 phrase positions and Typesense tokens). */
  words: string;
  /** Han character bigrams, space-separated. */
  bigrams: string;
}

/**
 * Runs without the dictionary: Han runs whole (for bigrams), Tibetan cut into syllables, other
 * tokens as they are. About twenty times cheaper than `runs`, for long body text.
 */
export const plainRuns = (input: string): Run[] => {
  const out: Run[] = [];
  for (const piece of foldForSearch(input).match(RUN) ?? []) {
    const c = piece.codePointAt(0)!;
    if (isHanCodePoint(c)) out.push({ kind: 'han', text: piece, words: [] });
    else if (isTibetanBlock(c)) {
      const syllables = piece.split(TIBETAN_SYLLABLE_SEPARATORS).filter((x) => x && TIBETAN_LETTER.test(x));
      if (syllables.length) out.push({ kind: 'tibetan', text: syllables.join('\u0f0b'), words: syllables });
    } else out.push({ kind: 'other', text: piece, words: [piece] });
  }
  return out;
};

/**
 * A field's text as the index stores it: pre-segmented tokens separated by spaces. With
 * `dictionary: false` (long bodies in the embedded engine) Chinese is stored as bigrams only, which
 * the query side matches word by word (see engines/fts-expression.ts).
 */
export const segmentForIndex = (input: string, { dictionary = true }: { dictionary?: boolean } = {}): Segmented =>
  toSegmented(dictionary ? runs(input) : plainRuns(input));
