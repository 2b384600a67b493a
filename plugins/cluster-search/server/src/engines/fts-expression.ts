import type { Run } from '../utils/segment';
import { bigrams } from '../utils/segment';
import type { TermGroup } from './types';

const WORD_COLUMNS = '{title summary body extra}';
const phrase = (tokens: string[]) => `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;

/**
 * One script run as an FTS5 expression over the pre-segmented columns. A Han run matches as a
 * phrase of its dictionary words, or (recall fallback, when the segmenter cut the document
 * differently in context) as a phrase of its character bigrams; a Tibetan run as a phrase of its
 * syllables; anything else as a token prefix.
 */
export const runExpression = (run: Run): string => {
  if (run.kind === 'han') {
    const chars = [...run.text];
    const byBigrams = chars.length === 1 ? `bg : ${phrase(chars)} *` : `bg : ${phrase(bigrams(run.text))}`;
    // Words of two or more characters must all occur (Chinese queries have no spaces: 医保缴费 is two
    // terms); a run of single characters (甘|孜) must occur as a phrase.
    // Bodies hold Chinese as bigrams only (segmenting long text is the main cost of indexing), so a
    // word is found in the word columns or as its bigram phrase.
    const long = run.words.filter((w) => [...w].length > 1);
    const byWords = long.length
      ? long.map((w) => `(${WORD_COLUMNS} : ${phrase([w])} OR bg : ${phrase(bigrams(w))})`).join(' AND ')
      : `${WORD_COLUMNS} : ${phrase(run.words.length ? run.words : chars)}`;
    return `((${byWords}) OR ${byBigrams})`;
  }
  if (run.kind === 'tibetan') return `${WORD_COLUMNS} : ${phrase(run.words)}`;
  return `${WORD_COLUMNS} : ${phrase(run.words)} *`;
};

/** Groups are ANDed; the alternatives of a group (a term and its synonyms) are ORed. */
export const ftsExpression = (groups: TermGroup[]): string | null => {
  const parts = groups
    .map((alternatives) => alternatives.filter((runs) => runs.length).map((runs) => `(${runs.map(runExpression).join(' AND ')})`))
    .filter((alternatives) => alternatives.length)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`));
  return parts.length ? parts.join(' AND ') : null;
};
