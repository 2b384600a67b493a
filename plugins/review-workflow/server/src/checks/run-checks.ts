import { asPlainText, mapPlainText, plainTextOfEdit, type PlainText } from '@jiyue/kernel';
import { checkLinks } from './links';
import { findPersonalData, maskPersonalData, personalDataFindings } from './personal-data';
import type { DictionaryEntry, Finding } from './types';
import { buildWordMatcher, checkWords, type WordMatcher } from './words';

/**
 * The one entry point of the machine pre-check (at submission and at every review stage): all
 * checks over all text fields of a document, findings sorted by field (in the order the fields
 * are given, i.e. form order) then offset. Offsets are in each field's stored value (types.ts).
 *
 * Where each check looks: dictionary words in the plain-text view of the field (markup removed,
 * offsets mapped back); personal data and links in the raw value (numbers in attributes and link
 * targets are published too). Pure and synchronous: link reachability is a separate, optional
 * network step (links.ts checkReachability).
 */

export interface RunChecksInput {
  /** Field name → stored value. Empty and non-string values are skipped. */
  fields: Record<string, string | null | undefined>;
  /** The compiled dictionary: build it once (buildWordMatcher) and reuse it across documents. */
  matcher?: WordMatcher;
  /** Or the dictionary itself; compiled on first use and cached per array. */
  dictionary?: readonly DictionaryEntry[];
  /** Cluster hostnames, e.g. ['gzz.gov.cn']: links to them or their subdomains are internal. */
  clusterDomains?: readonly string[];
  /** Fields holding plain strings (titles, summaries): not run through the markup remover. */
  plainTextFields?: readonly string[];
  /** Turn checks off; all on by default. */
  checks?: { word?: boolean; personalData?: boolean; link?: boolean };
  /** "Today" for birth-date plausibility of ID numbers. */
  now?: Date;
}

const compiled = new WeakMap<readonly DictionaryEntry[], WordMatcher>();

const matcherFor = (input: RunChecksInput): WordMatcher | undefined => {
  if (input.matcher) return input.matcher;
  if (!input.dictionary) return undefined;
  let matcher = compiled.get(input.dictionary);
  if (!matcher) compiled.set(input.dictionary, (matcher = buildWordMatcher(input.dictionary)));
  return matcher;
};

const CHECK_ORDER: Record<Finding['check'], number> = { word: 0, 'personal-data': 1, link: 2, interpretation: 3 };

export const runChecks = (input: RunChecksInput): Finding[] => {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.fields)) if (typeof value === 'string' && value.length) fields[name] = value;
  const order = new Map(Object.keys(fields).map((name, index) => [name, index]));
  const plainFields = new Set(input.plainTextFields ?? []);
  const enabled = { word: true, personalData: true, link: true, ...input.checks };
  const findings: Finding[] = [];

  // Personal data first, even when its findings are not wanted: every excerpt is cut from a
  // masked copy of its field, so no finding stores a full ID, card or mobile number.
  const masked: Record<string, string> = {};
  const maskedSpans: Record<string, [number, number][]> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const matches = findPersonalData(raw, input.now);
    masked[name] = maskPersonalData(raw, matches);
    maskedSpans[name] = matches.filter((m) => m.kind !== 'credit-code').map((m) => [m.start, m.end]);
    if (enabled.personalData) findings.push(...personalDataFindings(name, raw, matches, masked[name]));
  }

  const matcher = matcherFor(input);
  if (enabled.word && matcher) {
    const plain: Record<string, PlainText> = {};
    for (const [name, raw] of Object.entries(fields)) {
      const asPlain = plainFields.has(name);
      plain[name] = asPlain ? asPlainText(raw) : mapPlainText(raw);
      // Masking keeps lengths and touches digits only, so the masked value has the same plain-text layout.
      if (masked[name] !== raw) plain[name].excerptText = plainTextOfEdit(plain[name], masked[name], maskedSpans[name]);
    }
    findings.push(...checkWords(plain, matcher));
  }
  if (enabled.link) findings.push(...checkLinks(fields, { clusterDomains: input.clusterDomains, excerptSources: masked }));

  return findings.sort(
    (a, b) => order.get(a.field)! - order.get(b.field)! || a.offset - b.offset || b.length - a.length || CHECK_ORDER[a.check] - CHECK_ORDER[b.check]
  );
};
