import { truncateGraphemes } from './truncate-graphemes';

describe('truncateGraphemes', () => {
  it('keeps short text as it is', () => {
    expect(truncateGraphemes('康定市', 10)).toBe('康定市');
  });
  it('cuts Chinese to the limit including the ellipsis', () => {
    expect(truncateGraphemes('甘孜藏族自治州人民政府', 5)).toBe('甘孜藏族…');
  });
  it('never splits a surrogate pair', () => {
    const out = truncateGraphemes('𠀀𠀁𠀂𠀃𠀄', 3);
    expect(out).toBe('𠀀𠀁…');
    expect(out.isWellFormed()).toBe(true);
  });
  it('never cuts inside a Tibetan syllable', () => {
    const bo = 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ།';
    const out = truncateGraphemes(bo, 8);
    const kept = out.replace('…', '');
    expect(bo.startsWith(kept)).toBe(true);
    expect(kept.endsWith('་')).toBe(true);
  });
});
