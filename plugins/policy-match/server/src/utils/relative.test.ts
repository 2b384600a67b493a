import { describeRelative, hasRelative, relativeProblem, resolveScalar, resolveValue } from './relative';

const ASOF = '2026-07-01';

describe('relative values', () => {
  it.each([
    [{ today: {} }, '2026-07-01'],
    [{ today: { years: -1 } }, '2025-07-01'],
    [{ today: { months: -12 } }, '2025-07-01'],
    [{ today: { days: -1 } }, '2026-06-30'],
    [{ today: { years: -1, months: -1, days: -1 } }, '2025-05-31'],
    [{ thisYear: 0 }, 2026],
    [{ thisYear: -2 }, 2024],
    [{ thisYear: 5 }, 2031],
    ['2020-01-01', '2020-01-01'],
    [35, 35],
  ])('%j on %s', (v, out) => expect(resolveScalar(v, ASOF)).toEqual(out));

  it('resolves month ends and leap days in the order years, months, days', () => {
    expect(resolveScalar({ today: { months: -1 } }, '2026-03-31')).toBe('2026-02-28');
    expect(resolveScalar({ today: { years: -1 } }, '2024-02-29')).toBe('2023-02-28');
    expect(resolveScalar({ today: { years: -1, months: 1 } }, '2025-01-31')).toBe('2024-02-29');
  });

  it('resolves lists and pairs, and tells whether a value is relative', () => {
    expect(resolveValue([{ thisYear: -2 }, { thisYear: 0 }], ASOF)).toEqual([2024, 2026]);
    expect(hasRelative([2020, { thisYear: 0 }])).toBe(true);
    expect(hasRelative(2020)).toBe(false);
  });

  it.each([
    ['date', { today: { years: -1 } }, null],
    ['year', { thisYear: -2 }, null],
    ['year', { today: { years: -1 } }, ''],
    ['date', { thisYear: 0 }, ''],
    ['integer', { thisYear: 0 }, ''],
    ['date', { today: { weeks: 1 } }, 'today.weeks'],
    ['date', { today: { years: 1.5 } }, 'today.years'],
    ['date', { today: { years: 101 } }, 'today.years'],
    ['date', { today: { months: 1201 } }, 'today.months'],
    ['date', { today: 'yesterday' }, 'today'],
    ['date', { today: {}, x: 1 }, 'x'],
    ['year', { thisYear: '0' }, 'thisYear'],
    ['year', { thisYear: 0, y: 1 }, 'y'],
  ])('a %s fact with %j → problem at %p', (type, v, path) => {
    const p = relativeProblem(type, v as never);
    expect(p === null ? null : p.path.join('.')).toBe(path);
  });

  it('reads in explanations', () => {
    expect(describeRelative({ today: { months: -12 } })).toBe('评估日前12个月');
    expect(describeRelative({ today: { years: -1 } })).toBe('评估日前1年');
    expect(describeRelative({ today: {} })).toBe('评估日');
    expect(describeRelative({ thisYear: -2 })).toBe('评估年度前2年');
    expect(describeRelative({ thisYear: 0 })).toBe('评估年度');
  });
});
