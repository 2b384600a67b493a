import { runChecks } from '../checks/run-checks';
import { buildWordMatcher, matchWords } from '../checks/words';
import { STARTER_DICTIONARY } from './starter';

const matcher = buildWordMatcher(STARTER_DICTIONARY);
const byCategory = (category: string) => STARTER_DICTIONARY.filter((e) => e.category === category);

describe('STARTER_DICTIONARY', () => {
  it('has at least 60 typos with corrections, outdated names and sensitive placeholders', () => {
    expect(byCategory('typo').length).toBeGreaterThanOrEqual(60);
    expect(byCategory('outdated-name').length).toBeGreaterThanOrEqual(10);
    expect(byCategory('sensitive').length).toBeGreaterThan(0);
    for (const entry of [...byCategory('typo'), ...byCategory('outdated-name')]) {
      expect(entry.correction).toBeTruthy();
      expect(entry.correction).not.toBe(entry.term);
    }
  });

  it('contains the issue’s examples', () => {
    const corrections = Object.fromEntries(STARTER_DICTIONARY.map((e) => [e.term, e.correction]));
    expect(corrections).toMatchObject({
      部暑: '部署',
      按装: '安装',
      既使: '即使',
      再接再励: '再接再厉',
      一愁莫展: '一筹莫展',
      迫不急待: '迫不及待',
      甘败下风: '甘拜下风',
      按步就班: '按部就班',
      中流抵柱: '中流砥柱',
      国家工商行政管理总局: '国家市场监督管理总局',
      国土资源部: '自然资源部',
      环境保护部: '生态环境部',
      国家卫生和计划生育委员会: '国家卫生健康委员会',
      文化部: '文化和旅游部',
    });
    expect(corrections).not.toHaveProperty('貌合神离'); // correct as written
  });

  it('has unique terms (the managed dictionary has a unique index on term) and usable entries only', () => {
    const terms = STARTER_DICTIONARY.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    expect(matcher.skipped).toEqual([]);
    for (const entry of STARTER_DICTIONARY) expect(entry.term.length).toBeLessThanOrEqual(100);
  });

  it('never flags a correction it suggests', () => {
    for (const entry of STARTER_DICTIONARY) {
      if (!entry.correction) continue;
      expect({ correction: entry.correction, found: matchWords(entry.correction, matcher).map((m) => STARTER_DICTIONARY[m.entry].term) }).toEqual({
        correction: entry.correction,
        found: [],
      });
    }
  });

  it('finds every term in a sentence, except where an exception says it is correct', () => {
    for (const [index, entry] of STARTER_DICTIONARY.entries()) {
      const found = matchWords(`据悉，${entry.term}。`, matcher).map((m) => m.entry);
      expect({ term: entry.term, found: found.includes(index) }).toEqual({ term: entry.term, found: true });
      for (const exception of entry.exceptions ?? []) {
        expect({ exception, found: matchWords(`据悉，${exception}。`, matcher).some((m) => m.entry === index) }).toEqual({ exception, found: false });
      }
    }
  });

  it('keeps outdated names from firing inside the current names', () => {
    const current = '国家市场监督管理总局、自然资源部、生态环境部、国家卫生健康委员会、文化和旅游部、农业农村部、应急管理部、国家林业和草原局、人力资源和社会保障部、工业和信息化部、国家税务总局四川省税务局';
    expect(runChecks({ fields: { body: current }, dictionary: STARTER_DICTIONARY })).toEqual([]);
  });
});
