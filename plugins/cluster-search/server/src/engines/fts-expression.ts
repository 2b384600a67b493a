import type { Run } from '../utils/segment';
import { bigrams } from '../utils/segment';
import type { TermGroup } from './types';

const WORD_COLUMNS = '{title summary body extra}';
const phrase = (tokens: string[]) => `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;

/**
 * One script run as an FTS5 expression over the pre-segmented columns. A Han run matches when all
 * its words of two or more characters occur (Chinese queries have no spaces: 医保缴费 is two terms),
 * each in a word column or as its bigram phrase (bodies hold Chinese as bigrams only: segmenting long
 * text is the main cost of indexing), or when the whole run occurs as a bigram phrase (recall, when
 * the segmenter cut the document differently in context); a run of single characters (甘|孜) as a
 * phrase. A Tibetan run matches as a phrase of its syllables; a number exactly; other tokens as a
 * prefix. `titleOnly` restricts it to the title's words (the first tier of a very large result).
 */
export const runExpression = (run: Run, titleOnly: boolean | 'summary' = false): string => {
  const columns = titleOnly === 'summary' ? '{summary}' : titleOnly ? '{title}' : WORD_COLUMNS;
  if (run.kind === 'han') {
    const chars = [...run.text];
    const long = run.words.filter((w) => [...w].length > 1);
    if (titleOnly) return long.length ? long.map((w) => `${columns} : ${phrase([w])}`).join(' AND ') : `${columns} : ${phrase(run.words.length ? run.words : chars)}`;
    const byBigrams = chars.length === 1 ? `${columns} : ${phrase(chars)}` : `bg : ${phrase(bigrams(run.text))}`;
    if (long.length === 1 && long[0] === run.text) return `(${columns} : ${phrase(long)} OR ${byBigrams})`;
    const byWords = long.length
      ? long.map((w) => `(${columns} : ${phrase([w])} OR bg : ${phrase(bigrams(w))})`).join(' AND ')
      : `${columns} : ${phrase(run.words.length ? run.words : chars)}`;
    return `((${byWords}) OR ${byBigrams})`;
  }
  if (run.kind === 'tibetan') return `${columns} : ${phrase(run.words)}`;
  return /^\d+$/.test(run.text) ? `${columns} : ${phrase(run.words)}` : `${columns} : ${phrase(run.words)} *`;
};

/** Groups are ANDed; the alternatives of a group (a term and its synonyms) are ORed. */
export const ftsExpression = (groups: TermGroup[], titleOnly: boolean | 'summary' = false): string | null => {
  const parts = groups
    .map((alternatives) => alternatives.filter((runs) => runs.length).map((runs) => `(${runs.map((r) => runExpression(r, titleOnly)).join(' AND ')})`))
    .filter((alternatives) => alternatives.length)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`));
  return parts.length ? parts.join(' AND ') : null;
};
