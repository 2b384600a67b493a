/**
 * A same-length "shadow" of a text for number scanning: full-width digits ０-９ and Tibetan digits
 * ༠-༩ (U+0F20–U+0F29) become ASCII 0-9, full-width Latin letters become ASCII letters. Each of
 * these is one UTF-16 unit on both sides, so an index into the shadow is an index into the text
 * and findings keep their offsets. Everything else is copied unchanged.
 */
export const digitShadow = (text: string): string => {
  // Fast path: nothing to map in most texts.
  if (!/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u0F20-\u0F29]/.test(text)) return text;
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u0F20-\u0F29]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x0f20 && code <= 0x0f29) return String.fromCharCode(48 + code - 0x0f20);
    return String.fromCharCode(code - 0xfee0); // full-width forms sit 0xFEE0 above ASCII
  });
};
