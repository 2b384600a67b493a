const TIBETAN_DIGIT_ZERO = 0x0f20;

/**
 * One form for documents and queries alike: NFKC folds full-width letters, digits and punctuation to
 * half-width (ＡＢＣ１２３ → abc123) and composes Tibetan; Tibetan digits ༠–༩ become 0–9 so a year typed
 * either way matches; lower case for Latin.
 */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u0f20-\u0f29]/g, (d) => String(d.charCodeAt(0) - TIBETAN_DIGIT_ZERO))
    .toLowerCase();

/** Markdown and HTML reduced to the words a reader sees, for indexing and snippets. */
export const plainText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(plainText).join(' ') : String(value);
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[#>\-*+\s]+/gm, '')
    .replace(/[*_`~]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
};
