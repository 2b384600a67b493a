import { markupRanges, textSegments } from './markup-free-segments';
import { compileSafePattern } from './safe-pattern';
import { fieldMatches, replacedValue } from './field-matches';

const replaceAll = (value: string, kind: 'plain' | 'richtext', find: string, replace: string, regex = false) => {
  const pattern = compileSafePattern(find, replace, { regex, maxLength: 500 });
  const matches = fieldMatches('body', kind, value, pattern, { left: 1000 }, 10);
  return replacedValue(kind, value, matches);
};

describe('markup-free segments of richtext', () => {
  it('protects tags, attributes, entities, comments, scripts and markdown link targets', () => {
    const raw = '<p class="甘孜">甘孜 &amp; [甘孜](https://gzz.gov.cn/甘孜 "甘孜")</p><!-- 甘孜 --><script>var 甘孜=1</script>\n[甘孜]: https://x/甘孜';
    const protectedText = markupRanges(raw).map(([a, b]) => raw.slice(a, b));
    expect(protectedText).toEqual(['<p class="甘孜">', '&amp;', '(https://gzz.gov.cn/甘孜 "甘孜")', '</p>', '<!-- 甘孜 -->', '<script>var 甘孜=1</script>', '[甘孜]: https://x/甘孜']);
    expect(replaceAll(raw, 'richtext', '甘孜', '康定')).toBe(
      '<p class="甘孜">康定 &amp; [康定](https://gzz.gov.cn/甘孜 "甘孜")</p><!-- 甘孜 --><script>var 甘孜=1</script>\n[甘孜]: https://x/甘孜'
    );
  });

  it('never lets a regex run across markup, and treats plain fields as plain', () => {
    expect(replaceAll('<b>人社</b>局 人社局', 'richtext', '人社.*局', '人力资源和社会保障局', true)).toBe('<b>人社</b>局 人力资源和社会保障局');
    expect(replaceAll('a<b>c', 'plain', '<b>', '-')).toBe('a-c');
    expect(textSegments('', false)).toEqual([]);
  });

  it('stays linear on hostile markup', () => {
    const raw = '<a'.repeat(50_000) + '](' .repeat(50_000) + '&'.repeat(50_000);
    const started = Date.now();
    markupRanges(raw);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('replaces text nodes of blocks and nothing else', () => {
    const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: '甘孜州人社局' }, { type: 'link', url: 'https://x/甘孜州人社局', children: [{ type: 'text', text: '甘孜州人社局官网' }] }] }];
    const pattern = compileSafePattern('人社局', '人力资源和社会保障局', { regex: false, maxLength: 500 });
    const matches = fieldMatches('body', 'blocks', blocks, pattern, { left: 100 }, 5);
    expect(matches.map((m) => m.path)).toEqual([
      ['body', 0, 'children', 0, 'text'],
      ['body', 0, 'children', 1, 'children', 0, 'text'],
    ]);
    const out = replacedValue('blocks', blocks, matches) as any;
    expect(out[0].children[0].text).toBe('甘孜州人力资源和社会保障局');
    expect(out[0].children[1].url).toBe('https://x/甘孜州人社局');
    expect(out[0].children[1].children[0].text).toBe('甘孜州人力资源和社会保障局官网');
    expect(blocks[0].children[0].text).toBe('甘孜州人社局');
  });

  it('gives before/after excerpts that do not cut a Tibetan syllable', () => {
    const value = 'དཀར་མཛེས་ཁུལ་甘孜州人社局བཀྲ་ཤིས་བདེ་ལེགས';
    const pattern = compileSafePattern('人社局', '人力资源和社会保障局', { regex: false, maxLength: 500 });
    const [m] = fieldMatches('title', 'plain', value, pattern, { left: 10 }, 8);
    expect(m.before).toBe('…ཁུལ་甘孜州人社局བཀྲ་ཤིས་…');
    expect(m.after).toBe('…ཁུལ་甘孜州人力资源和社会保障局བཀྲ་ཤིས་…');
  });
});
