/**
 * GB 32100-2015 unified social credit codes (统一社会信用代码): 18 characters from a 31-character
 * set (no I, O, Z, S, V), the last one a check character over the first 17.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...CHARSET].map((char, value) => [char, value]));

/** The check character for the first 17 characters, or undefined when one is outside the charset. */
export const creditCodeCheckChar = (first17: string): string | undefined => {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = VALUE.get(first17[i]);
    if (value === undefined) return undefined;
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
};

/**
 * True for an 18-character code (upper case, as printed on licences) whose positions 3–8 are a
 * region code (digits) and whose check character is right.
 */
export const isValidCreditCode = (code: string): boolean => {
  if (code.length !== 18 || !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
};
