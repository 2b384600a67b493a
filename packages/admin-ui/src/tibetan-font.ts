// The web font for Tibetan, for users whose machine has none: Noto Serif Tibetan (OFL) from
// @fontsource, limited by unicode-range to the Tibetan block so Latin and Chinese keep the admin's fonts.
import regular from '@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-400-normal.woff2?url';
import bold from '@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-700-normal.woff2?url';

export const TIBETAN_FONT_FAMILY = 'Noto Serif Tibetan';
export const TIBETAN_UNICODE_RANGE = 'U+0F00-0FFF';

/** The admin's own font stack (the design system's body font), with the Tibetan face first: it only covers U+0F00-0FFF. */
const ADMIN_FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Oxygen, Ubuntu, Cantarell, 'Open Sans', 'Helvetica Neue', sans-serif";

const STYLE_ID = 'jiyue-tibetan-font';

const face = (weight: number, url: string) => `
@font-face {
  font-family: '${TIBETAN_FONT_FAMILY}';
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url(${url}) format('woff2');
  unicode-range: ${TIBETAN_UNICODE_RANGE};
}`;

export const tibetanFontCss = () => `${face(400, regular)}${face(700, bold)}
html body, html body input, html body textarea, html body select, html body button {
  font-family: '${TIBETAN_FONT_FAMILY}', ${ADMIN_FONT_STACK};
}
`;

/**
 * Adds the Tibetan @font-face and the font stack to the whole admin (our screens and Strapi's own views).
 * Idempotent: every plugin's admin may call it; the style is added once.
 */
export const injectTibetanFont = (doc: Document = document) => {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = tibetanFontCss();
  doc.head.appendChild(style);
};
