/**
 * The parts of a richtext value (markdown with inline HTML) a replacement may touch: everything
 * except markup. Protected are HTML tags with their attributes, comments, <script>/<style>
 * elements whole, character references (&amp; …), markdown link and image targets `](url "title")`
 * and reference definitions `[id]: url`. A replacement of plain text therefore never changes a tag
 * name, an attribute value or a link target, and never splits an entity.
 *
 * Every scan below moves forward and stops at a bounded distance or at the next `<`, `>` or line
 * end, so the pass is linear in the length of the value whatever an editor pasted.
 */
export type Segment = [start: number, end: number];

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
// A markdown link target is short in practice; a longer one is left unprotected rather than scanned far.
const MAX_LINK_TARGET = 2048;
const MARKUP_HINT = /[<&\]]/;

/** End (exclusive) of the HTML tag or comment opening at `i`, or -1 when `<` starts no markup. */
const tagEnd = (raw: string, i: number): number => {
  if (raw.startsWith('<!--', i)) {
    const close = raw.indexOf('-->', i + 4);
    return close < 0 ? raw.length : close + 3;
  }
  const next = raw.charCodeAt(i + 1);
  if (!(isAsciiLetter(next) || next === 0x2f /* / */ || next === 0x21 /* ! */ || next === 0x3f /* ? */)) return -1;
  let quote = 0;
  for (let j = i + 1; j < raw.length; j += 1) {
    const c = raw.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 0x3c || c === 0x3e) return -1; // a stray < or > inside quotes: not a tag we understand
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j + 1;
    else if (c === 0x3c) return -1;
  }
  return -1;
};

/** End of a <script> or <style> element whose opening tag ends at `from` (its content is code, not prose). */
const rawElementEnd = (raw: string, name: string, from: number): number => {
  const closing = new RegExp(`</${name}[^>]*>`, 'gi');
  closing.lastIndex = from;
  const found = closing.exec(raw);
  return found ? found.index + found[0].length : raw.length;
};

const lineEnd = (raw: string, i: number) => {
  const nl = raw.indexOf('\n', i);
  return nl < 0 ? raw.length : nl;
};

/** Protected ranges of a richtext value, sorted and disjoint. */
export const markupRanges = (raw: string): Segment[] => {
  if (!MARKUP_HINT.test(raw)) return [];
  const ranges: Segment[] = [];
  // Next ')' and next line break at or after a position, found once and reused while still ahead:
  // many `](` on one line must not rescan the same stretch (that would be quadratic).
  let nextClose = -2;
  let nextBreak = -2;
  /** End of a markdown link target `(url "title")` opening at `i`, up to the first ')' on its line, or -1. */
  const linkTargetEnd = (i: number): number => {
    if (nextClose !== -1 && nextClose < i) nextClose = raw.indexOf(')', i);
    if (nextBreak !== -1 && nextBreak < i) nextBreak = raw.indexOf('\n', i);
    if (nextClose < 0 || (nextBreak >= 0 && nextBreak < nextClose) || nextClose - i > MAX_LINK_TARGET) return -1;
    return nextClose + 1;
  };
  let lineStart = true;
  for (let i = 0; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    if (lineStart && c === 0x5b /* [ */) {
      // Reference definition: [id]: url "title" — the whole line is a target, not text.
      const end = lineEnd(raw, i);
      if (raw.slice(i, end).includes(']:')) {
        ranges.push([i, end]);
        i = end;
        continue;
      }
    }
    lineStart = c === 0x0a;
    if (c === 0x3c /* < */) {
      const end = tagEnd(raw, i);
      if (end > 0) {
        const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(raw.slice(i, Math.min(raw.length, i + 40)))?.[1]?.toLowerCase();
        const to = name === 'script' || name === 'style' ? rawElementEnd(raw, name, end) : end;
        ranges.push([i, to]);
        i = to;
        continue;
      }
    } else if (c === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(raw);
      if (entity) {
        ranges.push([i, i + entity[0].length]);
        i += entity[0].length;
        continue;
      }
    } else if (c === 0x5d /* ] */ && raw.charCodeAt(i + 1) === 0x28 /* ( */) {
      const end = linkTargetEnd(i + 1);
      if (end > 0) {
        ranges.push([i + 1, end]);
        i = end;
        continue;
      }
    }
    i += 1;
  }
  return ranges;
};

/** The text segments of a value: the whole value for plain fields, the complement of the markup for richtext. */
export const textSegments = (raw: string, richtext: boolean): Segment[] => {
  if (!richtext) return raw ? [[0, raw.length]] : [];
  const segments: Segment[] = [];
  let at = 0;
  for (const [from, to] of markupRanges(raw)) {
    if (from > at) segments.push([at, from]);
    at = to;
  }
  if (at < raw.length) segments.push([at, raw.length]);
  return segments;
};
