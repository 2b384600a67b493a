/**
 * Markup that is safe to hand to another platform: no script, style, iframe, object or form
 * elements, no `on*` event handlers, no `javascript:`/`vbscript:`/`data:` URLs (except data:image).
 * Works on the subset of HTML our rich-text fields hold; anything it cannot parse is dropped, not kept.
 */
const DROP_WITH_CONTENT = /<(script|style|iframe|object|embed|noscript|template|form|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const DROP_TAG = /<\/?(script|style|iframe|object|embed|noscript|template|form|input|button|textarea|select|link|meta|base|svg|math)\b[^>]*>/gi;
const EVENT_ATTR = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const URL_ATTR = /\s+(href|src|xlink:href|action|formaction)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const unsafeUrl = (value: string) => {
  const v = value.replace(/[\u0000-\u001F\s]+/g, '').replace(/&#(x?)([0-9a-f]+);?/gi, (_, hex, n) => String.fromCharCode(parseInt(n, hex ? 16 : 10))).toLowerCase();
  return /^(javascript|vbscript):/.test(v) || (v.startsWith('data:') && !v.startsWith('data:image/'));
};

export const sanitizeHtml = (html: string): string =>
  (html ?? '')
    .replace(DROP_WITH_CONTENT, '')
    .replace(DROP_TAG, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(EVENT_ATTR, '')
    .replace(URL_ATTR, (whole, name, _q, dq, sq, bare) => (unsafeUrl(dq ?? sq ?? bare ?? '') ? '' : whole));
