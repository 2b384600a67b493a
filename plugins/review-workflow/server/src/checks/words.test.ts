import fs from 'fs';
import path from 'path';
import { STARTER_DICTIONARY } from '../dictionary/starter';
import { mapPlainText } from '@jiyue/kernel';
import type { DictionaryEntry } from './types';
import { buildWordMatcher, checkWords, matchWords } from './words';

// The five source articles of the project brief, copied into the repo, so a fresh clone runs these tests as they are.
const SEEDS = path.resolve(__dirname, '../../../../../tests/fixtures/source-articles');
const cluster = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../database/seeds/garze-cluster.json'), 'utf8'));

const starter = buildWordMatcher(STARTER_DICTIONARY);
const entry = (term: string, extra: Partial<DictionaryEntry> = {}): DictionaryEntry => ({ term, category: 'sensitive', severity: 'warning', ...extra });
const terms = (text: string, matcher = starter) => matchWords(text, matcher).map((m) => matcher.entries[m.entry].term);

describe('checkWords', () => {
  it('flags a typo with its correction as the suggestion', () => {
    const [finding, ...rest] = checkWords({ body: '要认真部暑，抓好落实。' }, starter);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      check: 'word',
      rule: 'dictionary',
      field: 'body',
      offset: 3,
      length: 2,
      excerpt: '要认真部暑，抓好落实。',
      severity: 'error',
      message: expect.stringContaining('部暑 → 部署'),
      suggestion: '部署',
      category: 'typo',
    });
  });

  it('reports raw offsets for a word split by markup', () => {
    const raw = '<p>请按<b>装</b>软件</p>';
    const [finding] = checkWords({ body: mapPlainText(raw) }, starter);
    expect(raw.slice(finding.offset, finding.offset + finding.length)).toBe('按<b>装');
    expect(finding.excerpt).toBe(' 请按装软件 ');
    expect(finding.suggestion).toBe('安装');
  });

  it('flags outdated names but not their correct uses', () => {
    expect(terms('文化部、国土资源部')).toEqual(['文化部', '国土资源部']);
    expect(terms('各级文化部门和农业部门')).toEqual([]);
    expect(terms('原文化部、原国土资源部的职责')).toEqual([]);
    expect(terms('全部暑期活动已部署')).toEqual([]);
    expect(terms('有关健康的规定，关健在于落实')).toEqual(['关健']);
  });

  it('reports the longest match, not the terms inside it', () => {
    const matcher = buildWordMatcher([entry('计划生育委员会'), entry('国家卫生和计划生育委员会', { category: 'outdated-name' }), entry('卫生')]);
    expect(terms('国家卫生和计划生育委员会印发', matcher)).toEqual(['国家卫生和计划生育委员会']);
    expect(terms('国家机密', starter)).toEqual(['国家机密']); // not also 机密
  });

  it('reports every entry of the same term', () => {
    const matcher = buildWordMatcher([entry('测试', { category: 'sensitive' }), entry('测试', { category: 'typo', correction: '测验' })]);
    expect(checkWords({ t: '测试' }, matcher).map((f) => f.category)).toEqual(['sensitive', 'typo']);
  });

  it('matches Latin terms case-insensitively and as whole words only', () => {
    const matcher = buildWordMatcher([entry('lorem ipsum'), entry('ok')]);
    expect(terms('LOREM IPSUM 与 Lorem Ipsum', matcher)).toEqual(['lorem ipsum', 'lorem ipsum']);
    expect(terms('book OK 好ok', matcher)).toEqual(['ok', 'ok']);
  });

  it('matches Tibetan terms as whole syllables only', () => {
    const luding: string = cluster.counties.find((c: { code: string }) => c.code === 'luding').bo; // ལྕགས་ཟམ་རྫོང་།
    const matcher = buildWordMatcher([entry('ཟམ'), entry('ཟ'), entry('རྫོང'), entry('ལྕགས་ཟམ་རྫོང')]);
    const found = checkWords({ bo: luding }, matcher);
    expect(found.map((f) => luding.slice(f.offset, f.offset + f.length))).toEqual(['ལྕགས་ཟམ་རྫོང']);
    const alone = buildWordMatcher([entry('ཟམ'), entry('ཟ')]);
    expect(terms(luding, alone)).toEqual(['ཟམ']); // ཟ alone is not a syllable here
  });

  it('handles terms with surrogate pairs', () => {
    const matcher = buildWordMatcher([entry('𠮷野家')]);
    const text = `${'𠮷'.repeat(12)}𠮷野家${'𠮷'.repeat(12)}`;
    const [finding] = checkWords({ body: text }, matcher);
    expect([finding.offset, finding.length]).toEqual([24, 4]);
    expect(finding.excerpt).toBe(`${'𠮷'.repeat(10)}𠮷野家${'𠮷'.repeat(10)}`);
  });

  it('skips entries it cannot use, and disabled ones, without failing', () => {
    const matcher = buildWordMatcher([
      entry(''),
      entry('\uD842'),
      entry('按装', { exceptions: ['不含该词'] }),
      entry('部暑', { enabled: false }),
      null as unknown as DictionaryEntry,
    ]);
    expect(matcher.skipped.map((s) => s.reason)).toEqual(['empty term', 'lone surrogate in term', 'exception does not contain the term', 'empty term']);
    expect(terms('按装与部暑', matcher)).toEqual(['按装']);
  });

  it('finds typos planted in a real article, and nothing else', () => {
    const article = fs.readFileSync(path.join(SEEDS, '002_47efadce487af65b.txt'), 'utf8');
    expect(checkWords({ body: article }, starter)).toEqual([]);
    const at = article.indexOf('部署');
    expect(at).toBeGreaterThan(0);
    const planted = `${article.slice(0, at)}部暑${article.slice(at + 2)}`.replace('迫不及待', '迫不急待');
    const findings = checkWords({ body: planted }, starter);
    expect(findings.map((f) => [planted.slice(f.offset, f.offset + f.length), f.suggestion])).toEqual(
      [['部暑', '部署'], ...(article.includes('迫不及待') ? [['迫不急待', '迫不及待']] : [])]
    );
    expect(findings[0].offset).toBe(at);
  });
});
