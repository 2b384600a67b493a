import fs from 'fs';
import path from 'path';
import { buildAhoCorasick, type AhoCorasickMatch } from './aho-corasick';

const cluster = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../database/seeds/garze-cluster.json'), 'utf8'));

const spans = (patterns: string[], matches: AhoCorasickMatch[]) => matches.map((m) => [patterns[m.pattern], m.start, m.end]);

/** Every occurrence of every pattern by brute force, in the order find() promises. */
const bruteForce = (patterns: string[], text: string): AhoCorasickMatch[] => {
  const out: AhoCorasickMatch[] = [];
  patterns.forEach((p, pattern) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push({ pattern, start: at, end: at + p.length });
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern - b.pattern);
};

describe('buildAhoCorasick', () => {
  it('finds overlapping patterns (the textbook he/she/his/hers)', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    expect(spans(patterns, buildAhoCorasick(patterns).find('ushers'))).toEqual([
      ['she', 1, 4],
      ['hers', 2, 6],
      ['he', 2, 4],
    ]);
  });

  it('finds patterns that are prefixes and suffixes of others', () => {
    const patterns = ['部', '部暑', '部暑期', '暑期'];
    const ac = buildAhoCorasick(patterns);
    expect(spans(patterns, ac.find('全部暑期活动'))).toEqual([
      ['部暑期', 1, 4],
      ['部暑', 1, 3],
      ['部', 1, 2],
      ['暑期', 2, 4],
    ]);
    expect(spans(patterns, ac.find('全部暑期活动', { longestAtStart: true }))).toEqual([
      ['部暑期', 1, 4],
      ['暑期', 2, 4],
    ]);
  });

  it('agrees with a brute-force search on random texts over a small alphabet', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['部', '署', '暑', 'a', '𠮷'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round += 1) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 12) }, () => word(4));
      const text = word(200);
      expect(buildAhoCorasick(patterns).find(text)).toEqual(bruteForce(patterns, text));
    }
  });

  it('reports offsets in UTF-16 units across surrogate pairs', () => {
    const patterns = ['𠮷', '𠮷野', '野家'];
    const text = '去𠮷野家吃饭，𠮷';
    expect(spans(patterns, buildAhoCorasick(patterns).find(text))).toEqual([
      ['𠮷野', 1, 4],
      ['𠮷', 1, 3],
      ['野家', 3, 5],
      ['𠮷', 8, 10],
    ]);
    // 吉 (U+5409) is a different character from 𠮷 (U+20BB7): no match either way.
    expect(buildAhoCorasick(['吉']).find(text)).toEqual([]);
    expect(buildAhoCorasick(['𠮷']).find('吉野家')).toEqual([]);
  });

  it('matches Tibetan from the Garzê cluster names', () => {
    const luding: string = cluster.counties.find((c: { code: string }) => c.code === 'luding').bo; // ལྕགས་ཟམ་རྫོང་།
    const patterns = ['ཟམ', 'རྫོང', 'ལྕགས་ཟམ'];
    const found = spans(patterns, buildAhoCorasick(patterns).find(luding));
    expect(found).toEqual([
      ['ལྕགས་ཟམ', 0, 7],
      ['ཟམ', 5, 7],
      ['རྫོང', 8, 12],
    ]);
    for (const [pattern, start, end] of found) expect(luding.slice(start as number, end as number)).toBe(pattern);
  });

  it('is case-insensitive for Latin letters unless told otherwise', () => {
    const patterns = ['Lorem Ipsum', 'ＡＰＰ', 'café'];
    const text = 'LOREM IPSUM 下载ａｐｐ CAFÉ';
    expect(spans(patterns, buildAhoCorasick(patterns).find(text))).toEqual([
      ['Lorem Ipsum', 0, 11],
      ['ＡＰＰ', 14, 17],
      ['café', 18, 22],
    ]);
    expect(buildAhoCorasick(patterns, { caseInsensitive: false }).find(text)).toEqual([]);
  });

  it('reports every pattern index of duplicate patterns and ignores empty ones', () => {
    const ac = buildAhoCorasick(['按装', '', '按装']);
    expect(ac.find('请按装')).toEqual([
      { pattern: 0, start: 1, end: 3 },
      { pattern: 2, start: 1, end: 3 },
    ]);
    expect(buildAhoCorasick([]).find('任何文本')).toEqual([]);
  });

  it('scans a long text in one pass whatever the number of patterns', () => {
    const patterns = Array.from({ length: 5000 }, (_, i) => `词${i}号`);
    const ac = buildAhoCorasick(patterns);
    const text = '词1号'.padEnd(200_000, '政务公开');
    const started = performance.now();
    expect(ac.find(text)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
