import fs from 'fs';
import path from 'path';
import { isLuhnValid } from '../utils/luhn';
import { residentIdCheckDigit } from '../utils/resident-id';
import { checkPersonalData, findPersonalData } from './personal-data';

// The five source articles of the project brief, copied into the repo, so a fresh clone runs these tests as they are.
const SEEDS = path.resolve(__dirname, '../../../../../tests/fixtures/source-articles');
const now = new Date('2025-01-01T00:00:00Z');

// A Kangding (513301) resident born 1990-01-01, check digit computed by the standard's rule.
const ID = `51330119900101123${residentIdCheckDigit('51330119900101123')}`;
const WRONG_ID = ID.slice(0, 17) + ((Number(ID[17]) + 1) % 10);
const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const toTibetan = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0x0f20 + Number(c)));

const kinds = (text: string) => findPersonalData(text, now).map((m) => [m.kind, m.value]);

describe('findPersonalData: resident IDs', () => {
  it('finds a valid ID and masks it', () => {
    const text = `申请人：张三，身份证号码：${ID}，住址：康定市。`;
    const [finding, ...rest] = checkPersonalData({ body: text }, { now });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ check: 'personal-data', rule: 'resident-id', severity: 'error', field: 'body', length: 18 });
    expect(text.slice(finding.offset, finding.offset + finding.length)).toBe(ID);
    expect(finding.suggestion).toBe(`513301********${ID.slice(14)}`);
    expect(finding.excerpt).toContain('513301********');
    expect(finding.excerpt).not.toContain(ID);
  });

  it('does not flag the same ID with a wrong check digit', () => {
    expect(kinds(`身份证号码：${WRONG_ID}。`)).toEqual([]);
  });

  it('finds the standard examples, with X in either case', () => {
    expect(kinds('11010519491231002X，11010519491231002x')).toEqual([
      ['resident-id', '11010519491231002X'],
      ['resident-id', '11010519491231002x'],
    ]);
  });

  it('ignores an ID-shaped run inside a longer run of digits', () => {
    // (A 19-digit run may still pass as a bank card; it is never an ID.)
    for (const text of [`编号9${ID}`, `编号${ID}0`, `编号${ID}1`]) expect(kinds(text).filter(([kind]) => kind === 'resident-id')).toEqual([]);
  });

  it('reads full-width and Tibetan digits, keeping offsets and the script in the mask', () => {
    const fullWidth = `号码：${toFullWidth(ID)}`;
    const [f] = checkPersonalData({ body: fullWidth }, { now });
    expect([f.rule, f.offset, f.length]).toEqual(['resident-id', 3, 18]);
    expect(f.suggestion).toBe(`５１３３０１********${toFullWidth(ID.slice(14))}`);

    const tibetan = `ཨང་གྲངས། ${toTibetan(ID)}`;
    const [t] = checkPersonalData({ body: tibetan }, { now });
    expect(t.rule).toBe('resident-id');
    expect(tibetan.slice(t.offset, t.offset + t.length)).toBe(toTibetan(ID));
  });

  it('keeps offsets right after surrogate pairs', () => {
    const [f] = checkPersonalData({ body: `𠮷𠮷${ID}` }, { now });
    expect(f.offset).toBe(4);
  });
});

describe('findPersonalData: mobiles', () => {
  it.each([
    ['联系电话13812345678。', '13812345678'],
    ['手机：138-1234-5678', '138-1234-5678'],
    ['手机：138 1234 5678', '138 1234 5678'],
    ['+8613912345678', '13912345678'],
    ['+86 199 1234 5678', '199 1234 5678'],
    ['电话：１５９１２３４５６７８', '１５９１２３４５６７８'],
  ])('%s', (text, number) => {
    expect(kinds(text)).toEqual([['mobile', number]]);
  });

  it.each([
    ['12345678901'], // second digit 2 is not a mobile prefix
    ['238123456789'], // 12 digits
    ['813812345678'], // inside a longer run
    ['138-1234 5678'], // mixed separators
    ['办公电话：0836-2822345'], // a landline is public
  ])('not %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('masks a mobile 138****5678 and reports it as a warning', () => {
    const [f] = checkPersonalData({ body: '联系人：李四 13812345678' }, { now });
    expect([f.rule, f.severity, f.suggestion]).toEqual(['mobile', 'warning', '138****5678']);
  });
});

describe('findPersonalData: bank cards', () => {
  it('finds Luhn-valid card numbers, plain or grouped, and masks them', () => {
    expect(kinds('卡号6228480402564890018，另卡 4111 1111 1111 1111')).toEqual([
      ['bank-card', '6228480402564890018'],
      ['bank-card', '4111 1111 1111 1111'],
    ]);
    const [f] = checkPersonalData({ body: '6228480402564890018' }, { now });
    expect([f.severity, f.suggestion]).toEqual(['error', '6228***********0018']);
  });

  it('ignores numbers that fail Luhn, lack a card issuer prefix, or look like an ID', () => {
    expect(kinds('6228480402564890019')).toEqual([]);
    expect(kinds('0000000000000000')).toEqual([]);
    // A mistyped ID is not a card even when it happens to pass Luhn.
    const mistyped = Array.from({ length: 10 }, (_, d) => `51330119900101123${d}`).find((s) => s !== ID && isLuhnValid(s));
    expect(mistyped).toBeDefined();
    expect(kinds(mistyped!)).toEqual([]);
  });
});

describe('findPersonalData: credit codes', () => {
  it('lists a valid code as info, unmasked', () => {
    const [f] = checkPersonalData({ body: '统一社会信用代码：91350100M000100Y43' }, { now });
    expect(f).toMatchObject({ rule: 'credit-code', severity: 'info', offset: 9, length: 18 });
    expect(f.suggestion).toBeUndefined();
    expect(f.excerpt).toContain('91350100M000100Y43');
  });

  it('ignores an invalid code, lower case, and codes inside longer runs', () => {
    expect(kinds('91350100M000100Y44')).toEqual([]);
    expect(kinds('91350100m000100y43')).toEqual([]);
    expect(kinds('A91350100M000100Y43')).toEqual([]);
  });

  it('reads a full-width code', () => {
    expect(kinds(`代码${toFullWidth('91350100M000100Y43').replace('M', 'Ｍ').replace('Y', 'Ｙ')}`)).toEqual([
      ['credit-code', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ]);
  });
});

describe('checkPersonalData', () => {
  it('masks every number in an excerpt, not only the one reported', () => {
    const text = `${ID} 13812345678`;
    const findings = checkPersonalData({ body: text }, { now });
    expect(findings.map((f) => f.rule)).toEqual(['resident-id', 'mobile']);
    for (const f of findings) {
      expect(f.excerpt).not.toContain(ID);
      expect(f.excerpt).not.toContain('13812345678');
    }
  });

  it('finds numbers in markup too (an href is published)', () => {
    const text = '<a href="tel:13812345678">联系我们</a>';
    expect(checkPersonalData({ body: text }, { now }).map((f) => [f.rule, f.offset])).toEqual([['mobile', 13]]);
  });

  it('finds nothing in the real articles, and what is planted in them', () => {
    for (const file of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const article = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      expect(checkPersonalData({ body: article }, { now })).toEqual([]);
      const cut = article.indexOf('。') + 1;
      const planted = `${article.slice(0, cut)}联系人身份证${ID}，手机13812345678。${article.slice(cut)}`;
      const findings = checkPersonalData({ body: planted }, { now });
      expect(findings.map((f) => [f.rule, planted.slice(f.offset, f.offset + f.length)])).toEqual([
        ['resident-id', ID],
        ['mobile', '13812345678'],
      ]);
    }
  });
});
