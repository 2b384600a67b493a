import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, parseBody, throwFieldErrors, type FieldError } from '@jiyue/kernel';
import { putBody, type EligibilityInput } from '../validation/eligibility';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { ELIGIBILITY_UID } from '../utils/uids';
import { DEFAULT_RULE_LIMITS, validateRule } from '../utils/validate-rule';
import { toIsoDate } from '../utils/dates';
import type { Clause } from '../utils/evaluate-policy';
import type { Audience } from '../utils/fields';

/** A row of the eligibility table (one per policy). */
export interface EligibilityRow {
  id: number;
  policyDocumentId: string;
  audience: Audience | 'any';
  tags: string[] | null;
  clauses: Clause[] | null;
  jurisdiction: string | null;
  applicationDeadline: string | Date | null;
  updatedAt: string | Date;
}

const present = (row: EligibilityRow | null) =>
  row && {
    policyDocumentId: row.policyDocumentId, audience: row.audience, tags: row.tags ?? [], clauses: row.clauses ?? [],
    jurisdiction: row.jurisdiction ?? null, applicationDeadline: toIsoDate(row.applicationDeadline), updatedAt: row.updatedAt,
  };

/** Eligibility of a policy: audience tags, jurisdiction, deadline and core clauses with their rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(documentId: string) {
    return present(await strapi.db.query(ELIGIBILITY_UID).findOne({ where: { policyDocumentId: documentId } }));
  },

  /**
   * A parsed body (`putBody`) checked as a save checks it: tags, jurisdiction, every rule with its path.
   * Nothing is written; a 400 names every problem, each path prefixed by `prefix` (the try route nests
   * the draft under `eligibility`).
   */
  async check(input: EligibilityInput, prefix: (string | number)[] = []) {
    const { byCode } = await getService('taxonomy').all();
    const problems: FieldError[] = [];
    input.tags.forEach((t: string, i: number) => {
      if (!byCode.has(t)) problems.push({ path: ['tags', i], message: `unknown tag ${JSON.stringify(t)}` });
    });
    if (input.jurisdiction && byCode.get(input.jurisdiction)?.dimension !== 'region') {
      problems.push({ path: ['jurisdiction'], message: `${input.jurisdiction} is not a region of the taxonomy` });
    }
    const maxDepth = strapi.plugin('policy-match').config('maxRuleDepth') as number;
    const knownTags = new Set(byCode.keys());
    input.clauses.forEach((clause, i) => {
      if (clause.rule == null) return;
      for (const p of validateRule(clause.rule, { audience: input.audience, knownTags, limits: { ...DEFAULT_RULE_LIMITS, maxDepth } })) {
        problems.push({ path: ['clauses', i, 'rule', ...p.path], message: p.message });
      }
    });
    throwFieldErrors(problems.map((p) => ({ ...p, path: [...prefix, ...p.path] })));
    return input;
  },

  /** Validates everything first (`check`), then writes one row: bad input changes nothing. */
  async save(documentId: string, body: unknown, actorId?: number) {
    const parsed = parseBody(putBody, body);
    const policy = await strapi.db.query(policyUid()).findOne({ where: { documentId }, select: ['id'] });
    if (!policy) throw new errors.NotFoundError(`no policy ${documentId}`);
    const input = await this.check(parsed);

    const data = {
      policyDocumentId: documentId, audience: input.audience, tags: input.tags, jurisdiction: input.jurisdiction ?? null,
      applicationDeadline: input.applicationDeadline ?? null, editedById: actorId ?? null,
      clauses: input.clauses.map((c) => ({ text: c.text, textBo: c.textBo?.normalize('NFC') ?? null, benefit: c.benefit, benefitBo: c.benefitBo?.normalize('NFC') ?? null, rule: c.rule ?? null })),
    };
    const existing = await strapi.db.query(ELIGIBILITY_UID).findOne({ where: { policyDocumentId: documentId }, select: ['id'] });
    const row = existing
      ? await strapi.db.query(ELIGIBILITY_UID).update({ where: { id: existing.id }, data })
      : await strapi.db.query(ELIGIBILITY_UID).create({ data });
    await getService('catalogue').bump();
    emitEvent(strapi.eventHub, 'policy-match.eligibility.changed', { uid: policyUid(), documentId });
    return present(row);
  },

  async remove(documentId: string) {
    const deleted = await strapi.db.query(ELIGIBILITY_UID).delete({ where: { policyDocumentId: documentId } });
    if (!deleted) throw new errors.NotFoundError(`policy ${documentId} has no eligibility`);
    await getService('catalogue').bump();
    emitEvent(strapi.eventHub, 'policy-match.eligibility.changed', { uid: policyUid(), documentId, removed: true });
    return { removed: true };
  },
});
