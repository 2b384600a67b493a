import { escapeXml, foldForSearch } from '@jiyue/kernel';

/**
 * One character's normal form (foldForSearch), without the general path for the characters Chinese
 * text is made of: ASCII and CJK ideographs are their own form but for case, full-width ASCII
 * (，！１Ａ) is ASCII shifted by 0xFEE0, and CJK punctuation (。、「」) is its own form.
 */
const normalizedChar = (char: string): string => {
  const code = char.charCodeAt(0);
  if (code < 0x80) return char.toLowerCase();
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code >= 0x3001 && code <= 0x3035) return char;
  return foldForSearch(char);
};

/** The text normalised one code point at a time, with each normalised character's offset in the original. */
const normalizedWithOffsets = (text: string) => {
  const parts: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = normalizedChar(char);
    for (let i = 0; i < folded.length; i += 1) origin.push(offset);
    parts.push(folded);
    offset += char.length;
  }
  origin.push(offset);
  return { normalized: parts.join(''), origin };
};

/** Ranges [start, end) of the original text where one of the terms occurs, merged and sorted. */
export const matchRanges = (text: string, terms: string[]): [number, number][] => {
  const wanted = [...new Set(terms.map((t) => foldForSearch(t)).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  // Most texts shown for a hit hold no match (a title hit's body): one native pass says so before
  // any offsets are built.
  const whole = foldForSearch(text);
  if (!wanted.some((term) => whole.includes(term))) return [];
  const { normalized, origin } = normalizedWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of wanted) {
    let at = normalized.indexOf(term);
    while (at !== -1) {
      ranges.push([origin[at], origin[at + term.length]]);
      at = normalized.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
};

/** Escaped text with the matched ranges wrapped in <mark>; nothing from the text is ever markup. */
export const highlight = (text: string, ranges: [number, number][]): string => {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += escapeXml(text.slice(at, start)) + '<mark>' + escapeXml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeXml(text.slice(at));
};

/**
 * A window of about `length` characters around the first match (the start of the text when nothing
 * matches), escaped and highlighted, with an ellipsis where it was cut.
 */
export const snippet = (fullText: string, terms: string[], length = 120): string => {
  if (!fullText) return '';
  // Work on a window around the first literal occurrence (or the start): normalising a whole long body per hit costs.
  const firstLiteral = Math.min(...terms.map((t) => fullText.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  // Found literally, the snippet lies within `length` of it; otherwise (only a normalised form
  // matches, e.g. full-width digits) the first match is looked for in the opening 2,000 characters.
  const found = firstLiteral !== Number.MAX_SAFE_INTEGER;
  const windowStart = found ? Math.max(0, firstLiteral - length) : 0;
  const windowEnd = Math.min(fullText.length, found ? firstLiteral + 2 * length : Math.max(4 * length, 2000));
  const text = fullText.slice(windowStart, windowEnd);
  const cutBefore = windowStart > 0;
  const cutAfter = windowEnd < fullText.length;
  const ranges = matchRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  const end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const inside = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
  return (start > 0 || cutBefore ? '…' : '') + highlight(text.slice(start, end), inside) + (end < text.length || cutAfter ? '…' : '');
};
