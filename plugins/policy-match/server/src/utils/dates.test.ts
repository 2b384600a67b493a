import { addDays, addMonths, addYears, ageOn, isIsoDate } from './dates';

describe('dates', () => {
  it.each([
    ['1990-06-15', '2025-06-14', 34],
    ['1990-06-15', '2025-06-15', 35],
    ['1990-06-15', '2025-06-16', 35],
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2024-02-29', 24],
  ])('born %s, on %s → age %i', (birth, day, age) => expect(ageOn(birth, day)).toBe(age));

  it('validates calendar dates and shifts years', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2025-06-15', -35)).toBe('1990-06-15');
  });

  it.each([
    ['2026-07-01', -12, '2025-07-01'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-07-01', -1200, '1926-07-01'],
    ['2026-05-31', 13, '2027-06-30'],
  ])('%s shifted by %i months → %s', (day, months, out) => expect(addMonths(day, months)).toBe(out));

  it('shifts days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
