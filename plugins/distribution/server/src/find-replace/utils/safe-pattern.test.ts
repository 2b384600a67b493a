import { compileSafePattern, UnsafePatternError } from './safe-pattern';

const all = (find: string, replace: string, text: string, regex = false) => {
  const out: [number, number, string][] = [];
  compileSafePattern(find, replace, { regex, maxLength: 500 }).find(text, (s, e, r) => {
    out.push([s, e, r]);
  });
  return out;
};

describe('compileSafePattern', () => {
  it('finds a literal phrase as a plain substring, non-overlapping, in UTF-16 offsets', () => {
    const text = '𠮷甘孜州人力资源和社会保障局、甘孜州人力资源和社会保障局';
    expect(all('甘孜州人力资源和社会保障局', '甘孜州人社局', text)).toEqual([
      [2, 15, '甘孜州人社局'],
      [16, 29, '甘孜州人社局'],
    ]);
    // Regex metacharacters are literal in literal mode.
    expect(all('a.b', 'x', 'acb a.b')).toEqual([[4, 7, 'x']]);
  });

  it('runs regular expressions on RE2 with $n and ${name} in the replacement', () => {
    expect(all('(\\p{Han}{2})县人民政府', '$1县政府', '康定县人民政府和泸定县人民政府', true)).toEqual([
      [0, 7, '康定县政府'],
      [8, 15, '泸定县政府'],
    ]);
    expect(all('(?P<year>\\d{4})年', '${year}年度 $$', '2024年', true)).toEqual([[0, 5, '2024年度 $']]);
  });

  it('refuses backreferences and lookaround with a clear message', () => {
    for (const p of ['(a)\\1', '(?=a)b', '(?!a)b', '(?<=a)b', '(?<!a)b']) {
      expect(() => compileSafePattern(p, 'x', { regex: true, maxLength: 500 })).toThrow(UnsafePatternError);
    }
    expect(() => compileSafePattern('(人)\\1', 'x', { regex: true, maxLength: 500 })).toThrow(/Backreferences/);
  });

  it('refuses empty finds, over-long patterns, empty-matching patterns and unknown groups', () => {
    expect(() => compileSafePattern('', 'x', { regex: false, maxLength: 500 })).toThrow(/empty/);
    expect(() => compileSafePattern('a'.repeat(501), 'x', { regex: false, maxLength: 500 })).toThrow(/longer than 500/);
    expect(() => compileSafePattern('a*', 'x', { regex: true, maxLength: 500 })).toThrow(/empty string/);
    expect(() => compileSafePattern('(a)', '$2', { regex: true, maxLength: 500 })).toThrow(/group \$2/);
  });

  it('matches a catastrophic pattern against a long input in linear time', () => {
    const text = `${'a'.repeat(100_000)}!`;
    const started = Date.now();
    expect(all('(a+)+$', 'x', text, true)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
