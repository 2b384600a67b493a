import { excerptAround } from '@jiyue/kernel';
import { isValidCreditCode } from '../utils/credit-code';
import { digitShadow } from '../utils/digit-shadow';
import { isLuhnValid } from '../utils/luhn';
import { mask } from '../utils/mask';
import { isValidResidentId, looksLikeResidentId } from '../utils/resident-id';
import type { Finding, Severity } from './types';

/**
 * Personal data that must not be published unmasked (个人信息脱敏), found in the raw field value:
 * numbers in an href, an alt text or a table cell are published as much as numbers in prose, and
 * removing markup could join two numbers into one.
 *
 * The scan runs over a same-length shadow of the text (utils/digit-shadow.ts) in which full-width
 * ０-９ and Tibetan ༠-༩ digits are ASCII, so offsets need no mapping. A number is reported only
 * when it passes its own check: an ID with a wrong check digit, or a 16-digit order number that
 * fails Luhn, is not personal data. Boundaries: a number never starts or ends inside a longer
 * run of digits (or of code characters, for credit codes).
 *
 * - resident-id (error): GB 11643 with province, birth date and check digit; masked 513301********1234.
 * - bank-card (error): 16–19 digits, plain or in groups of four, issuer prefix 3/4/5/6/9, Luhn;
 *   masked 6222 **** **** 0123. An 18-digit run that has an ID's province and birth date is
 *   never called a bank card (it is a mistyped ID, or an ID-like reference number).
 * - mobile (warning): mainland 1[3-9]x xxxx xxxx, optionally +86 and separated 3-4-4; masked 138****5678.
 *   Reported as a warning: officials' work mobiles are published on purpose in contact lists.
 * - credit-code (info, not masked): the unified social credit code of an organisation is public
 *   by law (it is printed on the licence and in the national credit publicity system), so it is
 *   listed for a reviewer to compare against the issuing body, not hidden.
 */

export type PersonalDataKind = 'resident-id' | 'bank-card' | 'mobile' | 'credit-code';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets in the scanned text, end exclusive (the number only, without a +86 prefix). */
  start: number;
  end: number;
  /** The number as written (may contain full-width or Tibetan digits and separators). */
  value: string;
  /** ASCII, without separators. */
  normalized: string;
}

const ID = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])/g;
const CREDIT_CODE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])(\+86[- ]?)?1[3-9][0-9]([- ]?)[0-9]{4}\2[0-9]{4}(?![0-9])/g;
const BANK_CARD = /(?<![0-9])(?:[0-9]{16,19}|[0-9]{4}([- ])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?)(?![0-9])/g;
const CARD_ISSUER = /^[345689]/;

const SEVERITY: Record<PersonalDataKind, Severity> = { 'resident-id': 'error', 'bank-card': 'error', mobile: 'warning', 'credit-code': 'info' };

const MESSAGE: Record<PersonalDataKind, string> = {
  'resident-id': '居民身份证号码，发布前须脱敏',
  'bank-card': '银行卡号，发布前须脱敏',
  mobile: '手机号码，非公开联系方式须脱敏',
  'credit-code': '统一社会信用代码（依法公开，无须脱敏），请核对与主体是否一致',
};

/** All personal data in `text`, sorted by offset. `now` bounds birth dates (tests pin it). */
export const findPersonalData = (text: string, now: Date = new Date()): PersonalDataMatch[] => {
  const shadow = digitShadow(text);
  const found: PersonalDataMatch[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && s < end);
  const add = (kind: PersonalDataKind, start: number, end: number, normalized: string) => {
    found.push({ kind, start, end, value: text.slice(start, end), normalized });
    taken.push([start, end]);
  };

  for (const m of shadow.matchAll(ID)) {
    if (isValidResidentId(m[0], now)) add('resident-id', m.index!, m.index! + 18, m[0].toUpperCase());
  }
  for (const m of shadow.matchAll(CREDIT_CODE)) {
    if (!overlaps(m.index!, m.index! + 18) && isValidCreditCode(m[0])) add('credit-code', m.index!, m.index! + 18, m[0]);
  }
  for (const m of shadow.matchAll(MOBILE)) {
    const start = m.index! + (m[1]?.length ?? 0);
    const end = m.index! + m[0].length;
    if (!overlaps(start, end)) add('mobile', start, end, shadow.slice(start, end).replace(/[- ]/g, ''));
  }
  for (const m of shadow.matchAll(BANK_CARD)) {
    const start = m.index!;
    const end = start + m[0].length;
    const digits = m[0].replace(/[- ]/g, '');
    if (overlaps(start, end) || !CARD_ISSUER.test(digits)) continue;
    if (digits.length === 18 && looksLikeResidentId(digits, now)) continue;
    if (isLuhnValid(digits)) add('bank-card', start, end, digits);
  }
  return found.sort((a, b) => a.start - b.start);
};

/**
 * The text with every maskable number of `matches` masked in place. Same length as the text, so
 * any offset into the text is an offset into this copy: excerpts of every check are cut from it,
 * and no finding (stored with an append-only review event) ever carries a full ID or card number.
 */
export const maskPersonalData = (text: string, matches: PersonalDataMatch[]): string => {
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (m.kind === 'credit-code') continue;
    out += text.slice(at, m.start) + mask(m.value, m.kind);
    at = m.end;
  }
  return at ? out + text.slice(at) : text;
};

/** Findings for the matches of one field; `masked` is maskPersonalData(text, matches), passed in when the caller has it. */
export const personalDataFindings = (field: string, text: string, matches: PersonalDataMatch[], masked = maskPersonalData(text, matches)): Finding[] =>
  matches.map((m) => ({
    check: 'personal-data',
    rule: m.kind,
    field,
    offset: m.start,
    length: m.end - m.start,
    excerpt: excerptAround(masked, m.start, m.end),
    severity: SEVERITY[m.kind],
    message: MESSAGE[m.kind],
    ...(m.kind === 'credit-code' ? {} : { suggestion: mask(m.value, m.kind) }),
  }));

export const checkPersonalData = (fields: Record<string, string>, options: { now?: Date } = {}): Finding[] =>
  Object.entries(fields).flatMap(([field, text]) => (text ? personalDataFindings(field, text, findPersonalData(text, options.now)) : []));
