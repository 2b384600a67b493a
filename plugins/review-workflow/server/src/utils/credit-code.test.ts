import { creditCodeCheckChar, isValidCreditCode } from './credit-code';

// Codes as printed on business licences and in the national enterprise credit publicity system.
const REAL = [
  '91350100M000100Y43', // the GB 32100-2015 example
  '91110108551385082Q',
  '914403001922038216',
  '9144030071526726XG',
  '91330100716105852F',
];

describe('isValidCreditCode', () => {
  it.each(REAL)('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects a code with any single character changed', () => {
    for (const code of REAL) {
      const changed = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      expect(isValidCreditCode(changed)).toBe(false);
      const typo = code.slice(0, 10) + (code[10] === '7' ? '8' : '7') + code.slice(11);
      expect(isValidCreditCode(typo)).toBe(false);
    }
  });

  it('rejects letters outside the charset, lower case and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I is not in the charset
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false); // region code must be digits
  });
});

describe('creditCodeCheckChar', () => {
  it('maps a sum that is a multiple of 31 to 0, not to 31', () => {
    // 17 zeros: sum 0 → 31 - 0 = 31 → 0
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
  it('is undefined for characters outside the charset', () => {
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeUndefined();
  });
});
