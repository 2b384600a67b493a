import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { isReviewStage, nextStage, type ReviewStage } from '../utils/stages';
import { SIGN_OFF_UID, STATE_UID } from '../utils/uids';

export interface ExternalSignOffInput {
  uid: string;
  documentId: string;
  locale: string;
  signers: { name: string; role?: string }[];
  signedAt: string;
  sourceSystem: string;
  sourceDocumentId: string;
  signature: string;
  /** The caller (the future inbound API for office systems) verified the signature. */
  verified: boolean;
}

/**
 * A sign-off made in an office system (OA) stands in for the review stages the owner site's
 * config allows (`externalSignOff` on a stage config), and nothing else. Recorded in full and shown
 * in the audit trail as an external sign-off.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(input: ExternalSignOffInput) {
    if (!input.verified) throw new errors.PolicyError('an external sign-off counts only with a verified signature');
    if (!input.signers?.length) throw new errors.ValidationError('an external sign-off names its signers');
    const state = await getService('review-flow').state(input.uid, input.documentId, input.locale);
    if (!state || !isReviewStage(state.stage)) throw new errors.ApplicationError('the item must be submitted for review before an external sign-off applies');

    const reviewers = getService('reviewers');
    const covered: ReviewStage[] = [];
    let stage = state.stage as ReviewStage;
    for (;;) {
      const config = await reviewers.configFor(stage, state.ownerSite);
      if (!config?.externalSignOff) break;
      covered.push(stage);
      const next = nextStage(stage);
      if (!isReviewStage(next)) break;
      stage = next;
    }
    if (!covered.length) throw new errors.PolicyError(`site "${state.ownerSite}" does not accept external sign-offs at ${state.stage}`);

    const signOff = await strapi.db.query(SIGN_OFF_UID).create({
      data: { contentType: input.uid, itemDocumentId: input.documentId, itemLocale: input.locale, signers: input.signers, signedAt: input.signedAt, sourceSystem: input.sourceSystem, sourceDocumentId: input.sourceDocumentId, signature: input.signature, verified: true, stages: covered },
    });
    const last = covered[covered.length - 1];
    const to = nextStage(last);
    const approvals = [...(state.approvals ?? []), ...covered.map((s) => ({ stage: s, userId: null, external: signOff.id, at: input.signedAt, contentHash: state.contentHash }))];
    const { count } = await strapi.db.query(STATE_UID).updateMany({ where: { id: state.id, version: state.version }, data: { stage: to, approvals, version: state.version + 1 } });
    if (!count) throw new errors.ApplicationError('the review changed meanwhile; record the sign-off again');
    for (const s of covered) {
      await getService('audit-trail').record({
        uid: input.uid, documentId: input.documentId, locale: input.locale, actor: null, stage: s, action: 'external-sign-off',
        contentHash: state.contentHash, comment: `${input.sourceSystem} ${input.sourceDocumentId}: ${input.signers.map((p) => p.name).join('、')}`,
        details: { signOffId: signOff.id, signedAt: input.signedAt, sourceSystem: input.sourceSystem },
      });
    }
    emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid: input.uid, documentId: input.documentId, locale: input.locale, from: state.stage, to, external: true });
    if (to === 'approved') emitEvent(strapi.eventHub, 'review-workflow.approved', { uid: input.uid, documentId: input.documentId, locale: input.locale, site: state.ownerSite });
    return { signOff, stage: to, covered };
  },
});
