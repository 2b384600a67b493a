import { mask } from './mask';

describe('mask', () => {
  it('keeps the region code and the last four of an ID', () => {
    expect(mask('513301199001011234', 'resident-id')).toBe('513301********1234');
    expect(mask('11010519491231002X', 'resident-id')).toBe('110105********002X');
  });
  it('keeps 3 + 4 of a mobile and its separators', () => {
    expect(mask('13812345678', 'mobile')).toBe('138****5678');
    expect(mask('138-1234-5678', 'mobile')).toBe('138-****-5678');
  });
  it('keeps 4 + 4 of a bank card', () => {
    expect(mask('6228480402564890018', 'bank-card')).toBe('6228***********0018');
    expect(mask('6222 0212 3456 7890', 'bank-card')).toBe('6222 **** **** 7890');
  });
  it('keeps full-width and Tibetan digits as written and the length unchanged', () => {
    const fullWidth = '１３８１２３４５６７８';
    expect(mask(fullWidth, 'mobile')).toBe('１３８****５６７８');
    const tibetan = '༡༣༨༡༢༣༤༥༦༧༨';
    expect(mask(tibetan, 'mobile')).toBe('༡༣༨****༥༦༧༨');
    for (const text of [fullWidth, tibetan, '138-1234-5678']) expect(mask(text, 'mobile')).toHaveLength(text.length);
  });
});
