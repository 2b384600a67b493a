import { clipCodePoints, loadVocabulary, makeTextGenerator, seededRandom } from '../../database/seeds/vocabulary';
import { runChecks } from '../../plugins/review-workflow/server/src/checks/run-checks';
import type { DictionaryEntry } from '../../plugins/review-workflow/server/src/checks/types';
import { mapPlainText } from '@jiyue/kernel';
import { buildWordMatcher, matchWords } from '../../plugins/review-workflow/server/src/checks/words';
import { STARTER_DICTIONARY } from '../../plugins/review-workflow/server/src/dictionary/starter';
import { residentIdCheckDigit } from '../../plugins/review-workflow/server/src/utils/resident-id';
import { defineBench } from './lib/bench';
import { summarize } from './lib/stats';

const DICTIONARY_SIZE = 20_000;
const DOCUMENT_LENGTH = 50_000;
const TARGET_P95_MS = 20;
const MIN_RUNS = 50;
const NAIVE_RUNS = 5;
const CLUSTER = ['gzz.gov.cn'];

/**
 * The starter dictionary plus generated terms: 2–3 domain words (from the vocabulary of the five
 * source articles) joined into a 2–6 character term, as a managed list of phrases looks. Being
 * made of the document's own vocabulary, many of them do occur in it: a busy, not a quiet, case.
 */
const benchDictionary = (): DictionaryEntry[] => {
  const random = seededRandom('precheck-dictionary');
  const words = loadVocabulary().zh.map(([word]) => word);
  const terms = new Set(STARTER_DICTIONARY.map((e) => e.term));
  const entries: DictionaryEntry[] = [...STARTER_DICTIONARY];
  while (entries.length < DICTIONARY_SIZE) {
    const parts = 2 + Math.floor(random() * 2);
    let term = '';
    for (let i = 0; i < parts; i += 1) term += words[Math.floor(random() * words.length)];
    if (term.length < 2 || term.length > 6 || terms.has(term)) continue;
    terms.add(term);
    entries.push({ term, category: 'sensitive', severity: 'warning', note: 'generated for the bench' });
  }
  return entries;
};

/** A 50,000-unit richtext body: generated Chinese paragraphs with some markup, Tibetan, planted typos, personal data and links. */
const benchDocument = (): { body: string; planted: Record<string, number> } => {
  const text = makeTextGenerator('precheck-document');
  const random = text.random;
  const typos = STARTER_DICTIONARY.filter((e) => e.category === 'typo');
  const planted = { typos: 0, ids: 0, mobiles: 0, links: 0 };
  const paragraphs: string[] = [];
  let length = 0;
  for (let n = 0; length < DOCUMENT_LENGTH; n += 1) {
    let paragraph = n % 10 === 9 ? text.boParagraphs(1)[0] : text.zhParagraphs(1)[0];
    if (n % 3 === 0) {
      const typo = typos[Math.floor(random() * typos.length)].term;
      paragraph = paragraph.replace('，', `，${typo}`);
      planted.typos += 1;
    }
    if (n % 7 === 0) {
      const first17 = `5133011990${String(101 + (n % 27)).padStart(4, '0')}${String(100 + (n % 900)).padStart(3, '0')}`;
      paragraph += `联系人身份证${first17}${residentIdCheckDigit(first17)}，手机1380836${String(1000 + n).slice(-4)}。`;
      planted.ids += 1;
      planted.mobiles += 1;
    }
    if (n % 5 === 0) {
      paragraph += n % 10 === 0 ? `详见[相关文件](https://www.sc.gov.cn/10462/c${n}.shtml)。` : `见<a href="https://kangding.gzz.gov.cn/zwgk/${n}.html">政务公开</a>及 http://www.example.com/p/${n}。`;
      planted.links += 1;
    }
    if (n % 4 === 1) paragraph = `**${paragraph.slice(0, 12)}**${paragraph.slice(12)}`;
    const html = `<p>${paragraph}</p>\n`;
    paragraphs.push(html);
    length += html.length;
  }
  return { body: clipCodePoints(paragraphs.join(''), DOCUMENT_LENGTH), planted };
};

/** The naive alternative: for each term, an indexOf loop over the (lower-cased) text. Counts occurrences. */
const naiveScan = (text: string, terms: string[]): number => {
  const haystack = text.toLowerCase();
  let found = 0;
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) found += 1;
  }
  return found;
};

const time = (fn: () => void) => {
  const started = performance.now();
  fn();
  return performance.now() - started;
};

export default defineBench({
  name: 'precheck',
  description:
    `Machine pre-check (runChecks: dictionary words, personal data, links) of a ${DOCUMENT_LENGTH.toLocaleString('en')}-character richtext ` +
    `document against a ${DICTIONARY_SIZE.toLocaleString('en')}-entry dictionary (Aho–Corasick), against a naive per-term indexOf scan of the same text ` +
    'in the same run. No database work: Strapi is booted by the runner but not used.',
  async run({ record, knobs }) {
    const dictionary = benchDictionary();
    const { body, planted } = benchDocument();
    const title = '关于做好全部暑期政务公开工作的通知';
    record.note(`dictionary ${dictionary.length} entries; document ${body.length} UTF-16 units; planted ${JSON.stringify(planted)}`);

    // Build cost: the first build (cold) and the median of a few more.
    const builds = [time(() => buildWordMatcher(dictionary))];
    for (let i = 0; i < 4; i += 1) builds.push(time(() => buildWordMatcher(dictionary)));
    const matcher = buildWordMatcher(dictionary);
    record.figure('dictionary build (cold)', builds[0], 'ms', {
      details: { entries: dictionary.length, states: matcher.automaton.stateCount, alphabet: matcher.automaton.alphabetSize, patterns: matcher.automaton.patternCount },
    });
    record.figure('dictionary build (warm, median of 4)', summarize(builds.slice(1)).p50, 'ms');

    // Correctness first: the automaton and the naive scan must count the same raw occurrences.
    const termPatterns = dictionary.map((e) => e.term.trim().normalize('NFC').toLowerCase());
    const naiveCount = naiveScan(body, termPatterns);
    let automatonCount = 0;
    matcher.automaton.scan(body, (pattern) => {
      if (!matcher.patternIsException[pattern]) automatonCount += 1;
    });
    if (naiveCount !== automatonCount) throw new Error(`automaton found ${automatonCount} raw occurrences, the naive scan ${naiveCount}`);

    const fields = { title, body };
    const check = () => runChecks({ fields, matcher, clusterDomains: CLUSTER, plainTextFields: ['title'] });
    const findings = check();
    const byCheck = findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [`${f.check}/${f.rule}`]: (acc[`${f.check}/${f.rule}`] ?? 0) + 1 }), {});
    record.note(`${findings.length} findings: ${JSON.stringify(byCheck)}; ${automatonCount} raw dictionary occurrences before resolution`);
    if (!byCheck['personal-data/resident-id'] || !byCheck['link/external-link'] || !findings.some((f) => f.category === 'typo')) {
      throw new Error('the planted typos, IDs and links were not all found');
    }

    // Interleave the loops so that machine noise hits both sides alike.
    const runs = Math.max(MIN_RUNS, knobs.requests);
    const plain = mapPlainText(body);
    const full: number[] = [];
    const wordsOnly: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < 5; i += 1) check(); // warm-up
    const started = performance.now();
    const naiveEvery = Math.max(1, Math.floor(runs / NAIVE_RUNS));
    for (let i = 0; i < runs && performance.now() - started < knobs.loopMaxMs; i += 1) {
      full.push(time(check));
      wordsOnly.push(time(() => matchWords(plain.text, matcher)));
      if (i % naiveEvery === 0 && naive.length < NAIVE_RUNS) naive.push(time(() => naiveScan(body, termPatterns)));
    }
    const fullSummary = summarize(full);
    const wordsSummary = summarize(wordsOnly);
    const naiveSummary = summarize(naive);

    for (const p of ['p50', 'p95'] as const) {
      record.figure(`naive indexOf scan, ${dictionary.length} terms ${p}`, naiveSummary[p], 'ms', { details: { n: naiveSummary.n, occurrences: naiveCount } });
    }
    for (const p of ['p50', 'p95'] as const) {
      record.figure(`runChecks (all checks) ${p}`, fullSummary[p], 'ms', {
        baseline: { name: `naive indexOf scan ${p}`, value: naiveSummary[p] },
        ...(p === 'p95' ? { target: { kind: 'max' as const, value: TARGET_P95_MS } } : {}),
        details: { n: fullSummary.n, mean: fullSummary.mean, max: fullSummary.max, findings: findings.length },
      });
    }
    for (const p of ['p50', 'p95'] as const) {
      record.figure(`dictionary matching only ${p}`, wordsSummary[p], 'ms', {
        baseline: { name: `naive indexOf scan ${p}`, value: naiveSummary[p] },
        details: { n: wordsSummary.n },
      });
    }
    record.figure('naive scan p50 / runChecks p50', naiveSummary.p50 / fullSummary.p50, '×');
  },
});
