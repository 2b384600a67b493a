import { escapeXml } from './escape-xml';
import { sanitizeHtml } from './sanitize-html';

/**
 * WeChat's editor drops <style> and classes, so every element carries its style inline. The body
 * is sanitized first; markdown paragraphs (blank-line separated) become <p>.
 */
const STYLES: Record<string, string> = {
  p: 'margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;text-align:justify;',
  h1: 'margin:1em 0 .6em;font-size:20px;font-weight:bold;color:#b5121b;',
  h2: 'margin:1em 0 .6em;font-size:18px;font-weight:bold;color:#b5121b;',
  h3: 'margin:1em 0 .6em;font-size:17px;font-weight:bold;color:#333;',
  img: 'max-width:100%;height:auto;display:block;margin:0 auto;',
  a: 'color:#1e5aa8;text-decoration:none;',
  table: 'border-collapse:collapse;width:100%;',
  td: 'border:1px solid #ddd;padding:4px 6px;',
  th: 'border:1px solid #ddd;padding:4px 6px;background:#f5f5f5;',
  li: 'line-height:1.75;font-size:16px;color:#333;',
  blockquote: 'margin:1em 0;padding:.5em 1em;border-left:3px solid #b5121b;color:#666;',
};

const isHtml = (text: string) => /<\/?[a-z][\s\S]*?>/i.test(text);

const markdownToHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const heading = /^(#{1,3})\s+(.*)$/.exec(block);
      if (heading) return `<h${heading[1].length}>${escapeXml(heading[2])}</h${heading[1].length}>`;
      return `<p>${escapeXml(block).replace(/\n/g, '<br/>')}</p>`;
    })
    .join('');

export const wechatHtml = (body: string): string => {
  const html = isHtml(body ?? '') ? sanitizeHtml(body) : markdownToHtml(body ?? '');
  return html
    .replace(/\s+(class|style|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/<(p|h1|h2|h3|img|a|table|td|th|li|blockquote)\b/gi, (m, tag: string) => `${m} style="${STYLES[tag.toLowerCase()]}"`);
};
