import { digitShadow } from './digit-shadow';

describe('digitShadow', () => {
  it('maps full-width and Tibetan digits and full-width letters to ASCII, same length', () => {
    const text = '电话１３８１２３４５６７８，༡༣༨，ＩＤ１１０１０５１９４９１２３１００２Ｘ，ｘ';
    const shadow = digitShadow(text);
    expect(shadow).toBe('电话13812345678，138，ID11010519491231002X，x');
    expect(shadow).toHaveLength(text.length);
  });
  it('returns other text unchanged, surrogate pairs included', () => {
    const text = '𠮷野家 ལྕགས་ཟམ་རྫོང་། 2024年';
    expect(digitShadow(text)).toBe(text);
  });
});
