import { kleeneAll, kleeneAny, kleeneNot, type Tri } from './kleene';

const T = true, F = false, U = null;

describe('Kleene three-valued logic', () => {
  // Full truth tables for two operands, plus the empty and longer cases.
  it.each<[Tri, Tri, Tri, Tri]>([
    // a, b, all, any
    [T, T, T, T],
    [T, F, F, T],
    [T, U, U, T],
    [F, T, F, T],
    [F, F, F, F],
    [F, U, F, U],
    [U, T, U, T],
    [U, F, F, U],
    [U, U, U, U],
  ])('all/any of %p and %p → %p / %p', (a, b, all, any) => {
    expect(kleeneAll([a, b])).toBe(all);
    expect(kleeneAny([a, b])).toBe(any);
  });

  it.each<[Tri, Tri]>([[T, F], [F, T], [U, U]])('not %p → %p', (a, out) => expect(kleeneNot(a)).toBe(out));

  it('empty all is true, empty any is false; a false anywhere wins over unknowns', () => {
    expect(kleeneAll([])).toBe(true);
    expect(kleeneAny([])).toBe(false);
    expect(kleeneAll([U, U, U, F])).toBe(false);
    expect(kleeneAny([U, F, U, T])).toBe(true);
    expect(kleeneAny([F, F, U])).toBe(null);
  });
});
