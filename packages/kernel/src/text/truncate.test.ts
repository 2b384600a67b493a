import { truncate } from './truncate';

const KANGDING = 'དར་མདོ་གྲོང་ཁྱེར།';
const PREFECTURE = 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ་མི་དམངས་སྲིད་གཞུང་།';
const TSHEG = '\u0F0B';

describe('truncate', () => {
  // [text, maxChars, options, expected]
  const cases: [string, number, { ellipsis?: string } | undefined, string][] = [
    // fits: returned whole
    [KANGDING, 50, undefined, KANGDING],
    [KANGDING, KANGDING.length, undefined, KANGDING],
    // Tibetan: ends after a tsheg, never inside དར / མདོ / གྲོང / ཁྱེར
    [KANGDING, 8, { ellipsis: '' }, 'དར་མདོ་'],
    [KANGDING, 6, { ellipsis: '' }, 'དར་'],
    [KANGDING, 3, { ellipsis: '' }, 'དར་'],
    [KANGDING, 2, { ellipsis: '' }, ''],
    [KANGDING, 9, undefined, 'དར་མདོ་…'],
    // a stack (ཛེ = ཛ + vowel, སྐྱོ = ས + subjoined ཀ + subjoined ཡ + vowel) is never split
    [PREFECTURE, 12, { ellipsis: '' }, 'དཀར་མཛེས་'],
    [PREFECTURE, 23, { ellipsis: '' }, 'དཀར་མཛེས་བོད་རིགས་རང་'],
    // shad ends a clause: cut right after it
    ['ཁུལ། སྲིད་གཞུང་', 6, { ellipsis: '' }, 'ཁུལ།'],
    // Chinese: any character boundary
    ['甘孜藏族自治州人民政府', 5, undefined, '甘孜藏族…'],
    ['甘孜藏族自治州人民政府', 5, { ellipsis: '' }, '甘孜藏族自'],
    // astral Han (CJK ext. B) and emoji are never split, even when the budget lands mid-pair
    ['𠀀𠀁𠀂', 3, { ellipsis: '' }, '𠀀'],
    ['通知📢📢', 3, { ellipsis: '' }, '通知'],
    ['👨‍👩‍👧家庭', 4, { ellipsis: '' }, ''],
    // mixed: Chinese then Tibetan
    ['康定市 དར་མདོ་གྲོང་ཁྱེར།', 9, { ellipsis: '' }, '康定市 དར་'],
    ['康定市 དར་མདོ་གྲོང་ཁྱེར།', 6, { ellipsis: '' }, '康定市'],
    // ellipsis longer than the budget is dropped
    [KANGDING, 0, undefined, ''],
  ];

  it.each(cases)('truncate(%j, %i, %j) → %j', (text, max, options, expected) => {
    const out = truncate(text, max, options);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
  });

  it('normalises decomposed input before cutting (ཱི written as ཱ + ི stays one stack)', () => {
    const decomposed = '\u0F40\u0F71\u0F72\u0F0B\u0F41\u0F0B';
    expect(truncate(decomposed + 'ཁྱེར', 5, { ellipsis: '' }).endsWith(TSHEG)).toBe(true);
  });

  it('never ends inside a Tibetan syllable, for every budget', () => {
    for (let max = 0; max <= PREFECTURE.length; max += 1) {
      const out = truncate(PREFECTURE, max, { ellipsis: '' });
      expect(PREFECTURE.startsWith(out)).toBe(true);
      if (out) expect(/[\u0F0B\u0F0D]$/u.test(out)).toBe(true);
    }
  });

  it('refuses a negative budget', () => {
    expect(() => truncate('abc', -1)).toThrow(TypeError);
  });

  it('never cuts a stack like བསྒྲུབས (one root, three subjoined letters, a vowel) or its syllable', () => {
    const text = 'བསྒྲུབས་པའི་ལས་དོན།';
    const stack = 'བསྒྲུབས་';
    for (let max = 0; max <= text.length; max += 1) {
      const out = truncate(text, max, { ellipsis: '' });
      expect(text.startsWith(out)).toBe(true);
      if (max < stack.length) expect(out).toBe('');
      if (out) expect(/[\u0F0B\u0F0D]$/u.test(out)).toBe(true);
    }
  });

  it('keeps emoji sequences and surrogate pairs whole at every budget', () => {
    const text = '通知📢👍🏽🇨🇳𠮷完';
    for (let max = 0; max <= text.length; max += 1) {
      const out = truncate(text, max, { ellipsis: '' });
      expect(out.isWellFormed()).toBe(true);
      expect(text.startsWith(out)).toBe(true);
      expect(['', '通', '通知', '通知📢', '通知📢👍🏽', '通知📢👍🏽🇨🇳', '通知📢👍🏽🇨🇳𠮷', text]).toContain(out);
    }
  });
});

// Formerly distribution's truncateGraphemes: the budget counted in user-perceived characters.
describe('truncate counting grapheme clusters', () => {
  const graphemes = { count: 'graphemes' as const };
  it('keeps short text as it is', () => {
    expect(truncate('康定市', 10, graphemes)).toBe('康定市');
  });
  it('cuts Chinese to the limit including the ellipsis', () => {
    expect(truncate('甘孜藏族自治州人民政府', 5, graphemes)).toBe('甘孜藏族…');
  });
  it('never splits a surrogate pair', () => {
    const out = truncate('𠀀𠀁𠀂𠀃𠀄', 3, graphemes);
    expect(out).toBe('𠀀𠀁…');
    expect(out.isWellFormed()).toBe(true);
  });
  it('never cuts inside a Tibetan syllable', () => {
    const bo = 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ།';
    const out = truncate(bo, 8, graphemes);
    const kept = out.replace('…', '');
    expect(bo.startsWith(kept)).toBe(true);
    expect(kept.endsWith('་')).toBe(true);
  });
  it('counts an emoji family or a flag as one character', () => {
    expect(truncate('👨‍👩‍👧🇨🇳家庭', 3, { ...graphemes, ellipsis: '' })).toBe('👨‍👩‍👧🇨🇳家');
  });
});

describe('truncate against a whole-text segmentation', () => {
  // The original algorithm: segment the whole text, keep the furthest clean boundary.
  const reference = (text: string, max: number) => {
    const source = text.normalize('NFC');
    if (source.length <= max) return source;
    let best = 0;
    let clean = true;
    for (const { segment, index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(source)) {
      const end = index + segment.length;
      if (end > max) break;
      if (!/^\s+$/u.test(segment)) {
        const last = [...segment].at(-1)!;
        clean = !/[\u0F00\u0F18\u0F19\u0F35\u0F37\u0F39\u0F3E-\u0F84\u0F86-\u0FBC\u0FC6]/u.test(last) || /[\u0F0B\u0F0C\u0F0D-\u0F12\u0F14]/u.test(last);
      }
      if (clean) best = end;
    }
    return source.slice(0, best).replace(/\s+$/u, '');
  };
  const ALPHABET = ['ཀ', 'ག', 'ས', 'ྐ', 'ྱ', 'ི', 'ོ', 'ཱ', '་', '།', ' ', '甘', '孜', '。', 'a', 'é', 'e\u0301', '👨', '\u200D', '👩', '🏽', '📢', '\uFE0F', '🇨', '🇳', '𠀀', '\n', '\r', '\r\n'];

  it('cuts at the same place on 3,000 random mixed texts', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 3000; n += 1) {
      const text = Array.from({ length: 20 + Math.floor(random() * 200) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      const max = Math.floor(random() * text.length);
      expect({ text, max, out: truncate(text, max, { ellipsis: '' }) }).toEqual({ text, max, out: reference(text, max) });
    }
  });
});
