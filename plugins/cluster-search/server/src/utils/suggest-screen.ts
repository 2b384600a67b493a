/** Full-width (０-９) and Tibetan (༠-༩) digits as ASCII, so a digit-run check sees every way of writing a number. */
export const digitShadowAscii = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[\u0F20-\u0F29]/g, (c) => String(c.charCodeAt(0) - 0x0f20));
