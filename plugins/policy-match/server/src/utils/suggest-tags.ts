import { chineseWords } from '@jiyue/kernel';

export interface TagNames {
  code: string;
  dimension: string;
  nameZh: string;
  nameBo?: string | null;
  synonyms: string[];
}

export interface TagSuggestion {
  code: string;
  dimension: string;
  nameZh: string;
  score: number;
  matches: { term: string; count: number; wholeWord: boolean }[];
}

const countOccurrences = (text: string, term: string) => {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n += 1;
  return n;
};

/**
 * Tags whose names or synonyms occur in the text. A term found as a whole segmented word counts
 * more than one found only inside a longer word; longer terms count more than short ones (a
 * two-character synonym such as 低保 is weaker evidence than 高校毕业生); the tag's own name more
 * than a synonym. Score = Σ occurrences × length weight × (whole word 2 : substring 1) × (name 1.5 : synonym 1).
 */
export const suggestTags = (text: string, tags: TagNames[], limit = 20): TagSuggestion[] => {
  const normalized = text.normalize('NFC');
  const words = new Set(chineseWords(normalized));
  const out: TagSuggestion[] = [];
  for (const tag of tags) {
    const terms = [
      { term: tag.nameZh, own: true },
      ...(tag.nameBo ? [{ term: tag.nameBo.normalize('NFC').replace(/[།༎\s]+$/u, ''), own: true }] : []),
      ...tag.synonyms.map((s) => ({ term: s, own: false })),
    ].filter((t) => t.term.length >= 2 && !/^[A-Za-z0-9]+$/.test(t.term));
    let score = 0;
    const matches: TagSuggestion['matches'] = [];
    for (const { term, own } of terms) {
      const count = countOccurrences(normalized, term);
      if (!count) continue;
      const wholeWord = words.has(term);
      score += count * Math.min(term.length, 6) * (wholeWord ? 2 : 1) * (own ? 1.5 : 1);
      matches.push({ term, count, wholeWord });
    }
    if (score > 0) out.push({ code: tag.code, dimension: tag.dimension, nameZh: tag.nameZh, score: Math.round(score * 10) / 10, matches });
  }
  return out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit);
};
