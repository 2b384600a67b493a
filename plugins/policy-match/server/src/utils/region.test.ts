import { isWithinRegion, regionAncestors, regionDistance, regionLevel, regionRange } from './region';

describe('GB/T 2260 region hierarchy', () => {
  it.each([
    ['513301', '513300', true],
    ['513301', '510000', true],
    ['513301', '513301', true],
    ['513300', '513301', false],
    ['513401', '513300', false],
    ['513301', '000000', true],
    ['520101', '510000', false],
  ])('%s within %s → %p', (code, ancestor, expected) => expect(isWithinRegion(code, ancestor)).toBe(expected));

  it('levels, ancestors, distance and index ranges', () => {
    expect(regionLevel('510000')).toBe('province');
    expect(regionLevel('513300')).toBe('prefecture');
    expect(regionLevel('513338')).toBe('county');
    expect(regionAncestors('513338')).toEqual(['513300', '510000']);
    expect(regionDistance('513338', '513338')).toBe(0);
    expect(regionDistance('513338', '513300')).toBe(1);
    expect(regionDistance('513338', '510000')).toBe(2);
    expect(regionDistance('513338', '513301')).toBeNull();
    expect(regionRange('513300')).toEqual(['513300', '513399']);
    expect(regionRange('513301')).toEqual(['513301', '513301']);
  });
});
