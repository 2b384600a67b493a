import { findReservedKey } from './reserved-keys';

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
