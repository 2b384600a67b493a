import sanitize from 'sanitize-html';

/**
 * The one HTML sanitiser of the suite (sanitize-html, a maintained parser-based library; never
 * regular expressions). Every rich-text value that leaves the server goes through it with the allow
 * list of where it is going. First version: the owner of the trust issue's "output sanitising" item
 * refines the lists per channel; callers depend only on `sanitizeRichText(html, profile)`.
 */
export type SanitizeProfile = 'web' | 'feed' | 'webhook' | 'wechat' | 'weibo';

const WEB: sanitize.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'span',
    'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const PROFILES: Record<SanitizeProfile, sanitize.IOptions> = {
  web: WEB,
  feed: WEB,
  webhook: WEB,
  wechat: WEB,
  weibo: { allowedTags: [], allowedAttributes: {} },
};

/** Safe HTML for the given destination: unknown tags and attributes, scripts and unsafe URLs removed. */
export const sanitizeRichText = (html: string | null | undefined, profile: SanitizeProfile = 'web'): string =>
  sanitize(html ?? '', PROFILES[profile]);
