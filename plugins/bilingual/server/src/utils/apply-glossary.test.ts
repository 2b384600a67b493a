import { applyGlossary } from './apply-glossary';
import cluster from '../../../../../database/seeds/garze-cluster.json';

const terms = [
  { zh: cluster.prefecture.zh, bo: cluster.prefecture.bo },
  ...cluster.counties.map((c) => ({ zh: c.zh, bo: c.bo })),
  { zh: '甘孜州', bo: 'དཀར་མཛེས་ཁུལ' },
];

describe('applyGlossary', () => {
  it('takes the longest term at each position', () => {
    const { text, substitutions } = applyGlossary(`${cluster.prefecture.zh}关于甘孜县的通知`, terms);
    expect(text).toBe('དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ་མི་དམངས་སྲིད་གཞུང关于དཀར་མཛེས་རྫོང的通知');
    expect(substitutions.map((s) => s.zh)).toEqual([cluster.prefecture.zh, '甘孜县']);
  });

  it('keeps the shad at the end of a sentence and counts repeats', () => {
    const { text, substitutions } = applyGlossary('康定市。康定市', terms);
    expect(text).toBe('དར་མདོ་གྲོང་ཁྱེར།。དར་མདོ་གྲོང་ཁྱེར།');
    expect(substitutions).toEqual([{ zh: '康定市', bo: 'དར་མདོ་གྲོང་ཁྱེར།', count: 2 }]);
  });

  it('skips entries without a Tibetan term and leaves other text alone', () => {
    expect(applyGlossary('州财政局📢', [{ zh: '州财政局', bo: '' }]).text).toBe('州财政局📢');
  });
});
