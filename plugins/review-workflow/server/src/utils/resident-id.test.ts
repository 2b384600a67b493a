import { isValidResidentId, looksLikeResidentId, residentIdCheckDigit } from './resident-id';

const now = new Date('2025-01-01T00:00:00Z');

describe('residentIdCheckDigit', () => {
  it('gives the check characters of the two worked examples of GB 11643-1999', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });
  it('refuses anything but 17 ASCII digits', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow();
    expect(() => residentIdCheckDigit('１１０１０５１９４９１２３１００２')).toThrow();
  });
});

describe('isValidResidentId', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true], // lower-case x as typed
    ['440524188001010014', true], // born 1880: the standard's own example
    ['110105194912310021', false], // wrong check digit
    ['11010519491231002', false], // 17 digits
    ['110105194912310020X', false], // 19 characters
  ])('%s → %s', (id, expected) => {
    expect(isValidResidentId(id, now)).toBe(expected);
  });

  it('checks the birth date: a real day, not in the future', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckDigit(first17);
    expect(isValidResidentId(withCheck('51330119900101123'), now)).toBe(true);
    expect(isValidResidentId(withCheck('51330119900230123'), now)).toBe(false); // 30 February
    expect(isValidResidentId(withCheck('51330120000229123'), now)).toBe(true); // 2000 is a leap year
    expect(isValidResidentId(withCheck('51330119000229123'), now)).toBe(false); // 1900 is not
    expect(isValidResidentId(withCheck('51330119901301123'), now)).toBe(false); // month 13
    expect(isValidResidentId(withCheck('51330120300101123'), now)).toBe(false); // born in 2030
  });

  it('checks the province code', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckDigit(first17);
    expect(isValidResidentId(withCheck('99330119900101123'), now)).toBe(false);
    expect(isValidResidentId(withCheck('81000019900101123'), now)).toBe(true); // Hong Kong residence permit
  });
});

describe('looksLikeResidentId', () => {
  it('ignores the check digit but not the province and date', () => {
    expect(looksLikeResidentId('110105194912310021', now)).toBe(true);
    expect(looksLikeResidentId('622848040256489001', now)).toBe(false);
  });
});
