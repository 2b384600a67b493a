import { sanitizeRichText } from '@jiyue/kernel';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable plain text from rich text (HTML or markdown): no tags, no markdown syntax, whitespace collapsed. */
export const toPlainText = (value: string): string =>
  // Block ends become line breaks, then the kernel's text-only (Weibo) list removes every tag: a
  // parser, not a regex, decides what is markup. Its output escapes &, < and >; they are decoded below.
  sanitizeRichText(String(value ?? '').replace(/<br\s*\/?>|<\/p>|<\/h[1-6]>|<\/li>/gi, '$&\n'), 'weibo')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITIES[e.toLowerCase()] ?? m
    )
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
