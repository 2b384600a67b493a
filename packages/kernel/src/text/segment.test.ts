import { foldForSearch } from './normalize';
import { bigrams, chineseWords, runs, segmentFields, segmentForIndex, tibetanSyllables } from './segment';

describe('foldForSearch', () => {
  it('folds full-width to half-width, Tibetan digits to ASCII, Latin to lower case', () => {
    expect(foldForSearch('ＡＢＣ１２３，')).toBe('abc123,');
    expect(foldForSearch('ལོ་༢༠༢༤')).toBe('ལོ་2024');
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

describe('segmentFields', () => {
  it('deals the runs of one segmenter pass back to their fields', () => {
    const [a, b, c] = segmentFields(['医疗保险', '', 'སྲིད་གཞུང་ 2024年']);
    expect(a.words).toBe('医疗 保险');
    expect(b.words).toBe('');
    expect(c.words).toBe('སྲིད གཞུང 2024 年');
  });
});

describe('chineseWords and tibetanSyllables', () => {
  it('gives the dictionary words of Chinese and the syllables of Tibetan', () => {
    expect(chineseWords('吉林省人民政府办公厅关于推进政务新媒体')).toEqual(expect.arrayContaining(['吉林省', '人民政府', '政务']));
    expect(chineseWords('，。 ')).toEqual([]);
    expect(tibetanSyllables('བཀྲ་ཤིས་བདེ་ལེགས། བསྒྲུབས་')).toEqual(['བཀྲ', 'ཤིས', 'བདེ', 'ལེགས', 'བསྒྲུབས']);
  });
});
