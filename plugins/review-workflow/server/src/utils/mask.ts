/**
 * Masking (脱敏) of personal data for publication, in the shapes Chinese government sites use.
 * Only digit positions count and only they are replaced, one `*` per character: separators and the
 * digits' own script (full-width, Tibetan) stay, and the masked text has the length of the
 * original, so it can replace the original in place without moving any other offset.
 */

export type MaskKind = 'resident-id' | 'mobile' | 'bank-card';

// [kept at the start, kept at the end], counted in digits (X counts as a digit of an ID).
const KEEP: Record<MaskKind, [number, number]> = {
  'resident-id': [6, 4], // region code and the last four: 513301********1234
  mobile: [3, 4], // 138****5678
  'bank-card': [4, 4], // 6222 **** **** 0123
};

const isDigitLike = (code: number) =>
  (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || (code >= 0x0f20 && code <= 0x0f29) || code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;

export const mask = (text: string, kind: MaskKind): string => {
  const [head, tail] = KEEP[kind];
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) if (isDigitLike(text.charCodeAt(i))) digits += 1;
  let seen = 0;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (!isDigitLike(text.charCodeAt(i))) {
      out += text[i];
      continue;
    }
    seen += 1;
    out += seen <= head || seen > digits - tail ? text[i] : '*';
  }
  return out;
};
