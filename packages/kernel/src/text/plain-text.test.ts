import fs from 'fs';
import path from 'path';
import { decodeEntities, mapPlainText, plainTextOfEdit, rawRange, richTextToText } from './plain-text';

// The source articles live in shared/, beside the repository (as on every machine and in CI).
// The five source articles of the project brief, copied into the repo, so a fresh clone runs these tests as they are.
const SEEDS = path.resolve(__dirname, '../../../../tests/fixtures/source-articles');

/** Every plain unit that is not decoded or a separator is the raw unit it says it comes from. */
const expectFaithfulMap = (raw: string) => {
  const plain = mapPlainText(raw);
  if (!plain.start) return expect(plain.text).toBe(raw);
  for (let i = 0; i < plain.text.length; i += 1) {
    if (plain.end![i] - plain.start![i] === 1) expect(raw[plain.start![i]]).toBe(plain.text[i]);
    expect(plain.start![i]).toBeGreaterThanOrEqual(i === 0 ? 0 : plain.start![i - 1]);
  }
};

describe('mapPlainText', () => {
  it('returns text without markup as it is, with no map', () => {
    const plain = mapPlainText('甘孜州人民政府 ལྕགས་ཟམ་རྫོང་། 𠮷');
    expect(plain.text).toBe(plain.raw);
    expect(plain.start).toBeUndefined();
    expect(rawRange(plain, 2, 4)).toEqual([2, 4]);
  });

  it('removes inline tags without a gap, so a word split by formatting is whole again', () => {
    const raw = '请认真部<span style="color:red">暑</span>落实';
    const plain = mapPlainText(raw);
    expect(plain.text).toBe('请认真部暑落实');
    expect(rawRange(plain, 3, 5)).toEqual([3, raw.indexOf('</span>')]);
  });

  it('leaves a line break for block tags so cells and paragraphs never run together', () => {
    expect(mapPlainText('<table><tr><td>138</td><td>12345678</td></tr></table>').text).toBe('\n\n\n138\n\n12345678\n\n\n');
    expect(mapPlainText('<p>第一段</p><p>第二段</p><br/>').text).toBe('\n第一段\n\n第二段\n\n');
  });

  it('drops comments, scripts and styles with their content', () => {
    expect(mapPlainText('甲<!-- 部暑 -->乙<script>var a = "<b>部暑</b>";</script>丙<STYLE>.x{}</STYLE>丁').text).toBe('甲乙\n丙\n丁');
  });

  it('decodes character references and maps them to the whole reference', () => {
    const raw = 'A&amp;B&#x20BB7;&#21513;&nbsp;&unknown;';
    const plain = mapPlainText(raw);
    expect(plain.text).toBe('A&B𠮷吉\u00A0&unknown;');
    expect(rawRange(plain, 1, 2)).toEqual([1, 6]);
    expect(rawRange(plain, 3, 5)).toEqual([7, 16]); // both units of 𠮷 come from &#x20BB7;
  });

  it('keeps the text of markdown links and images, not their targets', () => {
    const raw = '详见[《部暑方案》](https://www.gzz.gov.cn/a_(1).html "标题")和![图 1](/img/a.png)。';
    const plain = mapPlainText(raw);
    expect(plain.text).toBe('详见《部暑方案》和图 1。');
    const at = plain.text.indexOf('部暑');
    expect(raw.slice(...rawRange(plain, at, at + 2))).toBe('部暑');
  });

  it('removes bold and strike-through markers but not single * or _', () => {
    expect(mapPlainText('**按装**与~~旧~~，a*b，snake_case').text).toBe('按装与旧，a*b，snake_case');
  });

  it('keeps < and & that are not markup', () => {
    expect(mapPlainText('1 < 2 & 3 > 2，<某某>').text).toBe('1 < 2 & 3 > 2，<某某>');
  });

  it('maps Tibetan and astral characters unchanged', () => {
    expectFaithfulMap('<p>ལྕགས་ཟམ་<b>རྫོང་</b>།</p>𠮷<i>野</i>家&amp;');
  });

  it('maps a real article with markup added back to its raw offsets', () => {
    const text = fs.readFileSync(path.join(SEEDS, '003_f0938ed12cd2f9e1.txt'), 'utf8');
    const raw = text.split('\n').map((line, i) => (i % 3 === 0 ? `<p>${line}</p>` : i % 3 === 1 ? `**${line}**` : `[${line}](https://www.gzz.gov.cn/${i})`)).join('\n');
    expectFaithfulMap(raw);
  });

  it('projects a same-length edit of the raw text without converting again', () => {
    const raw = '<p>号码 <b>13812345678</b>&amp;[5133011990](https://x.cn/51330119900101)</p>ཨང་༡༣༨༡༢༣༤༥༦༧༨';
    const spans: [number, number][] = [];
    const edited = raw.replace(/[0-9\u0F20-\u0F29]{10,}/g, (digits, at: number) => {
      spans.push([at, at + digits.length]);
      return '*'.repeat(digits.length);
    });
    const projected = plainTextOfEdit(mapPlainText(raw), edited, spans);
    expect(projected).toBe('\n号码 ***********&**********\nཨང་***********');
    expect(projected).toHaveLength(mapPlainText(raw).text.length);
    expect(plainTextOfEdit(mapPlainText('13812345678'), '***********', [[0, 11]])).toBe('***********');
  });

  it('stays linear on pathological markup', () => {
    const started = performance.now();
    mapPlainText('<a x="'.repeat(20_000));
    mapPlainText('[a]('.repeat(20_000));
    mapPlainText('&#'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('entity decoding (the entities library)', () => {
  it('decodes &amp;, &lt;, &gt;, &quot;, &nbsp;, numeric and every HTML5 name', () => {
    expect(mapPlainText('&amp;&lt;&gt;&quot;&apos;&nbsp;&#x0F40;&#3904;&hellip;&notin;&Afr;').text).toBe('&<>"\'\u00A0ཀཀ…∉𝔄');
  });

  it('leaves references that name no character as written, and maps every decoded unit to its reference', () => {
    const raw = '&#0;&#xD800;&#x110000;&ampx;&foo;&#x0F40;';
    const plain = mapPlainText(raw);
    expect(plain.text).toBe('&#0;&#xD800;&#x110000;&ampx;&foo;ཀ');
    const at = plain.text.indexOf('ཀ');
    expect(raw.slice(...rawRange(plain, at, at + 1))).toBe('&#x0F40;');
  });

  it('decodes attribute values as a browser does', () => {
    expect(decodeEntities('https://x.cn/?a=1&amp;b=2&copy=3', { attribute: true })).toBe('https://x.cn/?a=1&b=2&copy=3');
    expect(decodeEntities('&amp; &lt;b&gt; &#x0F40;')).toBe('& <b> ཀ');
  });
});

describe('richTextToText', () => {
  it('gives the words a reader sees: entities decoded, &nbsp; a space, never "amp" or "nbsp"', () => {
    expect(richTextToText('<p>供暖&amp;供气&nbsp;安全 &lt;提示&gt; &#x0F40;&#x0F0B;</p>')).toBe('供暖&供气 安全 <提示> ཀ་');
    expect(richTextToText('A &amp;amp; B')).toBe('A &amp; B');
  });

  it('reads markdown: headings, quotes, list markers, emphasis, links and images', () => {
    const md = '# 标题\n\n> 引用\n\n- 第一项 **重点**\n* 第二项 `代码`\n\n详见[《方案》](https://x.cn/a "t")![图 1](/a.png)，*强调*，snake_case，1~3';
    expect(richTextToText(md)).toBe('标题 引用 第一项 重点 第二项 代码 详见《方案》图 1，强调，snake_case，1~3');
    expect(richTextToText(md, { lines: true })).toBe('标题\n引用\n第一项 重点\n第二项 代码\n详见《方案》图 1，强调，snake_case，1~3');
  });

  it('reads HTML: block ends separate lines, inline tags join, scripts and comments go', () => {
    const html = '<h2>一、总体要求</h2><p>以<b>习近平</b>新时代<script>alert(1)</script><!-- x --></p><ul><li>甲</li><li>乙</li></ul>';
    expect(richTextToText(html, { lines: true })).toBe('一、总体要求\n以习近平新时代\n甲\n乙');
    expect(richTextToText(html)).toBe('一、总体要求 以习近平新时代 甲 乙');
  });

  it('keeps Tibetan, astral Han and emoji whole, and reads arrays and empty values', () => {
    expect(richTextToText(['<p>བསྒྲུབས་པ།</p>', null, '𠮷📢'])).toBe('བསྒྲུབས་པ། 𠮷📢');
    expect(richTextToText(null)).toBe('');
    expect(richTextToText(undefined)).toBe('');
    expect(richTextToText(12)).toBe('12');
  });
});
