import { runs } from '@jiyue/kernel';
import { identifierKey } from './identifier-key';
import { snippet, highlight, matchRanges } from './snippet';
import { ftsExpression } from '../engines/fts-expression';
import { regionParents } from './site-map';

describe('identifierKey', () => {
  it('makes document numbers comparable across bracket styles and widths', () => {
    expect(identifierKey('甘府发〔2023〕12号')).toBe(identifierKey('甘府发[2023]12号'));
    expect(identifierKey('甘府发（２０２３）12号')).toBe('甘府发202312号');
    expect(identifierKey('')).toBeNull();
  });
});

describe('snippets', () => {
  it('marks matches and escapes the rest', () => {
    expect(highlight('a<b>医保</b>', matchRanges('a<b>医保</b>', ['医保']))).toBe('a&lt;b&gt;<mark>医保</mark>&lt;/b&gt;');
    expect(snippet('前'.repeat(200) + '防汛' + '后'.repeat(200), ['防汛'], 40)).toMatch(/^…前+<mark>防汛<\/mark>后+…$/);
    expect(snippet('ＡＢＣ社区', ['abc'])).toBe('<mark>ＡＢＣ</mark>社区');
  });
});

describe('ftsExpression', () => {
  it('ANDs terms, ORs synonyms, and falls back to bigram phrases', () => {
    const expression = ftsExpression([[runs('医保'), runs('医疗保险')]])!;
    expect(expression).toContain('OR');
    expect(expression).toContain('"医疗 疗保 保险"');
    expect(ftsExpression([[runs('医疗保险')]], true)).toBe('(tw : "x医疗" AND tw : "x保险")');
    expect(ftsExpression([])).toBeNull();
  });
});

describe('regionParents', () => {
  it('walks GB/T 2260 codes up to the province', () => {
    expect(regionParents('513322')).toEqual(['513300', '510000']);
    expect(regionParents('513300')).toEqual(['510000']);
    expect(regionParents('510000')).toEqual([]);
  });
});

