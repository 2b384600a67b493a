import { escapeXml, sanitizeRichText } from '@jiyue/kernel';

/**
 * WeChat's editor drops <style> and classes, so every element carries its style inline. The body
 * goes through the kernel's WeChat allow list first (no links, no author styles); markdown
 * paragraphs (blank-line separated) become <p>; the styled result passes the allow list again, so
 * what leaves for WeChat is exactly what the list allows.
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
  // Author styles go: the allow list keeps `style`, but only the article's own styling may set it.
  const html = isHtml(body ?? '') ? sanitizeRichText(sanitizeRichText(body, 'wechat').replace(/\sstyle="[^"]*"/g, ''), 'wechat') : markdownToHtml(body ?? '');
  const styled = html.replace(/<(p|h1|h2|h3|img|a|table|td|th|li|blockquote)\b/gi, (m, tag: string) => `${m} style="${STYLES[tag.toLowerCase()]}"`);
  return sanitizeRichText(styled, 'wechat');
};
