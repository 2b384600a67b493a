import sanitize from 'sanitize-html';

/**
 * The one HTML sanitiser of the suite (sanitize-html, a maintained parser-based library built on
 * htmlparser2; never regular expressions). Every rich-text value that leaves the server goes through
 * it with the allow list of where it is going:
 *
 *   web      site builders' public item pages: structural and inline text markup, links, images, tables
 *   feed     RSS / JSON Feed readers: the web list without tables' layout attributes or images' sizes
 *   webhook  receivers of webhooks (apps, portals): the web list
 *   wechat   WeChat article HTML (draft/add `content`): WeChat strips external links, classes, ids and
 *            <style>, keeps inline `style`; only the properties our own styling uses are kept
 *   weibo    Weibo posts are plain text: no tags at all (text of <script>/<style> dropped, the rest kept)
 *
 * URLs: only http, https, mailto and tel (images: http and https); no protocol-relative URLs. The
 * library decodes entities before it checks a scheme, so `java&#x09;script:`, `javascript&colon;`,
 * `&#106;avascript:` and mixed case are all caught. Comments are removed; disallowed tags are
 * dropped, and the content of script, style, textarea, option and noscript with them.
 */
export type SanitizeProfile = 'web' | 'feed' | 'webhook' | 'wechat' | 'weibo';

const TEXT_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'span',
];
const TABLE_TAGS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'];

const COMMON: sanitize.IOptions = {
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const WEB: sanitize.IOptions = {
  ...COMMON,
  allowedTags: [...TEXT_TAGS, 'a', 'img', 'figure', 'figcaption', ...TABLE_TAGS],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  // Links that leave the site never get the page's window (reverse tabnabbing) or its referrer.
  transformTags: { a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

const FEED: sanitize.IOptions = {
  ...WEB,
  allowedTags: [...TEXT_TAGS, 'a', 'img', 'figure', 'figcaption', ...TABLE_TAGS],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'] },
};

/** The inline CSS WeChat keeps and our article styling uses; values are plain lengths, colours and keywords. */
const CSS_VALUE = [/^[#\w\s.,%-]+$/];
const WECHAT_STYLES = Object.fromEntries(
  [
    'margin', 'padding', 'line-height', 'font-size', 'font-weight', 'color', 'text-align', 'max-width', 'width', 'height',
    'display', 'border', 'border-left', 'border-collapse', 'background', 'text-decoration',
  ].map((p) => [p, CSS_VALUE])
);
const WECHAT_TAGS = [...TEXT_TAGS, 'section', 'img', 'figure', 'figcaption', ...TABLE_TAGS];

const WECHAT: sanitize.IOptions = {
  ...COMMON,
  // No <a>: WeChat removes links to anything but its own articles; the link text stays.
  allowedTags: WECHAT_TAGS,
  allowedAttributes: {
    '*': ['style'],
    img: ['src', 'alt', 'style'],
    th: ['colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
  },
  allowedStyles: { '*': WECHAT_STYLES },
};

const WEIBO: sanitize.IOptions = { ...COMMON, allowedTags: [], allowedAttributes: {} };

const PROFILES: Record<SanitizeProfile, sanitize.IOptions> = {
  web: WEB,
  feed: FEED,
  webhook: WEB,
  wechat: WECHAT,
  weibo: WEIBO,
};

export const SANITIZE_PROFILES = Object.keys(PROFILES) as SanitizeProfile[];

/**
 * Safe HTML for the given destination: unknown tags and attributes, scripts and unsafe URLs removed.
 * NUL characters are removed first (browsers ignore them inside a scheme or a tag name). A `>` is
 * given back unescaped: it opens nothing in HTML text or in a (always double-quoted) attribute
 * value, and rich text is often markdown, where `>` starts a block quote.
 */
export const sanitizeRichText = (html: string | null | undefined, profile: SanitizeProfile = 'web'): string => {
  const options = PROFILES[profile];
  if (!options) throw new Error(`sanitizeRichText: unknown profile "${String(profile)}"`);
  return sanitize(String(html ?? '').replace(/\u0000/g, ''), options).replace(/&gt;/g, '>');
};

/**
 * Every string inside a JSON value (objects and arrays at any depth) through `sanitizeRichText`, for
 * payloads whose fields have no schema to say which are rich text (e.g. a webhook `notify` event's
 * `data`). Numbers, booleans and null are kept; keys are kept as they are.
 */
export const sanitizeStrings = (value: unknown, profile: SanitizeProfile, depth = 0): unknown => {
  if (typeof value === 'string') return sanitizeRichText(value, profile);
  if (!value || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => sanitizeStrings(v, profile, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, sanitizeStrings(v, profile, depth + 1)]));
};
