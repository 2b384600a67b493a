import { suggestTags } from './suggest-tags';

const tags = [
  { code: 'graduate', dimension: 'identity', nameZh: '高校毕业生', synonyms: ['大学毕业生', '毕业生'] },
  { code: 'dibao', dimension: 'identity', nameZh: '低保对象', synonyms: ['低保'] },
  { code: 'veteran', dimension: 'identity', nameZh: '退役军人', synonyms: ['退伍军人'] },
  { code: '513301', dimension: 'region', nameZh: '康定市', nameBo: 'དར་མདོ་གྲོང་ཁྱེར།', synonyms: ['康定'] },
  { code: 'employment', dimension: 'life-event', nameZh: '就业', synonyms: ['求职'] },
  { code: 'C', dimension: 'industry', nameZh: '制造业', synonyms: [] },
];

describe('tag suggestions', () => {
  it('scores names and synonyms found in segmented Chinese text, best first', () => {
    const text = '康定市人力资源和社会保障局关于做好2025年高校毕业生就业工作的通知：对低保家庭高校毕业生给予求职补贴。';
    const out = suggestTags(text, tags);
    expect(out.map((s) => s.code)).toEqual(['graduate', 'employment', '513301', 'dibao']);
    expect(out[0].matches.find((m) => m.term === '高校毕业生')).toMatchObject({ count: 2 });
    expect(out.find((s) => s.code === 'veteran')).toBeUndefined();
  });

  it('finds Tibetan names (NFC) and refuses nothing on empty matches', () => {
    expect(suggestTags('དར་མདོ་གྲོང་ཁྱེར་གྱི་སྲིད་ཇུས།', tags).map((s) => s.code)).toEqual(['513301']);
    expect(suggestTags('无关内容', tags)).toEqual([]);
  });
});
