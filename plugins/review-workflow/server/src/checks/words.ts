import { asPlainText, excerptAround, hasLoneSurrogate, isTibetanSyllablePart, rawRange, type PlainText } from '@jiyue/kernel';
import { buildAhoCorasick, type AhoCorasick } from './aho-corasick';
import type { DictionaryEntry, Finding } from './types';

/**
 * Wrong and sensitive words (错敏词) from the managed dictionary. The dictionary is compiled once
 * into one Aho–Corasick automaton holding every term and every exception; a field is then scanned
 * once, and the raw matches are resolved:
 *
 * 1. Latin and Tibetan terms match whole words/syllables only (`ok` not inside `book`, ཁ not
 *    inside ཁུལ); Chinese has no word separators, so Han terms match anywhere.
 * 2. A match inside one of its entry's exceptions is dropped (文化部 inside 文化部门).
 * 3. A match inside a longer match is dropped: the longer term is the more specific finding
 *    (国家卫生和计划生育委员会, not also 计划生育委员会 in it). Same start, longest wins.
 */

export interface WordMatcher {
  entries: readonly DictionaryEntry[];
  automaton: AhoCorasick;
  /** Per automaton pattern: the entry it belongs to, and 1 when it is one of the entry's exceptions. */
  patternEntry: Int32Array;
  patternIsException: Uint8Array;
  /** Per pattern: 1 when its first/last unit needs a word or syllable boundary in the text (rule 1). */
  needsBoundaryBefore: Uint8Array;
  needsBoundaryAfter: Uint8Array;
  /** Entries (or exceptions) left out of the automaton, and why: a bad entry must not break the checker. */
  skipped: { entry: number; text: string; reason: string }[];
  buildMs: number;
}

/** A resolved match in the plain text of a field. */
export interface WordMatch {
  entry: number;
  start: number;
  end: number;
}

const isLatinWordPart = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);

const wordClass = (c: number): 1 | 2 | 0 => (isLatinWordPart(c) ? 1 : isTibetanSyllablePart(c) ? 2 : 0);

const cleanTerm = (text: unknown): string | undefined => (typeof text === 'string' ? text.trim().normalize('NFC') : undefined);

export const buildWordMatcher = (dictionary: readonly DictionaryEntry[]): WordMatcher => {
  const started = performance.now();
  const patterns: string[] = [];
  const owner: number[] = [];
  const exception: number[] = [];
  const skipped: WordMatcher['skipped'] = [];

  dictionary.forEach((entry, index) => {
    if (entry?.enabled === false) return;
    const term = cleanTerm(entry?.term);
    if (!term) return skipped.push({ entry: index, text: String(entry?.term), reason: 'empty term' });
    if (hasLoneSurrogate(term)) return skipped.push({ entry: index, text: term, reason: 'lone surrogate in term' });
    patterns.push(term);
    owner.push(index);
    exception.push(0);
    for (const raw of entry.exceptions ?? []) {
      const text = cleanTerm(raw);
      if (!text || hasLoneSurrogate(text) || !text.toLowerCase().includes(term.toLowerCase())) {
        skipped.push({ entry: index, text: String(raw), reason: 'exception does not contain the term' });
        continue;
      }
      patterns.push(text);
      owner.push(index);
      exception.push(1);
    }
  });

  const automaton = buildAhoCorasick(patterns);
  const needsBoundaryBefore = new Uint8Array(patterns.length);
  const needsBoundaryAfter = new Uint8Array(patterns.length);
  patterns.forEach((text, p) => {
    needsBoundaryBefore[p] = wordClass(text.charCodeAt(0));
    needsBoundaryAfter[p] = wordClass(text.charCodeAt(text.length - 1));
  });
  return {
    entries: dictionary,
    automaton,
    patternEntry: Int32Array.from(owner),
    patternIsException: Uint8Array.from(exception),
    needsBoundaryBefore,
    needsBoundaryAfter,
    skipped,
    buildMs: performance.now() - started,
  };
};

/** Dictionary matches in one text (offsets in `text`), resolved as described at the top. */
export const matchWords = (text: string, matcher: WordMatcher): WordMatch[] => {
  const terms: WordMatch[] = [];
  let exceptions: Map<number, [number, number][]> | undefined;
  matcher.automaton.scan(text, (pattern, start, end) => {
    const before = matcher.needsBoundaryBefore[pattern];
    if (before && start > 0 && wordClass(text.charCodeAt(start - 1)) === before) return;
    const after = matcher.needsBoundaryAfter[pattern];
    if (after && end < text.length && wordClass(text.charCodeAt(end)) === after) return;
    const entry = matcher.patternEntry[pattern];
    if (matcher.patternIsException[pattern]) {
      exceptions ??= new Map();
      const list = exceptions.get(entry) ?? [];
      list.push([start, end]);
      exceptions.set(entry, list);
    } else {
      terms.push({ entry, start, end });
    }
  });
  if (!terms.length) return terms;

  const allowed = exceptions
    ? terms.filter((m) => !(exceptions!.get(m.entry) ?? []).some(([s, e]) => s <= m.start && m.end <= e))
    : terms;
  allowed.sort((a, b) => a.start - b.start || b.end - a.end || a.entry - b.entry);

  const kept: WordMatch[] = [];
  let coverStart = -1;
  let coverEnd = -1;
  for (const m of allowed) {
    if (m.end <= coverEnd && !(m.start === coverStart && m.end === coverEnd)) continue; // inside a longer match
    if (m.end > coverEnd) {
      coverStart = m.start;
      coverEnd = m.end;
    }
    kept.push(m);
  }
  return kept;
};

const messageFor = (entry: DictionaryEntry, found: string): string => {
  const note = entry.note ? `（${entry.note}）` : '';
  switch (entry.category) {
    case 'typo':
      return `疑似错别字：${found} → ${entry.correction ?? '？'}${note}`;
    case 'outdated-name':
      return `机构名称已变更：${found}${entry.correction ? ` → ${entry.correction}` : ''}${note}`;
    case 'political':
      return `政治性表述需规范：${found}${entry.correction ? ` → ${entry.correction}` : ''}${note}`;
    default:
      return `敏感词：${found}${note}`;
  }
};

/**
 * Word findings for each field. A field given as a string is checked as it is (offsets in that
 * string); one given as a PlainText (the kernel's mapPlainText) is checked in its plain text and reported
 * with offsets in its raw value.
 */
export const checkWords = (fields: Record<string, string | PlainText>, matcher: WordMatcher): Finding[] => {
  const findings: Finding[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const plain = typeof value === 'string' ? asPlainText(value) : value;
    if (!plain?.text) continue;
    for (const m of matchWords(plain.text, matcher)) {
      const entry = matcher.entries[m.entry];
      const [from, to] = rawRange(plain, m.start, m.end);
      const found = plain.text.slice(m.start, m.end);
      findings.push({
        check: 'word',
        rule: 'dictionary',
        field,
        offset: from,
        length: to - from,
        excerpt: excerptAround(plain.excerptText ?? plain.text, m.start, m.end),
        severity: entry.severity,
        message: messageFor(entry, found),
        ...(entry.correction ? { suggestion: entry.correction } : {}),
        category: entry.category,
      });
    }
  }
  return findings;
};
