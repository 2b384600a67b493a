import { createHash } from 'crypto';
import { stableHash, stableJson } from './stable-json';

// The hand-written stable JSON the plugins used before (site-group content-hash, review-workflow
// review-hash, bilingual text-hash): hashes stored with copies, reviews and translations were made
// with it, so the kernel's must give the same strings for the same content.
const handWritten = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(handWritten).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${handWritten((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

describe('stableJson', () => {
  const samples: unknown[] = [
    null,
    undefined,
    '康定',
    0,
    -0,
    1.5,
    true,
    [],
    {},
    { b: 1, a: 2 },
    { title: '关于做好防汛工作的通知', body: '<p>正文 &amp;</p>', n: null, missing: undefined },
    { z: [3, { y: undefined, x: [null, undefined, 'ཀ'] }], a: { c: { b: '𠮷', a: '\uD800' } } },
    ['b', 'a', { k: 'v', j: 'w' }],
  ];

  it.each(samples.map((s) => [s]))('matches the former hand-written form for %j', (value) => {
    expect(stableJson(value)).toBe(handWritten(value));
  });

  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(stableJson({ b: { d: 1, c: 2 }, a: 1 })).toBe('{"a":1,"b":{"c":2,"d":1}}');
    expect(stableHash({ b: 1, a: [1, 2] })).toBe(stableHash({ a: [1, 2], b: 1 }));
    expect(stableHash({ a: [1, 2] })).not.toBe(stableHash({ a: [2, 1] }));
  });

  it('hashes with SHA-256 of the stable JSON', () => {
    const value = { title: '甘孜州', body: 'བསྒྲུབས་' };
    expect(stableHash(value)).toBe(createHash('sha256').update(handWritten(value)).digest('hex'));
  });

  it('refuses circular values instead of hashing something else', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => stableJson(a)).toThrow();
  });
});
