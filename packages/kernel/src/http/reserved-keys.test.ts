import { findReservedKey, findReservedQueryKey } from './reserved-keys';

describe('findReservedKey', () => {
  it.each([
    ['{"constructor":1}', ['constructor']],
    ['{"a":{"toString":"x"}}', ['a', 'toString']],
    ['{"list":[{"ok":1},{"hasOwnProperty":2}]}', ['list', 1, 'hasOwnProperty']],
    ['{"__proto__":{"polluted":true}}', ['__proto__']],
  ])('finds the reserved key in %s', (json, path) => {
    expect(findReservedKey(JSON.parse(json))).toEqual(path);
  });

  it('passes ordinary data, Chinese and Tibetan keys', () => {
    expect(findReservedKey({ title: '关于', 'བོད': [1, { site: 'ganzi' }] })).toBeNull();
  });
});

describe('findReservedQueryKey', () => {
  it.each([
    ['constructor=1', ['constructor']],
    ['constructor', ['constructor']],
    ['a=1&__proto__[polluted]=1', ['__proto__']],
    ['filters[title][%5F%5Fproto%5F%5F]=x', ['filters', 'title', '__proto__']],
    ['filters[$or][0][toString]=x', ['filters', '$or', 0, 'toString']],
    ['q=hasOwnProperty', null],
    ['q=%E6%B3%B8%E5%AE%9A&locale=bo', null],
  ])('finds the reserved key in %s', (qs, path) => {
    expect(findReservedQueryKey(qs)).toEqual(path);
  });
});
