import { normalizeText } from './normalize';

/** Scripts the segmenter treats differently: Han (dictionary words), Tibetan (syllables), anything else (letters and digits). */
const HAN = /\p{Script=Han}/u;
const TIBETAN_SYLLABLE_SEPARATORS = /[\s\u0f04-\u0f14\u0f34\u0f3a-\u0f3d]+/u;
const RUN = /(\p{Script=Han}+)|([\u0f00-\u0fff]+)|((?:(?![\p{Script=Han}\u0f00-\u0fff])[\p{L}\p{N}])+)/gu;

let zhSegmenter: Intl.Segmenter | null = null;
const zh = () => (zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

export type RunKind = 'han' | 'tibetan' | 'other';
export interface Run {
  kind: RunKind;
  /** The run as normalised text (what a phrase search and a snippet look for). */
  text: string;
  /** Its word tokens: Chinese dictionary words, Tibetan syllables, or the run itself. */
  words: string[];
}

const hanWords = (text: string) => [...zh().segment(text)].filter((s) => s.isWordLike !== false && HAN.test(s.segment)).map((s) => s.segment);

/** Character bigrams of a Han run: a recall fallback when the segmenter cuts a phrase differently in context. */
export const bigrams = (text: string): string[] => {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) out.push(chars[i] + chars[i + 1]);
  return out;
};

/** Splits normalised text into script runs with their tokens; the same function serves documents and queries. */
export const runs = (input: string): Run[] => {
  const text = normalizeText(input);
  const out: Run[] = [];
  for (const match of text.matchAll(RUN)) {
    if (match[1]) out.push({ kind: 'han', text: match[1], words: hanWords(match[1]) });
    else if (match[2]) {
      const syllables = match[2].split(TIBETAN_SYLLABLE_SEPARATORS).filter((s) => s && /[\u0f40-\u0fbc]|\d/u.test(s));
      if (syllables.length) out.push({ kind: 'tibetan', text: syllables.join('\u0f0b'), words: syllables });
    } else if (match[3]) out.push({ kind: 'other', text: match[3], words: [match[3]] });
  }
  return out;
};

export interface Segmented {
  /** Word tokens space-separated, in text order (FTS5 phrase positions and Typesense tokens). */
  words: string;
  /** Han character bigrams, space-separated. */
  bigrams: string;
}

/** A field's text as the index stores it: pre-segmented tokens separated by spaces. */
export const segmentForIndex = (input: string): Segmented => {
  const words: string[] = [];
  const pairs: string[] = [];
  for (const run of runs(input)) {
    words.push(...run.words);
    if (run.kind === 'han') pairs.push(...bigrams(run.text));
  }
  return { words: words.join(' '), bigrams: pairs.join(' ') };
};
