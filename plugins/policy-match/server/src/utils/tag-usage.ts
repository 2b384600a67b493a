/**
 * Where a taxonomy tag is used by policies (pure): an eligibility's audience tags, its jurisdiction, and
 * the values of clause rules over a fact whose values are codes of the tag's dimension (a tag-list fact of
 * that dimension, a region fact for `region`, an industry fact for `industry`). A tag in use keeps its
 * code, dimension and parent, and cannot be deleted (`services/taxonomy.ts`).
 */

/** What the usage scan needs to know of a fact: its type and, for a tag list, the dimension of its codes. */
export interface TagFactInfo {
  type: string;
  tagDimension?: string;
}

export interface TagUse {
  documentId: string;
  /** `tags`, `jurisdiction`, or `clauses.<i>.rule…` down to the value. */
  path: (string | number)[];
}

/** The eligibility parts the scan reads. */
export interface EligibilityUseRow {
  policyDocumentId: string;
  tags?: unknown;
  jurisdiction?: string | null;
  clauses?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a fact's values are codes of tags of `dimension`. */
export const factHoldsDimension = (fact: TagFactInfo | undefined, dimension: string) =>
  Boolean(fact) && ((fact!.type === 'tag-list' && fact!.tagDimension === dimension) || fact!.type === dimension);

/** Paths inside one rule whose value is `code` over a fact holding codes of `dimension`. */
export const ruleTagUses = (
  rule: unknown,
  tag: { code: string; dimension: string },
  factOf: (code: string) => TagFactInfo | undefined,
  path: (string | number)[] = []
): (string | number)[][] => {
  if (!isObject(rule)) return [];
  const out: (string | number)[][] = [];
  for (const group of ['all', 'any'] as const) {
    const parts = rule[group];
    if (Array.isArray(parts)) parts.forEach((part, i) => out.push(...ruleTagUses(part, tag, factOf, [...path, group, i])));
  }
  if ('not' in rule) out.push(...ruleTagUses(rule.not, tag, factOf, [...path, 'not']));
  if (typeof rule.field === 'string' && factHoldsDimension(factOf(rule.field), tag.dimension)) {
    const value = rule.value;
    if (value === tag.code) out.push([...path, 'value']);
    else if (Array.isArray(value)) value.forEach((v, i) => v === tag.code && out.push([...path, 'value', i]));
  }
  return out;
};

/** Every use of a tag by the given eligibilities. */
export const tagUses = (rows: readonly EligibilityUseRow[], tag: { code: string; dimension: string }, factOf: (code: string) => TagFactInfo | undefined): TagUse[] => {
  const uses: TagUse[] = [];
  for (const row of rows) {
    const documentId = row.policyDocumentId;
    if (Array.isArray(row.tags)) row.tags.forEach((t, i) => t === tag.code && uses.push({ documentId, path: ['tags', i] }));
    if (tag.dimension === 'region' && row.jurisdiction === tag.code) uses.push({ documentId, path: ['jurisdiction'] });
    if (Array.isArray(row.clauses)) {
      row.clauses.forEach((clause, i) => {
        if (isObject(clause)) for (const p of ruleTagUses(clause.rule, tag, factOf, ['clauses', i, 'rule'])) uses.push({ documentId, path: p });
      });
    }
  }
  return uses;
};
