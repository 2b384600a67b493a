import { evaluateRule, factValue, type Explanation, type Facts, type NameLookup } from './evaluate-rule';
import { FIELD_BY_NAME, HOME_REGION_FIELD, type Audience } from './fields';
import { kleeneAll, kleeneAny, type Tri } from './kleene';
import { regionDistance } from './region';
import type { Rule } from './validate-rule';
import type { CompiledRule, prepareFacts } from './compile-rule';

export interface Clause {
  text: string;
  textBo?: string | null;
  benefit: string;
  benefitBo?: string | null;
  rule?: Rule | null;
}

/** A policy as the matcher needs it: its eligibility joined with the policy's own validity fields. */
export interface MatchablePolicy {
  documentId: string;
  title: string;
  titleBo?: string | null;
  audience: Audience | 'any';
  tags: string[];
  jurisdiction: string | null;
  applicationDeadline: string | null;
  /** The policy's own status: valid, amended, repealed, expired. */
  validity: string;
  validFrom: string | null;
  validTo: string | null;
  publishDate?: string | null;
  themeCategory?: string | null;
  clauses: Clause[];
}

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
 * audience, the profile's home region lies in the jurisdiction (any descendant region) and at least
 * one core clause holds (clauses are alternative benefits; a clause without a rule always holds).
 * All of it in Kleene logic, so unknown facts give `possibly-eligible` with the facts to ask for.
 */
export const evaluatePolicy = (
  policy: MatchablePolicy,
  profile: { kind: Audience; facts: Facts },
  asOf: string,
  names?: NameLookup,
  explain = true
): PolicyOutcome => {
  const reasons = closedReasons(policy, asOf);
  if (policy.audience !== 'any' && policy.audience !== profile.kind) reasons.push('audience');
  const homeField = HOME_REGION_FIELD[profile.kind];
  const home = factValue(profile.facts, homeField, asOf) as string | null;
  let jurisdictionResult: Tri = true;
  let jurisdiction: Explanation | null = null;
  let distance: number | null = null;
  if (policy.jurisdiction) {
    distance = home === null ? null : regionDistance(home, policy.jurisdiction);
    jurisdictionResult = home === null ? null : distance !== null;
    if (explain) {
      const out = evaluateRule({ field: homeField, op: 'eq', value: policy.jurisdiction }, profile.facts, asOf, names);
      jurisdiction = out.explanations[0];
    }
    if (jurisdictionResult === false) reasons.push('jurisdiction');
  }
  if (reasons.length) {
    return { documentId: policy.documentId, status: 'ineligible', reasons, jurisdiction, clauses: [], missing: [], regionDistance: distance };
  }

  const clauses: ClauseOutcome[] = policy.clauses.map((clause, index) => {
    const out = clause.rule ? evaluateRule(clause.rule, profile.facts, asOf, names, explain) : { result: true as Tri, missing: [], explanations: [] };
    return {
      index, text: clause.text, textBo: clause.textBo ?? null, benefit: clause.benefit, benefitBo: clause.benefitBo ?? null,
      status: toStatus(out.result), explanations: out.explanations, missing: out.missing,
    };
  });
  const clausesResult: Tri = clauses.length ? kleeneAny(clauses.map((c) => (c.status === 'eligible' ? true : c.status === 'ineligible' ? false : null))) : true;
  const result = kleeneAll([jurisdictionResult, clausesResult]);
  const missing = new Set<string>();
  if (result === null) {
    if (jurisdictionResult === null) missing.add(homeField);
    if (clausesResult === null) for (const c of clauses) if (c.status === 'possibly-eligible') c.missing.forEach((m) => missing.add(m));
  }
  return { documentId: policy.documentId, status: toStatus(result), reasons, jurisdiction, clauses, missing: [...missing], regionDistance: distance };
};

/** Facts that would settle the most unknown results first (ties by field order in the registry). */
export const rankMissingFacts = (outcomes: Pick<PolicyOutcome, 'status' | 'missing'>[]) => {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.status === 'possibly-eligible') for (const m of o.missing) counts.set(m, (counts.get(m) ?? 0) + 1);
  const order = [...FIELD_BY_NAME.keys()];
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([field, settles]) => ({ field, label: FIELD_BY_NAME.get(field)?.labelZh ?? field, labelBo: FIELD_BY_NAME.get(field)?.labelBo, settles }));
};

/**
 * The status from pre-compiled clause rules: the forward match's pass over every policy. Same logic
 * as `evaluatePolicy` (the unit tests hold them together); with `missing`, the deciding unknown
 * facts are collected as well. Explanations come from `evaluatePolicy`, for returned results only.
 */
export const quickStatus = (
  policy: MatchablePolicy,
  compiled: (CompiledRule | null)[],
  profile: { kind: Audience; prepared: ReturnType<typeof prepareFacts> },
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
    const homeField = HOME_REGION_FIELD[profile.kind];
    const containing = profile.prepared.home(homeField);
    if (!containing) {
      jurisdiction = null;
      missing?.push(homeField);
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
