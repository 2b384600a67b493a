import { sanitizeHtml } from './sanitize-html';
import { toPlainText } from './to-plain-text';
import { wechatHtml } from './wechat-html';

describe('sanitizeHtml', () => {
  it('strips scripts, event handlers and javascript: links', () => {
    const dirty = '<p onclick="steal()">通知<script>alert(1)</script></p><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)><a href="JaVa&#115;cript:x">b</a>';
    const clean = sanitizeHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript/i);
    expect(clean).toContain('通知');
  });
});

describe('toPlainText', () => {
  it('gives readable text from HTML and markdown', () => {
    expect(toPlainText('<p>康定市&nbsp;通知</p><p>第二段</p>')).toBe('康定市 通知\n第二段');
    expect(toPlainText('## 标题\n\n**加粗**与[链接](https://x.gov.cn)')).toBe('标题\n加粗与链接');
  });
});

describe('wechatHtml', () => {
  it('inlines styles on every paragraph and keeps no script', () => {
    const html = wechatHtml('<p class="x">甘孜州</p><script>x()</script>');
    expect(html).toMatch(/^<p style="[^"]+">甘孜州<\/p>$/);
  });
  it('turns markdown paragraphs into styled paragraphs', () => {
    expect(wechatHtml('第一段\n\n第二段')).toBe(`<p style="margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;text-align:justify;">第一段</p><p style="margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;text-align:justify;">第二段</p>`);
  });
});
