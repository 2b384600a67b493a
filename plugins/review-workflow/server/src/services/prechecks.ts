import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { checkReachability } from '../checks/links';
import { runChecks } from '../checks/run-checks';
import type { DictionaryEntry, Finding } from '../checks/types';
import { buildWordMatcher, type WordMatcher } from '../checks/words';
import { STARTER_DICTIONARY } from '../dictionary/starter';
import { getService } from '../utils/get-service';
import { DICTIONARY_UID } from '../utils/uids';
import type { DictionaryRow } from '../utils/rows';
import type { InterpretationRule } from '../config';
import type { Settlement } from './review-flow';
import { attributesOf } from '@jiyue/kernel';

/** A finding with a stable key, so a reviewer can settle it by key (三校). */
export type KeyedFinding = Finding & { key: string };

const keyOf = (f: Finding) =>
  crypto.createHash('sha1').update([f.check, f.rule, f.field, f.offset, f.length, f.excerpt].join('|')).digest('hex').slice(0, 12);

/**
 * Runs the machine pre-checks on a document: the managed dictionary (wrong, sensitive and outdated
 * words), personal data, links, and the interpretation rule for policies. The dictionary is
 * compiled once and rebuilt only when its table changed (checked against the database each run,
 * so every instance uses the current dictionary).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let compiled: { revision: string; matcher: WordMatcher } | null = null;
  const config = <T>(key: string) => strapi.plugin('review-workflow').config(key) as T;

  const revision = async () => {
    const table = strapi.db.metadata.get(DICTIONARY_UID).tableName;
    const rows = (await strapi.db.getConnection(table).count('* as n').max('updated_at as latest')) as { n: number; latest: unknown }[];
    return `${rows[0].n}:${rows[0].latest ? new Date(rows[0].latest as string).getTime() : 0}`;
  };

  return {
    /** Puts the starter dictionary into an empty dictionary table (first boot only; admins curate it afterwards). */
    async seedStarterDictionary() {
      if ((await strapi.db.query(DICTIONARY_UID).count()) > 0) return 0;
      await strapi.db.query(DICTIONARY_UID).createMany({
        data: STARTER_DICTIONARY.map((e) => ({ ...e, exceptions: e.exceptions ?? [], enabled: e.enabled !== false })),
      });
      return STARTER_DICTIONARY.length;
    },

    async matcher(): Promise<WordMatcher> {
      const current = await revision();
      if (compiled?.revision === current) return compiled.matcher;
      const rows: DictionaryRow[] = await strapi.db.query(DICTIONARY_UID).findMany({ where: { enabled: true } });
      const entries: DictionaryEntry[] = rows.map((r) => ({
        term: r.term, category: r.category, severity: r.severity, correction: r.correction ?? undefined, note: r.note ?? undefined, exceptions: r.exceptions ?? [],
      }));
      compiled = { revision: current, matcher: buildWordMatcher(entries) };
      return compiled.matcher;
    },

    /** Pre-checks of arbitrary text fields (the dry-run route and every review step). */
    async checkFields(fields: Record<string, string>, plainTextFields: string[] = []): Promise<KeyedFinding[]> {
      const findings = runChecks({ fields, matcher: await this.matcher(), clusterDomains: config<string[]>('clusterDomains'), plainTextFields });
      return findings.map((f) => ({ ...f, key: keyOf(f) }));
    },

    /**
     * Optional network step of the link check: each external link as ok, broken (the server
     * answered 4xx/5xx) or unknown (timeout, refusal: never called broken). Off unless
     * `checkLinkReachability` is set, since it calls other hosts.
     */
    async reachability(fields: Record<string, string>, findings: KeyedFinding[]) {
      if (!config<boolean>('checkLinkReachability')) return null;
      const urls = findings
        .filter((f) => f.rule === 'external-link')
        .map((f) => fields[f.field]?.slice(f.offset, f.offset + f.length) ?? '')
        .filter((url) => /^https?:\/\//i.test(url));
      return checkReachability([...new Set(urls)], { timeoutMs: config<number>('linkTimeoutMs') });
    },

    /** All pre-checks of one locale's draft, the interpretation rule included. */
    async run(uid: string, entry: Record<string, unknown>, _locale: string): Promise<KeyedFinding[]> {
      const attributes = attributesOf(strapi, uid);
      const fields = getService('content').textFields(uid, entry);
      const plain = Object.keys(fields).filter((name) => ['string', 'text'].includes(attributes[name]?.type));
      const findings = await this.checkFields(fields, plain);
      const interpretation = this.interpretationFinding(uid, entry);
      return interpretation ? [...findings, interpretation] : findings;
    },

    /** A 规章 / 行政规范性文件 without a linked interpretation is sent back (seeds 003/004). */
    interpretationFinding(uid: string, entry: Record<string, unknown>): KeyedFinding | null {
      const rule = config<InterpretationRule | null>('interpretationRule');
      if (!rule || rule.contentType !== uid || !rule.kinds.includes(entry[rule.kindField] as string)) return null;
      if (((entry[rule.relation] ?? []) as unknown[]).length) return null;
      const finding: Finding = {
        check: 'interpretation',
        rule: 'policy-without-interpretation',
        field: rule.relation,
        offset: 0,
        length: 0,
        excerpt: typeof entry.title === 'string' ? entry.title : '',
        severity: 'error',
        message: '该政策文件（规章或行政规范性文件）须关联政策解读后才能报审和发布 (a policy of this kind needs its interpretation linked)',
      };
      return { ...finding, key: keyOf(finding) };
    },

    /**
     * Which findings are still open after the reviewer's settlements. Info findings need nothing.
     * A warning is dismissed with a reason. An error blocks, except a word or link error: at 初审 and
     * 复审 it can be referred to the final reviewer with a reason, and only the final reviewer may
     * override it (flagged in the audit). Personal data must be fixed (masked), and the interpretation
     * rule is never overridden.
     */
    settle(findings: KeyedFinding[], settlements: Settlement[], { finalStage }: { finalStage: boolean }) {
      const byKey = new Map(settlements.map((s) => [s.key, s]));
      const open: KeyedFinding[] = [];
      const settled: Settlement[] = [];
      for (const f of findings) {
        if (f.severity === 'info') continue;
        const s = byKey.get(f.key);
        const reasoned = Boolean(s?.reason?.trim());
        const overridable = f.check === 'word' || f.check === 'link';
        const ok =
          reasoned &&
          (f.severity === 'warning'
            ? f.check !== 'interpretation'
            : overridable && (finalStage ? s!.resolution === 'override' : s!.resolution === 'refer'));
        if (ok) settled.push(s!);
        else open.push(f);
      }
      return { open, settled };
    },
  };
};
