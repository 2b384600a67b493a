import { runs, segmentForIndex, bigrams } from './segment';
import { normalizeText } from './normalize';
import { identifierKey } from './identifier-key';
import { snippet, highlight, matchRanges } from './snippet';
import { ftsExpression } from '../engines/fts-expression';
import { regionParents } from './site-map';

describe('normalizeText', () => {
  it('folds full-width to half-width, Tibetan digits to ASCII, Latin to lower case', () => {
    expect(normalizeText('ＡＢＣ１２３，')).toBe('abc123,');
    expect(normalizeText('ལོ་༢༠༢༤')).toBe('ལོ་2024');
  });
});

describe('runs', () => {
  it('segments Chinese into dictionary words and keeps script runs apart', () => {
    const out = runs('ABC社区2025年度防汛演练');
    expect(out.map((r) => r.kind)).toEqual(['other', 'han', 'other', 'han']);
    expect(out[3].words.join('|')).toContain('防汛');
  });

  it('splits Tibetan at the tsheg and drops tsheg and shad', () => {
    const [run] = runs('དཀར་མཛེས་ཁུལ་གྱི་མི་དམངས་སྲིད་གཞུང་།');
    expect(run.kind).toBe('tibetan');
    expect(run.words).toEqual(['དཀར', 'མཛེས', 'ཁུལ', 'གྱི', 'མི', 'དམངས', 'སྲིད', 'གཞུང']);
  });

  it('stores tokens space-separated with Han bigrams beside them', () => {
    const seg = segmentForIndex('医疗保险 སྲིད་གཞུང་');
    expect(seg.words).toBe('医疗 保险 སྲིད གཞུང');
    expect(seg.bigrams).toBe('医疗 疗保 保险');
    expect(bigrams('甘孜州')).toEqual(['甘孜', '孜州']);
  });
});

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

describe('segmentFields', () => {
  it('deals the runs of one segmenter pass back to their fields', () => {
    const [a, b, c] = (require('./segment') as typeof import('./segment')).segmentFields(['医疗保险', '', 'སྲིད་གཞུང་ 2024年']);
    expect(a.words).toBe('医疗 保险');
    expect(b.words).toBe('');
    expect(c.words).toBe('སྲིད གཞུང 2024 年');
  });
});
