import knexFactory, { type Knex } from 'knex';
import { STARTER_FACTS } from '../data/starter-facts';
import { addDays, addYears } from './dates';
import { evaluatePolicy, type MatchablePolicy } from './evaluate-policy';
import { backfillSql, factRows } from './profile-facts-sql';
import { registryFromDefs, type FactDef } from './registry';
import { applyCond, policyPrefilter, type SqlTarget } from './rule-prefilter';
import type { Rule } from './validate-rule';

/**
 * The SQL pre-filter against the evaluator, on a real SQLite database in memory: 2,000 random
 * profiles (their fact rows written by the backfill statement, checked against `factRows`) and 300
 * random policies over every fact type of the starter registry — kinds, negations, ranges, ordered
 * enums, regions, industries, tag-lists, relative dates and years, derived facts, facts never stored,
 * other jurisdiction facts. For each: the SQL set ⊇ the profiles the evaluator finds eligible, and
 * = when the pre-filter says it is exact.
 */
const registry = registryFromDefs(STARTER_FACTS);

// a small seeded generator: the same cases on every run
let seed = 19;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs)))];

const ASOF = ['2026-07-01', '2024-02-29', '2025-03-01'];
const REGIONS = ['513301', '513322', '513338', '513401', '110105', '510104', '513300', '510000'];
const JURISDICTIONS = ['513300', '510000', '513301', '000000', '110000'];
const INDUSTRIES = ['C13', 'C1311', 'H61', 'A01', 'C', 'R88'];
const TAGS: Record<string, string[]> = {
  identity: ['graduate', 'veteran', 'dibao', 'disabled', 'herder'],
  'life-event': ['birth', 'marriage', 'retirement'],
  'enterprise-type': ['high-tech', 'small-low-profit', 'tech-sme'],
};
const DATES = (() => {
  const out = new Set<string>(['2004-02-29', '2008-02-29', '2000-02-28', '2000-03-01']);
  for (const asOf of ASOF) for (const k of [0, 1, 2, 5, 12, 18, 35, 36, 60]) for (const d of [-1, 0, 1]) out.add(addDays(addYears(asOf, -k), d));
  return [...out];
})();
const NUMBERS = [0, 1, 5, 8, 10, 15, 30, 99, 100, 101, 150, 6000, 7.5, 12.25];

const inBounds = (def: FactDef, n: number) => (def.min === undefined || n >= def.min) && (def.max === undefined || n <= def.max);

const scalarOf = (def: FactDef): unknown => {
  switch (def.type) {
    case 'integer': return pick(NUMBERS.filter((n) => Number.isInteger(n) && inBounds(def, n)).concat(def.min ?? 0));
    case 'number': return pick(NUMBERS.filter((n) => inBounds(def, n)).concat(def.min ?? 0));
    case 'year': return 2019 + Math.floor(rand() * 9);
    case 'date': return pick(DATES);
    case 'boolean': return rand() < 0.5;
    case 'enum': return pick((def.values ?? []).map((v) => v.code));
    case 'region': return pick(REGIONS);
    case 'industry': return pick(INDUSTRIES);
    default: return pick(TAGS[def.tagDimension ?? 'identity'] ?? TAGS.identity);
  }
};

const storedFacts = registry.facts.filter((f) => f.storable && !f.derived);

const profileOf = (kind: 'individual' | 'enterprise') => {
  const facts: Record<string, unknown> = {};
  for (const def of storedFacts) {
    if (def.audience !== 'both' && def.audience !== kind) continue;
    if (rand() < 0.45) continue;
    facts[def.code] = def.type === 'tag-list' ? (rand() < 0.2 ? [] : some(TAGS[def.tagDimension ?? 'identity'] ?? TAGS.identity, 3)) : scalarOf(def);
  }
  return facts;
};

/** A value for the predicate: the fact's own domain, relative dates and years, derived values. */
const ruleValue = (def: FactDef): unknown => {
  if (def.derived?.formula === 'yearsSince') return pick([0, 1, 2, 3, 5, 12, 17, 18, 35, 36, 59, 60]);
  if (def.derived?.formula === 'ratio') return pick([0, 8, 15, 20, 30, 50, 100, 3000, 6000]);
  if (def.derived?.formula === 'difference') return pick([-5, 0, 1, 3, 10, 50]);
  if (def.type === 'date' && rand() < 0.3) return { today: { years: -pick([0, 1, 2, 5]), months: -pick([0, 1, 6, 12]) } };
  if (def.type === 'year' && rand() < 0.3) return { thisYear: -pick([0, 1, 2, 3]) };
  return scalarOf(def);
};

const order = (a: unknown, b: unknown) => (typeof a === 'object' || typeof b === 'object' ? 0 : (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);

const predicateOf = (): Rule => {
  const def = pick(registry.facts);
  const op = pick(registry.ops(def));
  if (op === 'exists') return rand() < 0.3 ? { field: def.code, op } : { field: def.code, op, value: rand() < 0.5 };
  if (op === 'in') return { field: def.code, op, value: some([0, 1, 2, 3].map(() => ruleValue(def)), 3) };
  if (op === 'between') {
    let pair = [ruleValue(def), ruleValue(def)];
    if (def.type === 'enum') pair = [...pair].sort((a, b) => (def.values ?? []).findIndex((v) => v.code === a) - (def.values ?? []).findIndex((v) => v.code === b));
    else pair = [...pair].sort(order);
    return { field: def.code, op, value: pair };
  }
  return { field: def.code, op, value: ruleValue(def) };
};

const ruleOf = (depth: number): Rule => {
  const r = rand();
  if (r < 0.12) return { kind: pick(['individual', 'enterprise'] as const) };
  if (r < 0.5 || depth >= 3) return predicateOf();
  if (r < 0.65) return { not: ruleOf(depth + 1) };
  const parts = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => ruleOf(depth + 1));
  return r < 0.83 ? { all: parts } : { any: parts };
};

const policyOf = (i: number): MatchablePolicy => ({
  documentId: `p${i}`, title: `p${i}`, tags: [], applicationDeadline: null, validity: 'valid', validFrom: null, validTo: null,
  audience: pick(['individual', 'enterprise', 'any'] as const),
  jurisdiction: rand() < 0.5 ? null : pick(JURISDICTIONS),
  jurisdictionFacts: rand() < 0.3 ? { individual: 'residenceRegion' } : null,
  clauses: Array.from({ length: 1 + Math.floor(rand() * 2) }, () => ({ text: 't', benefit: 'b', rule: rand() < 0.05 ? null : ruleOf(1) })),
});

describe('reverse-match pre-filter: SQL ⊇ evaluation, = where exact (SQLite, 2,000 profiles × 300 policies)', () => {
  let db: Knex;
  const profiles: { id: number; kind: 'individual' | 'enterprise'; facts: Record<string, unknown> }[] = [];
  const target = (): SqlTarget => ({ profiles: 'jiyue_pm_profiles', facts: 'jiyue_pm_profile_facts', raw: (sql, b) => db.raw(sql, (b ?? []) as Knex.RawBinding[]), postgres: false });

  beforeAll(async () => {
    db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('jiyue_pm_profiles', (t) => {
      t.increments('id');
      t.string('kind');
      t.string('region_code');
      t.text('facts');
    });
    await db.schema.createTable('jiyue_pm_profile_facts', (t) => {
      t.increments('id');
      t.integer('profile_id');
      t.string('fact');
      t.double('v_num');
      t.string('v_text');
      t.index(['fact', 'v_num', 'profile_id']);
      t.index(['fact', 'v_text', 'profile_id']);
    });
    for (let i = 1; i <= 2000; i++) {
      const kind = rand() < 0.7 ? 'individual' : 'enterprise';
      const facts = profileOf(kind);
      profiles.push({ id: i, kind, facts });
    }
    for (let i = 0; i < profiles.length; i += 200) {
      await db('jiyue_pm_profiles').insert(profiles.slice(i, i + 200).map((p) => ({
        id: p.id, kind: p.kind, facts: JSON.stringify(p.facts), region_code: (p.facts[p.kind === 'individual' ? 'householdRegion' : 'region'] as string) ?? null,
      })));
    }
    const { sql, bindings } = backfillSql(registry, { profiles: '"jiyue_pm_profiles"', facts: '"jiyue_pm_profile_facts"', postgres: false });
    await db.raw(sql, bindings as Knex.RawBinding[]);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('the backfill statement writes exactly the rows a profile write does', async () => {
    const key = (r: { profile_id: number; fact: string; v_num: number | null; v_text: string | null }) => `${r.profile_id}|${r.fact}|${r.v_num}|${r.v_text}`;
    const fromSql = ((await db('jiyue_pm_profile_facts').select('profile_id', 'fact', 'v_num', 'v_text')) as Parameters<typeof key>[0][]).map(key).sort();
    const fromJs = profiles.flatMap((p) => factRows(registry, p.facts).map((r) => key({ profile_id: p.id, fact: r.fact, v_num: r.vNum, v_text: r.vText }))).sort();
    expect(fromSql.length).toBeGreaterThan(10_000);
    expect(fromSql).toEqual(fromJs);
  });

  it('never loses an eligible profile, and counts exactly where it says so', async () => {
    let exact = 0;
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const policy = policyOf(i);
      const asOf = ASOF[i % ASOF.length];
      const filter = policyPrefilter(registry, policy, asOf);
      const q = applyCond(db('jiyue_pm_profiles').select('jiyue_pm_profiles.id') as never, filter.cond, target()) as unknown as Promise<{ id: number }[]>;
      const inSql = new Set((await q).map((r) => r.id));
      const eligible = profiles.filter((p) => evaluatePolicy(policy, { kind: p.kind, facts: p.facts }, { asOf, registry, explain: false }).status === 'eligible').map((p) => p.id);
      const lost = eligible.filter((id) => !inSql.has(id));
      const label = JSON.stringify({ asOf, policy: { audience: policy.audience, jurisdiction: policy.jurisdiction, jurisdictionFacts: policy.jurisdictionFacts, clauses: policy.clauses.map((c) => c.rule) } });
      expect([label, lost.slice(0, 5)]).toEqual([label, []]);
      if (filter.exact) {
        exact += 1;
        const extra = [...inSql].filter((id) => !eligible.includes(id));
        expect([label, extra.slice(0, 5)]).toEqual([label, []]);
      }
      if (eligible.length) nonEmpty += 1;
    }
    // the cases are not trivial: most are exact, and many find someone
    expect(exact).toBeGreaterThan(200);
    expect(nonEmpty).toBeGreaterThan(60);
  }, 120_000);
});
