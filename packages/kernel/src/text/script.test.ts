import {
  dropLoneSurrogates, hasLoneSurrogate, hasTibetan, isCjkPunctuation, isCleanCut, isHan, isHanCodePoint, isShad, isSyllableEnd,
  isTibetanSyllableChar, isTibetanSyllablePart, isTsheg,
} from './script';

const cp = (ch: string) => ch.codePointAt(0)!;

describe('the Tibetan and Han character model', () => {
  it('knows what belongs to a Tibetan syllable and what ends one', () => {
    for (const ch of ['ཀ', 'ཨ', 'ྐ', 'ྱ', 'ྲ', 'ུ', 'ི', 'ོ', 'ཱ', 'ཾ', 'ྃ', 'ༀ', '༹', '྆']) expect(isTibetanSyllableChar(ch)).toBe(true);
    for (const ch of ['་', '༌', '།', '༎', '༔', '༠', '༩', '༄', ' ', 'a', '甘']) expect(isTibetanSyllableChar(ch)).toBe(false);
    expect(isTsheg(0x0f0b) && isTsheg(0x0f0c)).toBe(true);
    expect([0x0f0d, 0x0f0e, 0x0f11, 0x0f12, 0x0f14].every(isShad)).toBe(true);
    expect(isShad(0x0f13)).toBe(false);
    expect(['་', '།'].every(isSyllableEnd)).toBe(true);
    expect(isSyllableEnd('ཀ')).toBe(false);
    // Every unit of a stack such as བསྒྲུབས is a syllable part.
    expect([...'བསྒྲུབས'].every((ch) => isTibetanSyllablePart(cp(ch)))).toBe(true);
    expect(hasTibetan('通知 ཀ')).toBe(true);
    expect(hasTibetan('通知')).toBe(false);
  });

  it('knows Han ideographs of every extension and CJK punctuation', () => {
    for (const ch of ['甘', '㐀', '𠀀', '𠮷', '𪜀', '𫝀', '𬺰', '𰀀', '𱍐', '豈']) expect(isHanCodePoint(cp(ch))).toBe(true);
    for (const ch of ['。', 'ཀ', 'a', '１']) expect(isHanCodePoint(cp(ch))).toBe(false);
    expect(isHan('〇') && isHan('々')).toBe(true);
    for (const ch of ['。', '、', '「', '」', '《', '》', '，', '！', '？', '：', '；', '（', '）', '【', '】', '〔', '〕', '﹏']) expect(isCjkPunctuation(cp(ch))).toBe(true);
    for (const ch of ['甘', '々', '〇', 'a', ',', '１']) expect(isCjkPunctuation(cp(ch))).toBe(false);
  });

  it('finds and drops lone surrogates, keeping pairs', () => {
    expect(hasLoneSurrogate('𠮷📢')).toBe(false);
    expect(hasLoneSurrogate('a\uD800')).toBe(true);
    expect(hasLoneSurrogate('\uDC00b')).toBe(true);
    expect(hasLoneSurrogate('a\uD800')).toBe(true); // twice: no state left behind by a global pattern
    expect(dropLoneSurrogates('a\uD800b𠮷\uDC00c📢')).toBe('ab𠮷c📢');
  });

  it('tells clean cuts: not inside a pair, before a mark, or inside a syllable', () => {
    expect(isCleanCut('𠮷', 1)).toBe(false);
    expect(isCleanCut('e\u0301', 1)).toBe(false);
    expect(isCleanCut('བསྒྲུབས', 3)).toBe(false);
    expect(isCleanCut('ཀ་ཁ', 2)).toBe(true);
    expect(isCleanCut('甘孜', 1)).toBe(true);
    expect(isCleanCut('👨\u200D👩', 2)).toBe(false);
  });
});
