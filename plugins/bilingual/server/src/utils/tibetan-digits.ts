/** Tibetan digits ༠–༩ (U+0F20–U+0F29) as ASCII digits, so numbers written either way parse and match alike. */
export const tibetanDigitsToArabic = (text: string): string =>
  text.replace(/[\u0F20-\u0F29]/gu, (d) => String(d.codePointAt(0)! - 0x0f20));
