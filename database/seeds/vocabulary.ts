import fs from 'fs';
import path from 'path';
import committedVocabulary from './vocabulary-words.json';

/**
 * A vocabulary for generated demo and benchmark text, and a seeded generator over it.
 *
 * Chinese words come from the five source articles on consolidated government websites
 * (/work/shared/seeds), segmented with Intl.Segmenter, so generated text has the real domain
 * words in their real frequencies: search and matching benchmarks then see a realistic term
 * distribution. Tibetan syllables come from the Garzê cluster names. Only the extracted word list
 * (vocabulary-words.json) is committed; `buildVocabulary` regenerates it from the sources.
 */

export type Weighted = [token: string, count: number];

export interface Vocabulary {
  about: string;
  zh: Weighted[];
  bo: Weighted[];
}

const TSHEG = '\u0F0B';
const SHAD = '\u0F0D';
const HAN_WORD = /^\p{Script=Han}+$/u;
// Letters, subjoined letters and vowel/sign marks: a syllable, never punctuation or digits.
const TIBETAN_SYLLABLE = /^[\u0F40-\u0F6C\u0F71-\u0F84\u0F86-\u0FBC]+$/u;

// ---------------------------------------------------------------------------------------------
// Extraction (run once, result committed as vocabulary-words.json)
// ---------------------------------------------------------------------------------------------

const countInto = (counts: Map<string, number>, token: string) => counts.set(token, (counts.get(token) ?? 0) + 1);

const sortedByCount = (counts: Map<string, number>): Weighted[] =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Chinese words of a text: dictionary segmentation, keeping only all-Han word-like segments. */
export const chineseWords = (text: string): string[] => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text.normalize('NFC'))]
    .filter((s) => s.isWordLike && HAN_WORD.test(s.segment))
    .map((s) => s.segment);
};

/** Tibetan syllables of a text: split at the tsheg, punctuation (shad etc.) and spaces dropped. */
export const tibetanSyllables = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/[\u0F0B\u0F0C\u0F0D-\u0F14\s]+/u)
    .filter((s) => TIBETAN_SYLLABLE.test(s));

/** Every string value of a JSON document, depth first. */
const stringsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
};

/**
 * Builds the vocabulary from the source articles (*.txt in `sourceDir`) and the Tibetan names of
 * the Garzê cluster JSON and the demo column names.
 */
export const buildVocabulary = (sourceDir: string, clusterJsonFile: string): Vocabulary => {
  const zh = new Map<string, number>();
  const files = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    for (const word of chineseWords(fs.readFileSync(path.join(sourceDir, file), 'utf8'))) countInto(zh, word);
  }

  // Lazy: the demo column names are only needed when rebuilding, not when generating text.
  const { DEMO_COLUMNS } = require('./demo-sites') as typeof import('./demo-sites');
  const bo = new Map<string, number>();
  const tibetanTexts = [...stringsOf(JSON.parse(fs.readFileSync(clusterJsonFile, 'utf8'))), ...DEMO_COLUMNS.map((c) => c.bo)];
  for (const text of tibetanTexts) for (const syllable of tibetanSyllables(text)) countInto(bo, syllable);

  return {
    about:
      `Chinese words segmented with Intl.Segmenter('zh') from ${files.length} articles on consolidated government ` +
      'websites (政府网站集约化), with their counts; Tibetan syllables (split at the tsheg, NFC) from the Garzê cluster ' +
      'names and the demo column names. Regenerate with `node -r esbuild-register database/seeds/vocabulary.ts <seedDir> <clusterJson>`.',
    zh: sortedByCount(zh),
    bo: sortedByCount(bo),
  };
};

/** One [token, count] pair a line, so a regenerated list diffs readably. */
export const formatVocabulary = (vocabulary: Vocabulary): string => {
  const pairs = (list: Weighted[]) => list.map((pair) => `    ${JSON.stringify(pair)}`).join(',\n');
  return `{\n  "about": ${JSON.stringify(vocabulary.about)},\n  "zh": [\n${pairs(vocabulary.zh)}\n  ],\n  "bo": [\n${pairs(vocabulary.bo)}\n  ]\n}\n`;
};

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same text. */
export const seededRandom = (seed: number | string): (() => number) => {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** FNV-1a, to turn a string seed into a 32-bit state. */
const hashString = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
};

/**
 * Weighted sampling by binary search over cumulative counts. `exponent` < 1 flattens the counts:
 * the Tibetan list is small and dominated by རྫོང ("county"), which would make every sentence a list of counties.
 */
const weightedPicker = (list: Weighted[], random: () => number, exponent = 1) => {
  if (!list.length) throw new Error('vocabulary: empty token list');
  const tokens = list.map(([token]) => token);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, count] of list) cumulative.push((total += count ** exponent));
  return (): string => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return tokens[lo];
  };
};

/** The committed vocabulary (database/seeds/vocabulary-words.json). */
export const loadVocabulary = (): Vocabulary => committedVocabulary as unknown as Vocabulary;

/** The longest prefix of whole code points within `max` UTF-16 units: never half a surrogate pair. */
export const clipCodePoints = (text: string, max: number) => {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
};

const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

// Common title shapes of government information items (通知, 方案, 意见 …).
const ZH_TITLE_TEMPLATES = ['关于{}的通知', '关于印发{}的通知', '{}实施方案', '关于{}的实施意见', '{}工作要点', '{}', '{}', '{}', '{}'];

// Tibetan spelling: a shad follows a syllable directly, except after ང, which keeps its tsheg (ང་།).
const withShad = (text: string) => (text.endsWith('ང') ? `${text}${TSHEG}${SHAD}` : `${text}${SHAD}`);

export interface TextGenerator {
  random: () => number;
  zhWord(): string;
  zhTitle(maxLength?: number): string;
  zhSentence(maxLength?: number): string;
  zhParagraphs(n: number): string[];
  boSyllable(): string;
  boTitle(maxLength?: number): string;
  boSentence(maxLength?: number): string;
  boParagraphs(n: number): string[];
}

/**
 * A seeded text generator. Text is assembled from whole words and syllables, and a length limit
 * stops before the token that would cross it, so nothing is ever cut inside a Tibetan syllable or
 * a surrogate pair. Chinese sentences end in 。, Tibetan ones in །.
 */
export const makeTextGenerator = (seed: number | string = 1, vocabulary: Vocabulary = loadVocabulary()): TextGenerator => {
  const random = seededRandom(seed);
  const zhAny = weightedPicker(vocabulary.zh, random);
  // Titles and keywords read better from content words; single characters are mostly particles.
  const zhContent = weightedPicker(vocabulary.zh.filter(([w]) => w.length >= 2), random);
  const boAny = weightedPicker(vocabulary.bo, random, 0.5);

  /** Appends tokens from `next` until `count` tokens or the length limit is reached. */
  const fill = (next: () => string, count: number, maxLength: number, join = '') => {
    let text = '';
    for (let i = 0; i < count; i += 1) {
      const token = next();
      const candidate = text ? `${text}${join}${token}` : token;
      if (candidate.length > maxLength) break;
      text = candidate;
    }
    return text;
  };

  const zhSentence = (maxLength = 400) => {
    const budget = maxLength - 1; // room for 。
    let text = '';
    let clause = between(random, 4, 10);
    const words = between(random, 10, 28);
    for (let i = 0; i < words; i += 1) {
      const word = i > 0 && i === clause ? `，${zhAny()}` : zhAny();
      if (i === clause) clause += between(random, 4, 10);
      if (text.length + word.length > budget) break;
      text += word;
    }
    return `${text || clipCodePoints(zhContent(), budget)}。`;
  };

  const zhTitle = (maxLength = 60) => {
    const template = ZH_TITLE_TEMPLATES[Math.floor(random() * ZH_TITLE_TEMPLATES.length)];
    const frame = template.replace('{}', '');
    const core = fill(zhContent, between(random, 3, 7), Math.max(2, maxLength - frame.length));
    return template.replace('{}', core);
  };

  const boSentence = (maxLength = 600) => {
    const text = fill(boAny, between(random, 8, 24), maxLength - 2, TSHEG);
    return withShad(text);
  };

  const boTitle = (maxLength = 80) => fill(boAny, between(random, 4, 10), maxLength, TSHEG);

  const paragraphs = (sentence: () => string, n: number, join: string) =>
    Array.from({ length: n }, () => Array.from({ length: between(random, 2, 5) }, sentence).join(join));

  return {
    random,
    zhWord: zhContent,
    zhTitle,
    zhSentence,
    zhParagraphs: (n) => paragraphs(() => zhSentence(), n, ''),
    boSyllable: boAny,
    boTitle,
    boSentence,
    boParagraphs: (n) => paragraphs(() => boSentence(), n, ' '),
  };
};

// `node -r esbuild-register database/seeds/vocabulary.ts [seedDir] [clusterJson]` rewrites vocabulary-words.json.
if (require.main === module) {
  const [sourceDir = '/work/shared/seeds', clusterJson = path.join(__dirname, 'garze-cluster.json')] = process.argv.slice(2);
  const vocabulary = buildVocabulary(sourceDir, clusterJson);
  fs.writeFileSync(path.join(__dirname, 'vocabulary-words.json'), formatVocabulary(vocabulary));
  console.log(`vocabulary-words.json: ${vocabulary.zh.length} Chinese words, ${vocabulary.bo.length} Tibetan syllables`);
}
