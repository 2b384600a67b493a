import { REGION_CODE } from '../utils/region';
import { strictObject, z } from '@jiyue/kernel';
import { isoDate } from './common';
import type { Audience } from '../utils/fields';
import type { Registry } from '../utils/registry';
import { DEFAULT_RULE_LIMITS, KINDS, validateRule, type RuleLimits } from '../utils/validate-rule';

const KIND_WORD: Record<Audience, string> = { individual: 'individuals', enterprise: 'enterprises' };

/** A policy's eligibility (`eligibility.*`): the shape here; each clause's rule is then checked against the fact registry with its path. */
export const putBody = strictObject({
  audience: z.enum(['individual', 'enterprise', 'any']),
  tags: z.array(z.string().max(80)).max(50).default([]),
  jurisdiction: z.string().regex(REGION_CODE, { error: 'must be a 6-digit GB/T 2260 region code' }).nullable().default(null),
  // The region fact the jurisdiction is tested on, per kind (户籍地 / 常住地 / 注册地): checked against the registry below.
  jurisdictionFacts: strictObject({ individual: z.string().max(40).optional(), enterprise: z.string().max(40).optional() }).nullable().default(null),
  applicationDeadline: isoDate.nullable().default(null),
  clauses: z
    .array(
      strictObject({
        text: z.string().trim().min(1).max(2000),
        textBo: z.string().max(4000).nullable().optional(),
        benefit: z.string().trim().min(1).max(500),
        benefitBo: z.string().max(1000).nullable().optional(),
        // A rule tree; validate-rule checks it against the registry with its path.
        rule: z.unknown().optional(),
      })
    )
    .max(20)
    .default([]),
});

export type EligibilityInput = z.output<typeof putBody>;

/** What the registry-dependent checks need besides the registry: the taxonomy's tags (code → dimension) and the rule limits. */
export interface EligibilityChecks {
  registry: Registry;
  tags: ReadonlyMap<string, { dimension: string }>;
  limits?: RuleLimits;
}

/**
 * The eligibility body checked against the fact registry and the taxonomy, as one schema: its shape,
 * then (when the shape holds) the tags, the jurisdiction (a region of the taxonomy), the region fact
 * chosen per kind (a region fact serving that kind, only for kinds the policy serves) and every
 * clause's rule (`validateRule`: unknown facts, values outside bounds or enum, incompatible
 * comparisons, facts of an audience the policy does not serve), each problem with its path.
 */
export const eligibilityBody = ({ registry, tags, limits = DEFAULT_RULE_LIMITS }: EligibilityChecks) =>
  putBody.superRefine((input, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    input.tags.forEach((t, i) => {
      if (!tags.has(t)) problem(['tags', i], `unknown tag ${JSON.stringify(t)}`);
    });
    if (input.jurisdiction && tags.get(input.jurisdiction)?.dimension !== 'region') {
      problem(['jurisdiction'], `${input.jurisdiction} is not a region of the taxonomy`);
    }
    const served: Audience[] = input.audience === 'any' ? [...KINDS] : [input.audience];
    for (const kind of KINDS) {
      const code = input.jurisdictionFacts?.[kind];
      if (code === undefined) continue;
      const candidates = registry.regionFacts(kind).map((f) => f.code);
      if (!served.includes(kind)) problem(['jurisdictionFacts', kind], `the policy serves only ${KIND_WORD[served[0]]}`);
      else if (!candidates.includes(code)) problem(['jurisdictionFacts', kind], `must be a region fact of ${KIND_WORD[kind]} (${candidates.join(', ')})`);
    }
    const knownTags = new Set(tags.keys());
    input.clauses.forEach((clause, i) => {
      if (clause.rule == null) return;
      for (const p of validateRule(clause.rule, { registry, audience: input.audience, knownTags, limits })) problem(['clauses', i, 'rule', ...p.path], p.message);
    });
  });
