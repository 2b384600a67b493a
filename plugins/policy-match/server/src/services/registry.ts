import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConflictError, stableJson, throwFieldErrors, type FieldError } from '@jiyue/kernel';
import { STARTER_FACTS } from '../data/starter-facts';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { bumpRevision, readRevision } from '../utils/revision-row';
import { ELIGIBILITY_UID, FACT_UID } from '../utils/uids';
import { DIMENSIONS } from '../validation/common';
import type { FactInput } from '../validation/fact';
import { factProblems, opsOf, registryFromDefs, type EnumValue, type FactDef, type Registry } from '../utils/registry';

/** A row of the fact table. */
interface FactRow {
  id: number;
  code: string;
  audience: FactDef['audience'];
  type: FactDef['type'];
  labelZh: string;
  labelBo: string | null;
  labelBoStatus: 'approved' | 'missing' | null;
  helpZh: string | null;
  helpBo: string | null;
  questionZh: string | null;
  questionBo: string | null;
  unit: string | null;
  min: number | string | null;
  max: number | string | null;
  values: unknown;
  ordered: boolean | null;
  tagDimension: string | null;
  derived: unknown;
  askable: boolean | null;
  storable: boolean | null;
  sensitive: boolean | null;
  group: FactDef['group'];
  sortOrder: number | null;
  builtIn: boolean | null;
}

/** Where a fact is used: a clause's rule, a policy's jurisdiction fact, or another fact's derivation. */
export interface FactUse {
  documentId: string | null;
  title: string | null;
  /** The policy's audience (individual, enterprise, any); null for a derived fact's use. */
  policyAudience: string | null;
  /** 1-based clause number; null outside clauses. */
  clause: number | null;
  /** `clauses.1.rule.all.0` (0-based as stored), `jurisdictionFacts.individual`, `facts.newHireRatio.derived.args.0`. */
  path: string;
  what: string;
  op: string | null;
  /** The scalar values the use compares with (enum codes, numbers; relative values left out). */
  values: unknown[];
  /** The audience of the derived fact using it (derivation uses only). */
  derivedAudience?: FactDef['audience'];
}

const num = (v: number | string | null): number | undefined => (v === null || v === undefined || v === '' ? undefined : Number(v));
const opt = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);

const toDef = (r: FactRow): FactDef => {
  const def: FactDef = {
    code: r.code, audience: r.audience, type: r.type, labelZh: r.labelZh, labelBo: r.labelBo ?? null,
    askable: r.askable ?? true, storable: r.storable ?? true, sensitive: r.sensitive ?? false, group: r.group, sortOrder: r.sortOrder ?? 0, builtIn: r.builtIn ?? false,
  };
  const extra: Partial<FactDef> = {
    helpZh: opt(r.helpZh), helpBo: opt(r.helpBo), questionZh: opt(r.questionZh), questionBo: opt(r.questionBo), unit: opt(r.unit),
    min: num(r.min), max: num(r.max), values: Array.isArray(r.values) ? (r.values as EnumValue[]) : undefined,
    ordered: r.type === 'enum' && r.ordered ? true : undefined, tagDimension: opt(r.tagDimension),
    derived: r.derived && typeof r.derived === 'object' ? (r.derived as FactDef['derived']) : undefined,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (def as unknown as Record<string, unknown>)[k] = v;
  return def;
};

const toRow = (d: FactDef) => ({
  code: d.code, audience: d.audience, type: d.type, labelZh: d.labelZh, labelBo: d.labelBo, labelBoStatus: d.labelBo ? 'approved' : 'missing',
  helpZh: d.helpZh ?? null, helpBo: d.helpBo ?? null, questionZh: d.questionZh ?? null, questionBo: d.questionBo ?? null, unit: d.unit ?? null,
  min: d.min ?? null, max: d.max ?? null, values: d.values ?? null, ordered: d.ordered ?? false, tagDimension: d.tagDimension ?? null,
  derived: d.derived ?? null, askable: d.askable, storable: d.storable, sensitive: d.sensitive, group: d.group, sortOrder: d.sortOrder, builtIn: d.builtIn,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ORDERING = new Set(['gte', 'lte', 'gt', 'lt', 'between']);

/** Every predicate of a stored rule with its path (`all.0`, `not`, …), whatever the rule language has grown. */
const predicates = (node: unknown, path: (string | number)[], out: { field: string; op: string; value: unknown; path: (string | number)[] }[]) => {
  if (!isObject(node)) return out;
  for (const group of ['all', 'any'] as const) {
    if (Array.isArray(node[group])) (node[group] as unknown[]).forEach((part, i) => predicates(part, [...path, group, i], out));
  }
  if ('not' in node) predicates(node.not, [...path, 'not'], out);
  if (typeof node.field === 'string') out.push({ field: node.field, op: String(node.op), value: node.value, path });
  return out;
};

/** The absolute scalars a predicate compares with (relative values such as `{ today }` are not codes or bounds). */
const scalarsOf = (op: string, value: unknown): unknown[] => {
  if (op === 'exists') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number');
};

/**
 * The fact registry (design section 1): facts as data in `jiyue_pm_facts`, seeded from
 * `data/starter-facts.ts`. `current()` keeps one `Registry` per revision: each call reads the
 * `registry` revision row and rebuilds when another write (on any host) changed it. Changes that
 * would alter what stored rules mean are refused with the rules that use the fact (409).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: Registry | null = null;
  let building: { revision: string; promise: Promise<Registry> } | null = null;

  const load = async (revision: string): Promise<Registry> => {
    const rows = (await strapi.db.query(FACT_UID).findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] })) as FactRow[];
    const registry = registryFromDefs(rows.map(toDef), revision);
    cached = registry;
    return registry;
  };

  /** Approved Tibetan labels for a fact and its enum values; an unchanged zh keeps the label it had. */
  const withLabels = async (def: FactDef, before?: FactDef): Promise<FactDef> => {
    const terms = await getService('hooks').approvedLabels([def.labelZh, ...(def.values ?? []).map((v) => v.zh)]);
    const keep = (zh: string, oldZh: string | undefined, oldBo: string | null | undefined) => terms.get(zh) ?? (oldZh === zh ? oldBo ?? null : null);
    const values = def.values?.map((v) => {
      const old = before?.values?.find((o) => o.code === v.code);
      return { code: v.code, zh: v.zh, bo: keep(v.zh, old?.zh, old?.bo) };
    });
    return { ...def, labelBo: keep(def.labelZh, before?.labelZh, before?.labelBo), ...(values ? { values } : {}) };
  };

  const service = {
    /**
     * The registry as of the latest committed write: one revision read per call, or none when the caller
     * has just read the row (the catalogue reads it with its own revisions, in one statement).
     */
    async current(knownRevision?: string): Promise<Registry> {
      const revision = knownRevision ?? (await readRevision(strapi, 'registry'));
      if (cached?.revision === revision) return cached;
      if (building?.revision !== revision) {
        const promise = load(revision).finally(() => {
          if (building?.promise === promise) building = null;
        });
        building = { revision, promise };
      }
      return building.promise;
    },

    /** Every use of every fact, read from the stored eligibility rows (all sites) and the derivations. */
    async usageIndex(): Promise<Map<string, FactUse[]>> {
      const registry = await service.current();
      const index = new Map<string, FactUse[]>();
      const add = (code: string, use: FactUse) => index.set(code, [...(index.get(code) ?? []), use]);
      const rows = (await strapi.db.query(ELIGIBILITY_UID).findMany({})) as { policyDocumentId: string; audience: string; clauses: unknown; jurisdictionFacts?: unknown }[];
      const titles = new Map<string, string>();
      if (rows.length) {
        const policies = (await strapi.db.query(policyUid()).findMany({ where: { documentId: { $in: rows.map((r) => r.policyDocumentId) } }, select: ['documentId', 'title', 'locale'] })) as { documentId: string; title: string; locale: string | null }[];
        for (const p of policies) if (!titles.has(p.documentId) || !String(p.locale ?? '').startsWith('bo')) titles.set(p.documentId, p.title);
      }
      for (const row of rows) {
        const base = { documentId: row.policyDocumentId, title: titles.get(row.policyDocumentId) ?? null, policyAudience: row.audience };
        (Array.isArray(row.clauses) ? row.clauses : []).forEach((clause: unknown, i: number) => {
          if (!isObject(clause)) return;
          for (const p of predicates(clause.rule, [], [])) {
            const path = ['clauses', i, 'rule', ...p.path].join('.');
            add(p.field, { ...base, clause: i + 1, path, op: p.op, values: scalarsOf(p.op, p.value), what: p.op === 'exists' ? 'exists' : `${p.op} ${JSON.stringify(p.value)}` });
          }
        });
        if (isObject(row.jurisdictionFacts)) {
          for (const [kind, code] of Object.entries(row.jurisdictionFacts)) {
            if (typeof code === 'string') add(code, { ...base, clause: null, path: `jurisdictionFacts.${kind}`, op: null, values: [], what: `jurisdiction of ${kind}s` });
          }
        }
      }
      for (const f of registry.facts) {
        f.derived?.args.forEach((arg, i) => add(arg, {
          documentId: null, title: null, policyAudience: null, clause: null, path: `facts.${f.code}.derived.args.${i}`, op: null, values: [],
          what: `input of ${f.code} (${f.derived!.formula})`, derivedAudience: f.audience,
        }));
      }
      return index;
    },

    async usage(code: string) {
      const registry = await service.current();
      if (!registry.get(code)) throw new errors.NotFoundError(`no fact ${code}`);
      return ((await service.usageIndex()).get(code) ?? []).map(publicUse);
    },

    /** The registry screen's list: every fact with its operators, bo status and how many uses it has. */
    async list() {
      const [registry, index] = [await service.current(), await service.usageIndex()];
      return registry.facts.map((f) => ({ ...present(f), uses: index.get(f.code)?.length ?? 0 }));
    },

    /** Facts as the public `GET /api/policy-match/fields` gives them, labelled in `locale`. */
    async publicFields(locale: 'zh-Hans' | 'bo') {
      const registry = await service.current();
      const bo = locale === 'bo';
      const label = (zh: string, boText: string | null | undefined) => (bo && boText ? { label: boText, translationPending: false } : { label: zh, translationPending: bo });
      return registry.facts.map((f) => ({
        code: f.code, name: f.code, audience: f.audience, type: f.type, ...label(f.labelZh, f.labelBo), labelZh: f.labelZh, labelBo: f.labelBo,
        help: bo ? f.helpBo ?? f.helpZh ?? null : f.helpZh ?? null, question: (bo ? f.questionBo ?? null : null) ?? f.questionZh ?? (bo && f.labelBo ? f.labelBo : f.labelZh),
        unit: f.unit ?? null, min: f.min ?? null, max: f.max ?? null,
        values: f.values?.map((v) => ({ code: v.code, ...label(v.zh, v.bo), zh: v.zh, bo: v.bo })) ?? null,
        ordered: f.ordered ?? false, tagDimension: f.tagDimension ?? null, group: f.group, sensitive: f.sensitive, askable: f.askable, storable: f.storable,
        derived: f.derived ? { formula: f.derived.formula, args: f.derived.args } : null, ops: registry.ops(f), sortOrder: f.sortOrder,
      }));
    },

    /**
     * Creates or updates a fact. 400 (field errors) for a fact that is wrong in itself; 409 with the
     * rules that use it for a change that would alter what they mean (design 1.7). Nothing is
     * written unless everything passes.
     */
    async upsert(input: FactInput) {
      const registry = await service.current();
      const before = registry.get(input.code);
      const draft: FactDef = {
        code: input.code, audience: input.audience, type: input.type, labelZh: input.labelZh, labelBo: null,
        askable: input.askable, storable: input.storable, sensitive: input.sensitive, group: input.group,
        sortOrder: input.sortOrder ?? before?.sortOrder ?? Math.max(0, ...registry.facts.map((f) => f.sortOrder)) + 10,
        builtIn: before?.builtIn ?? false,
      };
      const set = <K extends keyof FactDef>(k: K, v: FactDef[K] | null) => {
        if (v !== null && v !== undefined) draft[k] = v;
      };
      set('helpZh', input.helpZh);
      set('helpBo', input.helpBo?.normalize('NFC') ?? null);
      set('questionZh', input.questionZh);
      set('questionBo', input.questionBo?.normalize('NFC') ?? null);
      set('unit', input.unit);
      set('min', input.min);
      set('max', input.max);
      set('values', input.values?.map((v) => ({ code: v.code, zh: v.zh, bo: null })) ?? null);
      if (input.ordered) draft.ordered = true;
      set('tagDimension', input.tagDimension);
      if (input.derived) draft.derived = { formula: input.derived.formula, args: input.derived.args, ...(input.derived.scale !== undefined ? { scale: input.derived.scale } : {}), ...(input.derived.whenZero !== undefined ? { whenZero: input.derived.whenZero } : {}) };

      const others = registry.facts.filter((f) => f.code !== draft.code);
      const problems: FieldError[] = factProblems(draft, [...others, draft]).map((p) => ({ path: p.path, message: p.message }));
      const dimensions = new Set<string>([...DIMENSIONS, ...registry.facts.map((f) => f.tagDimension).filter((d): d is string => !!d)]);
      if (draft.tagDimension && !dimensions.has(draft.tagDimension)) problems.push({ path: ['tagDimension'], message: `must be a tag dimension (${[...dimensions].join(', ')})` });
      throwFieldErrors(problems);

      if (before) service.refuseChange(before, draft, (await service.usageIndex()).get(before.code) ?? []);

      const fact = await withLabels(draft, before);
      await strapi.db.transaction(async () => {
        if (before) await strapi.db.query(FACT_UID).update({ where: { code: fact.code }, data: toRow(fact) });
        else await strapi.db.query(FACT_UID).create({ data: toRow(fact) });
        await bumpRevision(strapi, 'registry');
      });
      return present(fact);
    },

    /** The refusals of design 1.7 for changing `before` into `after`, given the fact's uses: one 409 naming them all. */
    refuseChange(before: FactDef, after: FactDef, uses: FactUse[]) {
      const conflicts: { path: (string | number)[]; message: string; uses: FactUse[] }[] = [];
      const refuse = (path: (string | number)[], message: string, by: FactUse[]) => conflicts.push({ path, message, uses: by });
      if (before.builtIn && after.type !== before.type) refuse(['type'], `${before.code} is built in: its type stays ${before.type}`, []);
      else if (after.type !== before.type && uses.length) refuse(['type'], `cannot change from ${before.type} while ${uses.length} rule(s) or fact(s) use it`, uses);
      if (before.builtIn && after.audience !== before.audience) refuse(['audience'], `${before.code} is built in: its audience stays ${before.audience}`, []);
      else if (after.audience !== before.audience && after.audience !== 'both') {
        const other = uses.filter((u) => (u.policyAudience !== null && u.policyAudience !== after.audience) || (u.derivedAudience !== undefined && u.derivedAudience !== after.audience) || (u.path.startsWith('jurisdictionFacts.') && !u.path.endsWith(after.audience)));
        if (other.length) refuse(['audience'], `cannot narrow to ${after.audience} while rules or facts of another audience use it`, other);
      }
      if (stableJson(after.derived ?? null) !== stableJson(before.derived ?? null) && (uses.length || before.builtIn)) {
        refuse(['derived'], before.builtIn ? `${before.code} is built in: its formula stays` : `cannot change the formula while ${uses.length} rule(s) use it`, uses);
      }
      if (after.type === before.type && before.type === 'enum') {
        const kept = new Set((after.values ?? []).map((v) => v.code));
        (before.values ?? []).forEach((v, i) => {
          if (kept.has(v.code)) return;
          const by = uses.filter((u) => u.values.includes(v.code));
          if (by.length) refuse(['values', i], `value ${v.code} (${v.zh}) is used by ${by.length} rule(s)`, by);
        });
        if (before.ordered && !after.ordered) {
          const by = uses.filter((u) => u.op !== null && ORDERING.has(u.op));
          if (by.length) refuse(['ordered'], `${by.length} rule(s) compare its values by order`, by);
        }
      }
      if (after.type === before.type) {
        const numbers = (u: FactUse) => u.values.filter((v): v is number => typeof v === 'number');
        if (after.min !== undefined && (before.min === undefined || after.min > before.min)) {
          const by = uses.filter((u) => numbers(u).some((n) => n < after.min!));
          if (by.length) refuse(['min'], `${by.length} rule(s) compare with values below ${after.min}`, by);
        }
        if (after.max !== undefined && (before.max === undefined || after.max < before.max)) {
          const by = uses.filter((u) => numbers(u).some((n) => n > after.max!));
          if (by.length) refuse(['max'], `${by.length} rule(s) compare with values above ${after.max}`, by);
        }
      }
      if (!conflicts.length) return;
      const usedBy = [...new Map(conflicts.flatMap((c) => c.uses).map((u) => [`${u.documentId}:${u.path}`, u])).values()];
      throw new ConflictError(`fact ${before.code}: ${conflicts.map((c) => `${c.path.join('.')}: ${c.message}`).join('; ')}`, {
        errors: conflicts.map((c) => ({ path: c.path.map(String), message: c.message, name: 'ConflictError' })),
        usedBy: usedBy.map(publicUse),
      });
    },

    /** Deletes a fact no rule, jurisdiction or derivation uses; a built-in fact is never deleted. */
    async remove(code: string) {
      const registry = await service.current();
      const def = registry.get(code);
      if (!def) throw new errors.NotFoundError(`no fact ${code}`);
      if (def.builtIn) throw new ConflictError(`fact ${code} is built in and cannot be deleted`, { errors: [{ path: ['code'], message: 'is built in', name: 'ConflictError' }], usedBy: [] });
      const uses = (await service.usageIndex()).get(code) ?? [];
      if (uses.length) {
        throw new ConflictError(`fact ${code} is used by ${uses.length} rule(s) or fact(s)`, { errors: [{ path: ['code'], message: `is used by ${uses.length} rule(s) or fact(s)`, name: 'ConflictError' }], usedBy: uses.map(publicUse) });
      }
      await strapi.db.transaction(async () => {
        await strapi.db.query(FACT_UID).delete({ where: { code } });
        await bumpRevision(strapi, 'registry');
      });
      return { code, removed: true };
    },

    /** Inserts the starter facts whose code is missing; never changes an existing row. Returns how many it added. */
    async seedStarter(): Promise<number> {
      const have = new Set(((await strapi.db.query(FACT_UID).findMany({ select: ['code'] })) as { code: string }[]).map((r) => r.code));
      const missing = STARTER_FACTS.filter((f) => !have.has(f.code));
      if (missing.length) {
        // The glossary's term wins; a starter label approved with the built-in set stays when it has none.
        const labelled = await Promise.all(missing.map((f) => withLabels(f, f)));
        await strapi.db.transaction(async () => {
          await strapi.db.query(FACT_UID).createMany({ data: labelled.map(toRow) });
          await bumpRevision(strapi, 'registry');
        });
      } else if ((await readRevision(strapi, 'registry')) === 'initial') {
        await bumpRevision(strapi, 'registry');
      }
      return missing.length;
    },

    /** Fills Tibetan labels still missing from what the label sources approve now; returns how many facts changed. */
    async refreshLabels(): Promise<number> {
      const registry = await service.current();
      const pending = registry.facts.filter((f) => !f.labelBo || f.values?.some((v) => !v.bo));
      let changed = 0;
      const updates: FactDef[] = [];
      for (const f of pending) {
        const next = await withLabels(f, f);
        if (next.labelBo !== f.labelBo || stableJson(next.values ?? null) !== stableJson(f.values ?? null)) updates.push(next);
      }
      if (updates.length) {
        await strapi.db.transaction(async () => {
          for (const f of updates) await strapi.db.query(FACT_UID).update({ where: { code: f.code }, data: { labelBo: f.labelBo, labelBoStatus: f.labelBo ? 'approved' : 'missing', values: f.values ?? null } });
          await bumpRevision(strapi, 'registry');
        });
        changed = updates.length;
      }
      return changed;
    },
  };

  /** A fact as the admin routes answer it. */
  const present = (f: FactDef) => ({ ...f, labelBoStatus: f.labelBo ? ('approved' as const) : ('missing' as const), ops: opsOf(f) });
  /** A use as a 409 and the usage route name it. */
  const publicUse = (u: FactUse) => ({ documentId: u.documentId, title: u.title, clause: u.clause, path: u.path, what: u.what });

  return service;
};
