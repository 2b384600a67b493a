import { DEMO_FOOTER, DEMO_PARENTS, DEMO_POLICIES, demoPolicySpecs, eligibilityBody } from './demo-policies';
import { demoContent } from './demo-content';
import { STARTER_TAXONOMY } from '../../plugins/policy-match/server/src/data/starter-taxonomy';
import { STARTER_FACTS } from '../../plugins/policy-match/server/src/data/starter-facts';
import { opsOf, registryFromDefs, serves } from '../../plugins/policy-match/server/src/utils/registry';
import { enumCodes } from '../../plugins/policy-match/server/src/utils/check-value';

/** Pure checks of the 政策找人 demo set (#19, deliver 4): no Strapi boot. */

const KNOWN_TAGS = new Set(STARTER_TAXONOMY.map((t) => t.code));
const REGISTRY = registryFromDefs(STARTER_FACTS);

type Kind = 'individual' | 'enterprise';
/**
 * Every predicate of a rule against the starter registry: a known fact, an operator of its type,
 * enum and tag values that exist, and a fact serving every kind possible at that point (a `kind`
 * child of an `all` narrows its siblings). Returns the problems with their paths.
 */
const ruleProblems = (rule: any, kinds: Kind[], path: string): string[] => {
  if (rule.all) {
    const guard = rule.all.find((r: any) => r.kind);
    const narrowed = guard ? kinds.filter((k) => k === guard.kind) : kinds;
    return rule.all.flatMap((r: any, i: number) => ruleProblems(r, narrowed, `${path}.all.${i}`));
  }
  if (rule.any) return rule.any.flatMap((r: any, i: number) => ruleProblems(r, kinds, `${path}.any.${i}`));
  if (rule.not) return ruleProblems(rule.not, kinds, `${path}.not`);
  if (rule.kind) return kinds.includes(rule.kind) ? [] : [`${path}: kind ${rule.kind} cannot occur here`];
  const def = REGISTRY.get(rule.field);
  if (!def) return [`${path}: unknown fact ${rule.field}`];
  const problems: string[] = [];
  if (!opsOf(def).includes(rule.op)) problems.push(`${path}: ${rule.op} on ${def.type} ${rule.field}`);
  for (const k of kinds) if (!serves(def, k)) problems.push(`${path}: ${rule.field} is not a fact of ${k}`);
  const values = Array.isArray(rule.value) ? rule.value : [rule.value];
  if (def.type === 'enum') for (const v of values) if (!enumCodes(def).includes(v)) problems.push(`${path}: ${rule.field} has no value ${v}`);
  if (def.type === 'tag-list') for (const v of values) if (!KNOWN_TAGS.has(v)) problems.push(`${path}: no tag ${v}`);
  return problems;
};

describe('the demo policy set', () => {
  it('has at least 20 policies for individuals and enterprises, at national, provincial and prefecture level', () => {
    expect(DEMO_POLICIES.length).toBeGreaterThanOrEqual(20);
    expect(DEMO_POLICIES.map((p) => p.key)).toEqual(Array.from({ length: 26 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    const audiences = new Set(DEMO_POLICIES.map((p) => p.eligibility.audience));
    expect(audiences).toEqual(new Set(['individual', 'enterprise', 'any']));
    const levels = new Set(DEMO_POLICIES.map((p) => p.level));
    for (const level of ['national', 'provincial', 'prefecture']) expect(levels).toContain(level);
  });

  it('quotes every clause word for word in its policy\'s body', () => {
    const notQuoted = DEMO_POLICIES.flatMap((p) => p.eligibility.clauses.filter((c) => !p.body.includes(c.text)).map((c) => `${p.key}: ${c.text}`));
    expect(notQuoted).toEqual([]);
  });

  it('writes each body as a file: addressees or preamble, numbered provisions, issuer, date and the demo footer', () => {
    for (const p of DEMO_POLICIES) {
      expect(p.body).toMatch(/(^|\n\n)(一、|\*\*第一条\*\*)/);
      expect(p.body).toContain(p.issuingAuthority.split(' ')[0]);
      const [y, m, d] = p.written.split('-').map(Number);
      expect(p.body).toContain(`${y}年${m}月${d}日`);
      expect(p.body).toContain(DEMO_FOOTER);
      // Long enough to be prose, not a list of the clauses.
      expect(p.body.length).toBeGreaterThan(p.eligibility.clauses.reduce((n, c) => n + c.text.length, 0) + 150);
    }
  });

  it('uses tags and jurisdictions of the starter taxonomy, and unique document numbers', () => {
    for (const p of DEMO_POLICIES) {
      expect(p.eligibility.tags.filter((t) => !KNOWN_TAGS.has(t))).toEqual([]);
      if (p.eligibility.jurisdiction) expect(KNOWN_TAGS).toContain(p.eligibility.jurisdiction);
    }
    expect(new Set(DEMO_POLICIES.map((p) => p.documentNumber)).size).toBe(DEMO_POLICIES.length);
    expect(new Set(DEMO_POLICIES.map((p) => p.title)).size).toBe(DEMO_POLICIES.length);
  });

  it('writes every rule over facts of the starter registry, with operators and values they allow, for the audiences served', () => {
    const problems = DEMO_POLICIES.flatMap((p) => {
      const kinds: Kind[] = p.eligibility.audience === 'any' ? ['individual', 'enterprise'] : [p.eligibility.audience];
      return p.eligibility.clauses.flatMap((c, i) => ruleProblems(c.rule, kinds, `${p.key} clauses.${i}.rule`));
    });
    expect(problems).toEqual([]);
  });

  it('gives only P01 an application deadline, 180 days after the seed day', () => {
    expect(eligibilityBody(DEMO_POLICIES[0], '2026-07-01').applicationDeadline).toBe('2026-12-28');
    expect(DEMO_POLICIES.slice(1).map((p) => eligibilityBody(p, '2026-07-01').applicationDeadline).filter(Boolean)).toEqual([]);
  });
});

describe('as demo content', () => {
  const specs = demoContent();

  it('links every non-national file to the one it implements, and gives every file an interpretation', () => {
    const mine = specs.filter((s) => s.type === 'policy' && s.keyField === 'documentNumber');
    expect(mine).toHaveLength(DEMO_POLICIES.length);
    for (const spec of mine) {
      const implemented = spec.relations?.implements;
      if (spec.data.level === 'national') expect(implemented).toBeUndefined();
      else expect(implemented).toHaveLength(1);
    }
    const interpreted = new Set(specs.filter((s) => s.type === 'interpretation').map((s) => s.relations?.policy));
    for (const p of DEMO_POLICIES) expect(interpreted).toContain(`policy:${p.documentNumber}`);
  });

  it('writes every implemented file before the file that names it', () => {
    const order = specs.filter((s) => s.type === 'policy').map((s) => `policy:${s.key}`);
    for (const spec of specs.filter((s) => s.type === 'policy' && s.relations?.implements)) {
      for (const ref of spec.relations!.implements as string[]) expect(order.indexOf(ref)).toBeLessThan(order.indexOf(`policy:${spec.key}`));
    }
  });

  it('names parents that demo-content has', () => {
    const titles = new Set(specs.filter((s) => s.type === 'policy').map((s) => s.data.title));
    for (const parent of Object.values(DEMO_PARENTS)) if ('title' in parent) expect(titles).toContain(parent.title);
  });

  it('leaves out parents a database does not hold when seeded alone', () => {
    const alone = demoPolicySpecs().filter((s) => s.type === 'policy');
    expect(alone.filter((s) => s.relations?.implements).length).toBe(Object.values(DEMO_PARENTS).filter((p) => 'key' in p).length);
  });
});
