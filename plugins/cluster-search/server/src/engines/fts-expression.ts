import { bigrams, type Run } from '@jiyue/kernel';
import type { TermGroup } from './types';

const WORD_COLUMNS = '{title summary body extra}';
const phrase = (tokens: string[]) => `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;

/**
 * Title words are indexed a second time in the `tw` column as their own tokens, marked with this
 * prefix (建设 → x建设). A title-only lookup then reads the short list of documents with the word in
 * their title instead of the word's whole list checked column by column: for a word in 50,000
 * documents, 0.05 ms instead of 0.8. The mark is a Latin letter so FTS5's tokenizer keeps it glued to
 * the word; no other column holds such tokens, and queries always name the column.
 */
export const TITLE_MARK = 'x';
export const titleTokens = (titleWords: string) =>
  titleWords
    .split(' ')
    .filter(Boolean)
    .map((word) => TITLE_MARK + word)
    .join(' ');

/** The run restricted to title words, on the `tw` column. */
const titleExpression = (run: Run): string => {
  const marked = (tokens: string[]) => `tw : ${phrase(tokens.map((t) => TITLE_MARK + t))}`;
  if (run.kind === 'han') {
    const long = run.words.filter((w) => [...w].length > 1);
    return long.length ? long.map((w) => marked([w])).join(' AND ') : marked(run.words.length ? run.words : [...run.text]);
  }
  if (run.kind === 'tibetan' || /^\d+$/.test(run.text)) return marked(run.words);
  return `${marked(run.words)} *`;
};

/**
 * One script run as an FTS5 expression over the pre-segmented columns. A Han run matches when all
 * its words of two or more characters occur (Chinese queries have no spaces: 医保缴费 is two terms),
 * each in a word column or as its bigram phrase (bodies hold Chinese as bigrams only: segmenting long
 * text is the main cost of indexing), or when the whole run occurs as a bigram phrase (recall, when
 * the segmenter cut the document differently in context); a run of single characters (甘|孜) as a
 * phrase. A Tibetan run matches as a phrase of its syllables; a number exactly; other tokens as a
 * prefix. `titleOnly` restricts it to the title's words (the first tier of a very large result).
 */
export const runExpression = (run: Run, titleOnly = false): string => {
  if (titleOnly) return titleExpression(run);
  // Han, Tibetan and digit tokens never equal a tag (ASCII letters and hex) or a marked title word
  // (a Latin letter glued to the word), so they need no column filter, and FTS5 then skips decoding
  // position lists to check columns (a count over 50k hits: 1.2 ms instead of 3). Latin prefixes keep
  // the filter: "st"* would match tags.
  if (run.kind === 'han') {
    const chars = [...run.text];
    const long = run.words.filter((w) => [...w].length > 1);
    // A word's bigram phrase is looked up in every column (bg holds them; a word column holding the
    // same bigrams in a row is a true match anyway); a two-character word is its own bigram.
    const byBigrams = phrase(chars.length === 1 ? chars : bigrams(run.text));
    if (long.length === 1 && long[0] === run.text) return chars.length === 2 ? phrase(long) : `(${phrase(long)} OR ${byBigrams})`;
    const byWords = long.length
      ? long.map((w) => ([...w].length === 2 ? phrase([w]) : `(${phrase([w])} OR ${phrase(bigrams(w))})`)).join(' AND ')
      : phrase(run.words.length ? run.words : chars);
    return `((${byWords}) OR ${byBigrams})`;
  }
  if (run.kind === 'tibetan' || /^\d+$/.test(run.text)) return phrase(run.words);
  return `${WORD_COLUMNS} : ${phrase(run.words)} *`;
};

/** Groups are ANDed; the alternatives of a group (a term and its synonyms) are ORed. */
export const ftsExpression = (groups: TermGroup[], titleOnly = false): string | null => {
  const parts = groups
    .map((alternatives) => alternatives.filter((runs) => runs.length).map((runs) => `(${runs.map((r) => runExpression(r, titleOnly)).join(' AND ')})`))
    .filter((alternatives) => alternatives.length)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`));
  return parts.length ? parts.join(' AND ') : null;
};

/**
 * The single token a query is made of (one term without synonyms, one run of one token), or null.
 * Such a query's expression is that token as a phrase in any column, so its hits are exactly the
 * documents holding the token.
 */
export const soleToken = (groups: TermGroup[]): string | null => {
  if (groups.length !== 1 || groups[0].length !== 1 || groups[0][0].length !== 1) return null;
  const [run] = groups[0][0];
  return run.words.length === 1 && runExpression(run) === phrase(run.words) ? run.words[0] : null;
};
