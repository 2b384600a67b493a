import { decodeHTML, decodeHTMLAttribute, decodeHTMLStrict } from 'entities';

/**
 * HTML and Markdown to text. Stored rich text is markdown with inline HTML; both are read by one
 * linear pass that remembers where every character of the text came from (an offset map), so a
 * check can run over readable text and still report offsets in the stored value, and the plain
 * text of indexes, feeds and meta tags comes from the same reading.
 *
 * Why not just check the raw text: editors' HTML splits words (`部<span>暑</span>` after a paste
 * from Word) and markup is not prose (tag names, attribute values, link targets would be matched
 * as words). Why not check only the plain text: reviewers and one-click replacement work on the
 * stored value. So review-workflow's dictionary words run here and are mapped back.
 *
 * What is removed: HTML tags and comments (block-level tags leave a line break so text from two
 * table cells or paragraphs never runs together), <script>/<style> with their content, the
 * brackets and targets of markdown links and images (`[text](url)` → `text`), runs of two or more
 * `*`, `_` or `~` (bold, strike-through). HTML character references are decoded by the `entities`
 * library (every HTML5 name, decimal and hex references: `&amp;` → `&`, `&#x0F40;` → ཀ); a reference
 * it does not know, or one naming no character (`&#0;`, a surrogate), is left as written.
 * Everything else, including headings, list markers and any script (Han, Tibetan, astral
 * characters), is kept unchanged. Every pattern used here stops at the next `<`, `>`, bracket or
 * line end, so the whole pass is linear in the length of the field whatever an editor pastes.
 */

export interface PlainText {
  /** The stored field value. */
  raw: string;
  /** The readable text the word checks see. */
  text: string;
  /**
   * For each UTF-16 unit of `text`: the raw index it comes from (`start`) and the raw index just
   * after its source (`end`, e.g. after a whole `&amp;`). Undefined when text === raw.
   */
  start?: Int32Array;
  end?: Int32Array;
  /**
   * Where excerpts are cut from, when it differs from `text`: the plain text of the raw value with
   * personal data masked (same length as `text`; review-workflow sets it).
   */
  excerptText?: string;
}

// Markdown inline link or image: ![alt](url "title") / [text](<url>). Group 1: '!' or ''.
// Exported so links.ts finds exactly the links this view removes.
export const MARKDOWN_LINK = /(!?)\[([^[\]\n]*)\]\(\s*(?:<([^<>\n]*)>|([^()\s]*(?:\([^()\s]*\)[^()\s]*)*))(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*)?\/?>/y;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const EMPHASIS_RUN = /(?:\*{2,}|_{2,}|~{2,})/y;
const MARKUP_HINT = /[<&[*_~]/;

// Tags whose removal must not join the text on either side.
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'kbd', 'label',
  'mark', 'q', 'ruby', 'rb', 'rp', 'rt', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

const decodeEntity = (match: RegExpExecArray): string | undefined => {
  const [whole, decimal, hex] = match;
  if (decimal !== undefined || hex !== undefined) {
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex, 16);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  const decoded = decodeHTMLStrict(whole);
  return decoded === whole ? undefined : decoded;
};

/** A raw range for the plain range [from, to) (UTF-16 units of `plain.text`). */
export const rawRange = (plain: PlainText, from: number, to: number): [number, number] => {
  if (!plain.start || !plain.end) return [from, to];
  if (to <= from) return [plain.start[from] ?? plain.raw.length, plain.start[from] ?? plain.raw.length];
  return [plain.start[from], plain.end[to - 1]];
};

/**
 * `plain.text` with the characters of the sorted raw ranges `spans` taken from `edited`, a
 * same-length edit of `plain.raw` (personal data masked digit by digit). Not a new conversion:
 * that would read the `****` of a mask as bold markers and change the length.
 */
export const plainTextOfEdit = (plain: PlainText, edited: string, spans: readonly (readonly [number, number])[]): string => {
  if (!plain.start || !plain.end) return edited;
  const { start, end, text } = plain;
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    let lo = at;
    let hi = start.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < start.length && start[i] < to; i += 1) {
      if (end[i] - start[i] !== 1) continue; // decoded or a separator: not a verbatim copy
      out += text.slice(at, i) + edited[start[i]];
      at = i + 1;
    }
  }
  return out + text.slice(at);
};

/** The raw value as its own plain text: for fields that are plain strings already (titles). */
export const asPlainText = (raw: string): PlainText => ({ raw, text: raw });

/** The plain text of a rich-text value (markdown with inline HTML), with its offset map into `raw`. */
export const mapPlainText = (raw: string): PlainText => {
  if (!MARKUP_HINT.test(raw)) return asPlainText(raw);

  // Markdown link brackets and targets to drop, in order: [open, openEnd, close, closeEnd].
  const links: number[][] = [];
  MARKDOWN_LINK.lastIndex = 0;
  for (let m = MARKDOWN_LINK.exec(raw); m; m = MARKDOWN_LINK.exec(raw)) {
    const open = m.index;
    const openEnd = open + m[1].length + 1;
    const close = openEnd + m[2].length;
    links.push([open, openEnd, close, open + m[0].length]);
  }

  const n = raw.length;
  // Plain text is never longer than the raw text: every removal drops at least as many units as
  // it adds (a tag of ≥ 3 units leaves at most one line break; an entity of ≥ 4 units gives ≤ 2).
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0; // start of the pending run of unchanged raw text

  const flush = (upTo: number) => {
    if (upTo > runStart) {
      parts.push(raw.slice(runStart, upTo));
      for (let r = runStart; r < upTo; r += 1) {
        start[length] = r;
        end[length] = r + 1;
        length += 1;
      }
    }
  };
  const emit = (text: string, from: number, to: number) => {
    parts.push(text);
    for (let k = 0; k < text.length; k += 1) {
      start[length] = from;
      end[length] = to;
      length += 1;
    }
  };
  /** Drops raw [from, to) (after flushing the text before it) and continues after it. */
  const skip = (from: number, to: number, replacement = '') => {
    flush(from);
    if (replacement) emit(replacement, from, to);
    runStart = to;
    return to;
  };

  // Link ranges to drop, flattened and sorted: [from, to) pairs.
  const drops: number[] = [];
  for (const [open, openEnd, close, closeEnd] of links) drops.push(open, openEnd, close, closeEnd);
  let d = 0;

  let i = 0;
  while (i < n) {
    while (d < drops.length && drops[d] < i) d += 2; // a drop swallowed by a tag or comment
    if (d < drops.length && drops[d] === i) {
      i = skip(i, drops[d + 1]);
      d += 2;
      continue;
    }
    const code = raw.charCodeAt(i);
    if (code === 0x3c /* < */) {
      if (raw.startsWith('<!--', i)) {
        const close = raw.indexOf('-->', i + 4);
        i = skip(i, close < 0 ? n : close + 3);
        continue;
      }
      TAG.lastIndex = i;
      const tag = TAG.exec(raw);
      if (tag) {
        const name = tag[2].toLowerCase();
        let to = i + tag[0].length;
        if (!tag[1] && (name === 'script' || name === 'style')) {
          const closing = new RegExp(`</${name}\\s*>`, 'gi');
          closing.lastIndex = to;
          const found = closing.exec(raw);
          to = found ? found.index + found[0].length : n;
        }
        i = skip(i, to, INLINE_TAGS.has(name) ? '' : '\n');
        continue;
      }
    } else if (code === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(raw);
      const decoded = entity ? decodeEntity(entity) : undefined;
      if (entity && decoded !== undefined) {
        i = skip(i, i + entity[0].length, decoded);
        continue;
      }
    } else if (code === 0x2a || code === 0x5f || code === 0x7e /* * _ ~ */) {
      EMPHASIS_RUN.lastIndex = i;
      const run = EMPHASIS_RUN.exec(raw);
      if (run) {
        i = skip(i, i + run[0].length);
        continue;
      }
    }
    i += 1;
  }
  flush(n);
  return { raw, text: parts.join(''), start: start.subarray(0, length), end: end.subarray(0, length) };
};

/** Markdown block markers at the start of a line: headings, quotes, list bullets and numbers. */
const BLOCK_MARKERS = /^[ \t]*(?:(?:#{1,6}|>|[-*+])[ \t]+)+/gm;
/** What is left of emphasis after the offset map's reading: single `*`, `_`, `~` at a word edge, and backticks. */
const STRAY_EMPHASIS = /`+|(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu;

export interface RichTextToTextOptions {
  /** Keep line breaks (one per block, spaces collapsed); default false: all whitespace becomes one space. */
  lines?: boolean;
}

/**
 * The words a reader sees in a rich-text value (HTML, Markdown or both): tags, comments, scripts
 * and styles removed (block ends separate text), entities decoded (`&amp;` → `&`, `&nbsp;` → a
 * space, `&#x0F40;` → ཀ), markdown links and images reduced to their text, heading, quote and list
 * markers and emphasis removed, whitespace collapsed. Arrays are read item by item; null and
 * undefined give ''. The one HTML/Markdown-to-text of the suite: search indexes, feeds, channel
 * texts and page meta use it.
 */
export const richTextToText = (value: unknown, { lines = false }: RichTextToTextOptions = {}): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => richTextToText(v, { lines })).filter(Boolean).join(lines ? '\n' : ' ');
  const text = mapPlainText(String(value)).text.replace(BLOCK_MARKERS, '').replace(STRAY_EMPHASIS, '');
  if (!lines) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
};

/**
 * `text` with its HTML character references decoded by the `entities` library: every HTML5 name
 * and decimal/hex references (`&amp;` → `&`, `&nbsp;` → U+00A0, `&#x0F40;` → ཀ). In an attribute
 * value (`{ attribute: true }`, e.g. an href), a legacy name followed by `=` or a letter stays as
 * written, as browsers read it (`?a=1&copy=2` keeps `&copy`).
 */
export const decodeEntities = (text: string, { attribute = false }: { attribute?: boolean } = {}): string =>
  attribute ? decodeHTMLAttribute(text) : decodeHTML(text);
