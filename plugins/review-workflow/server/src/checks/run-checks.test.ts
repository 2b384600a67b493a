import fs from 'fs';
import path from 'path';
import { STARTER_DICTIONARY } from '../dictionary/starter';
import { residentIdCheckDigit } from '../utils/resident-id';
import { runChecks } from './run-checks';
import type { Finding } from './types';
import { buildWordMatcher } from './words';

// The five source articles of the project brief, copied into the repo, so a fresh clone runs these tests as they are.
const SEEDS = path.resolve(__dirname, '../../../../../tests/fixtures/source-articles');
const cluster = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../database/seeds/garze-cluster.json'), 'utf8'));
const now = new Date('2025-01-01T00:00:00Z');
const matcher = buildWordMatcher(STARTER_DICTIONARY);
const ID = `51330119900101123${residentIdCheckDigit('51330119900101123')}`;

/** Applies every suggestion of the given findings to their raw ranges, last first. */
const applySuggestions = (text: string, findings: Finding[]) =>
  [...findings]
    .filter((f) => f.suggestion !== undefined)
    .sort((a, b) => b.offset - a.offset)
    .reduce((out, f) => out.slice(0, f.offset) + f.suggestion + out.slice(f.offset + f.length), text);

describe('runChecks', () => {
  const fields = {
    title: '关于做好全部暑期安全工作的通知（再接再励）',
    body: [
      '<p>各乡镇、各部门要认真部<b>暑</b>，按照国土资源部和文化部门的要求，按装监测设备。</p>',
      `<p>联系人：张三，手机 138-1234-5678，身份证 ${ID}；卡号 6228480402564890018。</p>`,
      '<p>详见[省政府通知](https://www.sc.gov.cn/10462/c1.shtml)和<a href="https://kangding.gzz.gov.cn/zwgk/">康定市政务公开</a>。</p>',
      `<p lang="bo">${cluster.counties.map((c: { bo: string }) => c.bo).join(' ')}</p>`,
    ].join('\n'),
    summary: null,
  };

  it('runs every check and sorts by field order, then offset', () => {
    const findings = runChecks({ fields, matcher, clusterDomains: ['gzz.gov.cn'], plainTextFields: ['title'], now });
    expect(findings.map((f) => [f.field, f.check, f.rule, f.category ?? null, (fields as any)[f.field].slice(f.offset, f.offset + f.length)])).toEqual([
      ['title', 'word', 'dictionary', 'typo', '再接再励'],
      ['body', 'word', 'dictionary', 'typo', '部<b>暑'],
      ['body', 'word', 'dictionary', 'outdated-name', '国土资源部'],
      ['body', 'word', 'dictionary', 'typo', '按装'],
      ['body', 'personal-data', 'mobile', null, '138-1234-5678'],
      ['body', 'personal-data', 'resident-id', null, ID],
      ['body', 'personal-data', 'bank-card', null, '6228480402564890018'],
      ['body', 'link', 'external-link', 'external', 'https://www.sc.gov.cn/10462/c1.shtml'],
    ]);
  });

  it('gives suggestions that clear the findings when applied', () => {
    const findings = runChecks({ fields, matcher, clusterDomains: ['gzz.gov.cn'], now });
    const corrected = { title: applySuggestions(fields.title, findings.filter((f) => f.field === 'title')), body: applySuggestions(fields.body, findings.filter((f) => f.field === 'body')) };
    expect(corrected.title).toBe('关于做好全部暑期安全工作的通知（再接再厉）');
    expect(corrected.body).toContain('认真部署</b>');
    expect(corrected.body).toContain('138-****-5678');
    const again = runChecks({ fields: corrected, matcher, clusterDomains: ['gzz.gov.cn'], now });
    expect(again.filter((f) => f.check !== 'link')).toEqual([]);
  });

  it('takes a dictionary instead of a matcher, and checks can be turned off', () => {
    const withDictionary = runChecks({ fields, dictionary: STARTER_DICTIONARY, clusterDomains: ['gzz.gov.cn'], now });
    expect(withDictionary).toEqual(runChecks({ fields, matcher, clusterDomains: ['gzz.gov.cn'], now }));
    const onlyWords = runChecks({ fields, matcher, checks: { personalData: false, link: false }, now });
    expect(new Set(onlyWords.map((f) => f.check))).toEqual(new Set(['word']));
    expect(runChecks({ fields, now }).some((f) => f.check === 'word')).toBe(false); // no dictionary, no word check
  });

  it('treats every link as external without cluster domains', () => {
    const links = runChecks({ fields, checks: { word: false, personalData: false }, now });
    expect(links.map((f) => f.message)).toEqual(['外部链接：www.sc.gov.cn', '外部链接：kangding.gzz.gov.cn']);
  });

  it('finds nothing in the five real articles', () => {
    for (const file of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const body = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      expect({ file, findings: runChecks({ fields: { body }, matcher, clusterDomains: ['gzz.gov.cn'], now }) }).toEqual({ file, findings: [] });
    }
  });
});

describe('runChecks excerpts', () => {
  it('never carry a full ID, card or mobile number, whichever check they belong to', () => {
    const body = `<p>部暑：${ID}，[链接](https://www.sc.gov.cn/) 6228480402564890018 按装 13812345678</p>`;
    const findings = runChecks({ fields: { body }, matcher, clusterDomains: ['gzz.gov.cn'], now });
    expect(new Set(findings.map((f) => f.check))).toEqual(new Set(['word', 'personal-data', 'link']));
    for (const f of findings) {
      for (const secret of [ID, '6228480402564890018', '13812345678', ID.slice(6, 14)]) expect(f.excerpt).not.toContain(secret);
    }
    const typo = findings.find((f) => f.suggestion === '安装')!;
    expect(typo.excerpt).toContain('按装 138****5678'); // masked in place, still lined up with the text
    // Also with the personal-data check switched off.
    for (const f of runChecks({ fields: { body }, matcher, checks: { personalData: false }, now })) expect(f.excerpt).not.toContain(ID);
  });
});
