import { isLuhnValid } from './luhn';

describe('isLuhnValid', () => {
  it.each([
    ['4111111111111111', true], // the classic test number
    ['6228480402564890018', true], // 19-digit UnionPay debit card number format
    ['6212345678901265', true],
    ['6228480402564890019', false],
    ['4111111111111112', false],
    ['79927398713', true], // the worked example of the Luhn algorithm
    ['79927398710', false],
    ['4111 1111 1111 1111', false], // separators are the caller's business
    ['', false],
  ])('%s → %s', (digits, expected) => {
    expect(isLuhnValid(digits)).toBe(expected);
  });
});
