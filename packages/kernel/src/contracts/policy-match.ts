/**
 * The shapes policy-match's server and its admin screens both speak (declared once; the admin imports
 * them type-only from `@jiyue/kernel/contracts`).
 */

/** Whom a profile describes, and whom a policy or a fact serves. */
export type ProfileKind = 'individual' | 'enterprise';

/** A fact compared with a value; `value` may be relative to the evaluation day (`{ today }`, `{ thisYear }`). */
export type RulePredicate<Op extends string = string> = { field: string; op: Op; value?: unknown };

/** Holds when the profile is of this kind: lets one rule serve individuals and enterprises. */
export type KindRule = { kind: ProfileKind };

/** An eligibility rule: all / any / not over kind tests and fact predicates (the server narrows `Op`). */
export type PolicyRule<Op extends string = string> =
  | { all: PolicyRule<Op>[] }
  | { any: PolicyRule<Op>[] }
  | { not: PolicyRule<Op> }
  | KindRule
  | RulePredicate<Op>;

/** One clause of a policy's eligibility: the policy's own words, what it grants, and when it applies. */
export interface PolicyClause<R = PolicyRule> {
  text: string;
  textBo?: string | null;
  benefit: string;
  benefitBo?: string | null;
  rule?: R | null;
}

/** One tag of the taxonomy (identity, life event, industry, enterprise type …), as the tag routes answer. */
export interface TaxonomyTag {
  code: string;
  dimension: string;
  nameZh: string;
  nameBo: string | null;
  synonyms: string[];
  parentCode: string | null;
  /** Stored in a profile only with its own consent (特困人员, 低保 …); never shown in reverse-match samples. */
  sensitive: boolean;
}

/** `GET /policy-match/tags/:code/usage`: where a tag is used (a tag in use keeps its code and dimension). */
export interface TagUsage {
  code: string;
  dimension: string;
  inUse: boolean;
  policies: { documentId: string; title: string | null; paths: string[] }[];
  storedProfiles: number;
  subscriptions: number;
  children: string[];
}
