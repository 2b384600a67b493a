import fs from 'fs';
import path from 'path';
import { plainTextOfEdit, rawRange, toPlainText } from './plain-text';

// The source articles live in shared/, beside the repository (as on every machine and in CI).
// The five source articles of the project brief, copied into the repo (tests never read ../shared).
const SEEDS = path.resolve(__dirname, '../../../../../tests/fixtures/source-articles');

/** Every plain unit that is not decoded or a separator is the raw unit it says it comes from. */
const expectFaithfulMap = (raw: string) => {
  const plain = toPlainText(raw);
  if (!plain.start) return expect(plain.text).toBe(raw);
  for (let i = 0; i < plain.text.length; i += 1) {
    if (plain.end![i] - plain.start![i] === 1) expect(raw[plain.start![i]]).toBe(plain.text[i]);
    expect(plain.start![i]).toBeGreaterThanOrEqual(i === 0 ? 0 : plain.start![i - 1]);
  }
};

describe('toPlainText', () => {
  it('returns text without markup as it is, with no map', () => {
    const plain = toPlainText('甘孜州人民政府 ལྕགས་ཟམ་རྫོང་། 𠮷');
    expect(plain.text).toBe(plain.raw);
    expect(plain.start).toBeUndefined();
    expect(rawRange(plain, 2, 4)).toEqual([2, 4]);
  });

  it('removes inline tags without a gap, so a word split by formatting is whole again', () => {
    const raw = '请认真部<span style="color:red">暑</span>落实';
    const plain = toPlainText(raw);
    expect(plain.text).toBe('请认真部暑落实');
    expect(rawRange(plain, 3, 5)).toEqual([3, raw.indexOf('</span>')]);
  });

  it('leaves a line break for block tags so cells and paragraphs never run together', () => {
    expect(toPlainText('<table><tr><td>138</td><td>12345678</td></tr></table>').text).toBe('\n\n\n138\n\n12345678\n\n\n');
    expect(toPlainText('<p>第一段</p><p>第二段</p><br/>').text).toBe('\n第一段\n\n第二段\n\n');
  });

  it('drops comments, scripts and styles with their content', () => {
    expect(toPlainText('甲<!-- 部暑 -->乙<script>var a = "<b>部暑</b>";</script>丙<STYLE>.x{}</STYLE>丁').text).toBe('甲乙\n丙\n丁');
  });

  it('decodes character references and maps them to the whole reference', () => {
    const raw = 'A&amp;B&#x20BB7;&#21513;&nbsp;&unknown;';
    const plain = toPlainText(raw);
    expect(plain.text).toBe('A&B𠮷吉\u00A0&unknown;');
    expect(rawRange(plain, 1, 2)).toEqual([1, 6]);
    expect(rawRange(plain, 3, 5)).toEqual([7, 16]); // both units of 𠮷 come from &#x20BB7;
  });

  it('keeps the text of markdown links and images, not their targets', () => {
    const raw = '详见[《部暑方案》](https://www.gzz.gov.cn/a_(1).html "标题")和![图 1](/img/a.png)。';
    const plain = toPlainText(raw);
    expect(plain.text).toBe('详见《部暑方案》和图 1。');
    const at = plain.text.indexOf('部暑');
    expect(raw.slice(...rawRange(plain, at, at + 2))).toBe('部暑');
  });

  it('removes bold and strike-through markers but not single * or _', () => {
    expect(toPlainText('**按装**与~~旧~~，a*b，snake_case').text).toBe('按装与旧，a*b，snake_case');
  });

  it('keeps < and & that are not markup', () => {
    expect(toPlainText('1 < 2 & 3 > 2，<某某>').text).toBe('1 < 2 & 3 > 2，<某某>');
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
    const projected = plainTextOfEdit(toPlainText(raw), edited, spans);
    expect(projected).toBe('\n号码 ***********&**********\nཨང་***********');
    expect(projected).toHaveLength(toPlainText(raw).text.length);
    expect(plainTextOfEdit(toPlainText('13812345678'), '***********', [[0, 11]])).toBe('***********');
  });

  it('stays linear on pathological markup', () => {
    const started = performance.now();
    toPlainText('<a x="'.repeat(20_000));
    toPlainText('[a]('.repeat(20_000));
    toPlainText('&#'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
