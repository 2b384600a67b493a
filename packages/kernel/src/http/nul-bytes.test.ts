import { findNulByte } from './nul-bytes';

describe('findNulByte', () => {
  it.each<[string, unknown, (string | number)[] | null]>([
    ['a plain body', { title: '甘府发〔2023〕12号', n: 1, ok: true, none: null }, null],
    ['a top-level string field', { title: 'a\u0000b' }, ['title']],
    ['a nested field', { data: { rule: { themes: ['ok', 'x\u0000'] } } }, ['data', 'rule', 'themes', 1]],
    ['a key', { data: { 'ti\u0000tle': 'x' } }, ['data', 'ti\u0000tle']],
    ['a Tibetan string without NUL', { name: 'བོད་ཡིག' }, null],
    ['a bare string', '\u0000', []],
  ])('%s', (_name, value, expected) => {
    expect(findNulByte(value)).toEqual(expected);
  });
});
