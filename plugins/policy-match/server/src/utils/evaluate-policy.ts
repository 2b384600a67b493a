import { evaluateRule, readFact, type EvalContext, type Explanation, type Facts } from './evaluate-rule';
import type { Audience } from './fields';
import { kleeneAll, kleeneAny, type Tri } from './kleene';
import { regionDistance } from './region';
import type { PolicyClause } from '@jiyue/kernel/contracts';
import type { Registry } from './registry';
import type { Rule } from './validate-rule';
import type { CompiledRule, PreparedFacts } from './compile-rule';

/** One clause of a policy's eligibility (the kernel contract's shape, over the server's rules). */
export type Clause = PolicyClause<Rule>;

/** A policy as the matcher needs it: its eligibility joined with the policy's own validity fields. */
export interface MatchablePolicy {
  documentId: string;
  title: string;
  titleBo?: string | null;
  audience: Audience | 'any';
  tags: string[];
  jurisdiction: string | null;
  /** The region fact the jurisdiction is tested on, per kind (default: 户籍 householdRegion, 注册地 region). */
  jurisdictionFacts?: JurisdictionFacts | null;
  applicationDeadline: string | null;
  /** The policy's own status: valid, amended, repealed, expired. */
  validity: string;
  validFrom: string | null;
  validTo: string | null;
  publishDate?: string | null;
  themeCategory?: string | null;
  clauses: Clause[];
}

export type JurisdictionFacts = Partial<Record<Audience, string>>;

/** Where a profile lives or is registered unless the policy names another region fact (常住地 …). */
export const DEFAULT_JURISDICTION_FACTS: Readonly<Record<Audience, string>> = { individual: 'householdRegion', enterprise: 'region' };

/** The region fact a policy's jurisdiction is tested on for a profile of this kind. */
export const jurisdictionFact = (policy: Pick<MatchablePolicy, 'jurisdictionFacts'>, kind: Audience): string =>
  policy.jurisdictionFacts?.[kind] ?? DEFAULT_JURISDICTION_FACTS[kind];

export type MatchStatus = 'eligible' | 'possibly-eligible' | 'ineligible';

export interface ClauseOutcome {
  index: number;
  text: string;
  textBo?: string | null;
  benefit: string;
  benefitBo?: string | null;
  status: MatchStatus;
  explanations: Explanation[];
  missing: string[];
}

export interface PolicyOutcome {
  documentId: string;
  status: MatchStatus;
  /** Why an ineligible policy can never match (repealed, expired, not-yet-valid, deadline-passed, audience, jurisdiction) — empty otherwise. */
  reasons: string[];
  jurisdiction: Explanation | null;
  clauses: ClauseOutcome[];
  missing: string[];
  /** 0 when the policy is for the profile's own region, 1 for its parent …; null when unknown or outside. */
  regionDistance: number | null;
}

const toStatus = (t: Tri): MatchStatus => (t === true ? 'eligible' : t === null ? 'possibly-eligible' : 'ineligible');

/** Policy-level reasons that no fact can change. Validity and deadline dates include their end points. */
export const closedReasons = (policy: MatchablePolicy, asOf: string): string[] => {
  const reasons: string[] = [];
  if (policy.validity === 'repealed') reasons.push('repealed');
  if (policy.validity === 'expired') reasons.push('expired');
  if (policy.validFrom && asOf < policy.validFrom) reasons.push('not-yet-valid');
  if (policy.validTo && asOf > policy.validTo && !reasons.includes('expired')) reasons.push('expired');
  if (policy.applicationDeadline && asOf > policy.applicationDeadline) reasons.push('deadline-passed');
  return reasons;
};

/**
 * A policy against one profile. The policy applies when it is in force, the profile is of its
 * audience, the region fact the policy names for the profile's kind (户籍地 by default) lies in the
 * jurisdiction (any descendant region) and at least one core clause holds (clauses are alternative
 * benefits; a clause without a rule always holds). All of it in Kleene logic, so unknown facts give
 * `possibly-eligible` with the facts to ask for.
 */
export const evaluatePolicy = (
  policy: MatchablePolicy,
  profile: { kind: Audience; facts: Facts },
  ctx: EvalContext & { explain?: boolean }
): PolicyOutcome => {
  const { asOf, registry } = ctx;
  const explain = ctx.explain ?? true;
  const reasons = closedReasons(policy, asOf);
  if (policy.audience !== 'any' && policy.audience !== profile.kind) reasons.push('audience');
  const homeField = jurisdictionFact(policy, profile.kind);
  const home = readFact(registry, profile.facts, homeField, asOf).value as string | null;
  let jurisdictionResult: Tri = true;
  let jurisdiction: Explanation | null = null;
  let distance: number | null = null;
  if (policy.jurisdiction) {
    distance = home === null ? null : regionDistance(home, policy.jurisdiction);
    jurisdictionResult = home === null ? null : distance !== null;
    if (explain && registry.get(homeField)) {
      const out = evaluateRule({ field: homeField, op: 'eq', value: policy.jurisdiction }, profile, { ...ctx, explain: true });
      jurisdiction = out.explanations[0];
    }
    if (jurisdictionResult === false) reasons.push('jurisdiction');
  }
  if (reasons.length) {
    return { documentId: policy.documentId, status: 'ineligible', reasons, jurisdiction, clauses: [], missing: [], regionDistance: distance };
  }

  const clauses: ClauseOutcome[] = policy.clauses.map((clause, index) => {
    const out = clause.rule ? evaluateRule(clause.rule, profile, { ...ctx, explain }) : { result: true as Tri, missing: [], explanations: [] };
    return {
      index, text: clause.text, textBo: clause.textBo ?? null, benefit: clause.benefit, benefitBo: clause.benefitBo ?? null,
      status: toStatus(out.result), explanations: out.explanations, missing: out.missing,
    };
  });
  const clausesResult: Tri = clauses.length ? kleeneAny(clauses.map((c) => (c.status === 'eligible' ? true : c.status === 'ineligible' ? false : null))) : true;
  const result = kleeneAll([jurisdictionResult, clausesResult]);
  const missing = new Set<string>();
  if (result === null) {
    if (jurisdictionResult === null) readFact(registry, profile.facts, homeField, asOf).missing.forEach((m) => missing.add(m));
    if (clausesResult === null) for (const c of clauses) if (c.status === 'possibly-eligible') c.missing.forEach((m) => missing.add(m));
  }
  return { documentId: policy.documentId, status: toStatus(result), reasons, jurisdiction, clauses, missing: [...missing], regionDistance: distance };
};

/** Facts that would settle the most unknown results first (ties by the registry's `sortOrder`, then code). */
export const rankMissingFacts = (outcomes: Pick<PolicyOutcome, 'status' | 'missing'>[], registry: Registry) => {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.status === 'possibly-eligible') for (const m of o.missing) counts.set(m, (counts.get(m) ?? 0) + 1);
  const order = new Map(registry.facts.map((f, i) => [f.code, i]));
  const at = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || at(a[0]) - at(b[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([field, settles]) => {
      const def = registry.get(field);
      return { field, label: def?.labelZh ?? field, labelBo: def?.labelBo ?? undefined, settles };
    });
};

/**
 * The status from pre-compiled clause rules: the forward match's pass over every policy. Same logic
 * as `evaluatePolicy` (the unit tests hold them together); with `missing`, the deciding unknown
 * facts are collected as well. Explanations come from `evaluatePolicy`, for returned results only.
 */
export const quickStatus = (
  policy: MatchablePolicy,
  compiled: (CompiledRule | null)[],
  profile: { kind: Audience; prepared: PreparedFacts },
  asOf: string,
  missing?: string[]
): { status: MatchStatus; regionDistance: number | null } => {
  const closed = { status: 'ineligible' as const, regionDistance: null };
  if (policy.audience !== 'any' && policy.audience !== profile.kind) return closed;
  if (policy.validity === 'repealed' || policy.validity === 'expired') return closed;
  if ((policy.validFrom && asOf < policy.validFrom) || (policy.validTo && asOf > policy.validTo) || (policy.applicationDeadline && asOf > policy.applicationDeadline)) return closed;
  let jurisdiction: Tri = true;
  let distance: number | null = null;
  if (policy.jurisdiction) {
    const homeField = jurisdictionFact(policy, profile.kind);
    const containing = profile.prepared.home(homeField);
    if (!containing) {
      jurisdiction = null;
      if (missing) for (const m of profile.prepared.missingOf(homeField)) missing.push(m);
    } else {
      distance = containing.get(policy.jurisdiction) ?? null;
      if (distance === null) return closed;
    }
  }
  const mark = missing?.length ?? 0;
  let clauses: Tri = compiled.length ? false : true;
  for (const c of compiled) {
    const r = c ? c(profile.prepared, missing) : true;
    if (r === true) {
      clauses = true;
      break;
    }
    if (r === null) clauses = null;
  }
  const result = kleeneAll([jurisdiction, clauses]);
  if (missing) {
    if (clauses !== null) missing.length = mark;
    if (result !== null) missing.length = 0;
  }
  return { status: toStatus(result), regionDistance: distance };
};
