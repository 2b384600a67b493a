import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, parseBody } from '@jiyue/kernel';
import { eligibilityBody } from '../validation/eligibility';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { ELIGIBILITY_UID } from '../utils/uids';
import { DEFAULT_RULE_LIMITS } from '../utils/validate-rule';
import { toIsoDate } from '../utils/dates';
import type { Clause, JurisdictionFacts } from '../utils/evaluate-policy';
import type { Audience } from '../utils/fields';

/** A row of the eligibility table (one per policy). */
export interface EligibilityRow {
  id: number;
  policyDocumentId: string;
  audience: Audience | 'any';
  tags: string[] | null;
  clauses: Clause[] | null;
  jurisdiction: string | null;
  jurisdictionFacts: JurisdictionFacts | null;
  applicationDeadline: string | Date | null;
  updatedAt: string | Date;
}

const present = (row: EligibilityRow | null) =>
  row && {
    policyDocumentId: row.policyDocumentId, audience: row.audience, tags: row.tags ?? [], clauses: row.clauses ?? [],
    jurisdiction: row.jurisdiction ?? null, jurisdictionFacts: row.jurisdictionFacts ?? null, applicationDeadline: toIsoDate(row.applicationDeadline), updatedAt: row.updatedAt,
  };

/** Eligibility of a policy: audience tags, jurisdiction, deadline and core clauses with their rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(documentId: string) {
    return present(await strapi.db.query(ELIGIBILITY_UID).findOne({ where: { policyDocumentId: documentId } }));
  },

  /**
   * Validates everything first (shape, tags, jurisdiction and its region facts, every rule with its
   * path, against the fact registry the matcher uses), then writes one row: bad input changes nothing.
   */
  async save(documentId: string, body: unknown, actorId?: number) {
    const [{ byCode }, registry] = await Promise.all([getService('taxonomy').all(), getService('catalogue').registry()]);
    const maxDepth = strapi.plugin('policy-match').config('maxRuleDepth') as number;
    const input = parseBody(eligibilityBody({ registry, tags: byCode, limits: { ...DEFAULT_RULE_LIMITS, maxDepth } }), body);
    const policy = await strapi.db.query(policyUid()).findOne({ where: { documentId }, select: ['id'] });
    if (!policy) throw new errors.NotFoundError(`no policy ${documentId}`);

    const data = {
      policyDocumentId: documentId, audience: input.audience, tags: input.tags, jurisdiction: input.jurisdiction ?? null,
      jurisdictionFacts: input.jurisdictionFacts && Object.keys(input.jurisdictionFacts).length ? input.jurisdictionFacts : null,
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
