/**
 * GB 11643-1999 citizen identity numbers (居民身份证号码): 6-digit region, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence, 1 check character. Only numbers that pass all of it count as an
 * ID, so a random 18-digit run (an order or document number) is rarely mistaken for one.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// First two digits: the province-level divisions of GB/T 2260, plus 81/82/83 used by the residence
// permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证), which follow the same scheme.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export const residentIdCheckDigit = (first17: string): string => {
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentIdCheckDigit: expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
};

/** A real calendar date from 1800-01-01 (the standard’s own example was born in 1880) up to `now`: nobody is born in the future. */
const isBirthDate = (yyyymmdd: string, now: Date): boolean => {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false; // 19900230 and friends
  return date.getTime() <= now.getTime();
};

/**
 * True for an 18-character resident ID (ASCII digits, last one may be X/x) with a known province,
 * a valid birth date and a correct check character.
 */
export const isValidResidentId = (id: string, now: Date = new Date()): boolean => {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  if (!isBirthDate(id.slice(6, 14), now)) return false;
  return residentIdCheckDigit(id.slice(0, 17)) === id[17].toUpperCase();
};

/**
 * Province and birth date look like an ID whatever the check character says: used to keep a
 * mistyped ID from being reported as a bank card just because it happens to pass Luhn.
 */
export const looksLikeResidentId = (id: string, now: Date = new Date()): boolean =>
  /^\d{17}[\dXx]$/.test(id) && PROVINCES.has(id.slice(0, 2)) && isBirthDate(id.slice(6, 14), now);
