import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, type ActorRecord as ReviewActor, attributesOf, targetOf } from '@jiyue/kernel';
import type { InterpretationRule } from '../config';
import type { ReviewStateRow } from '../utils/rows';
import { STAGE_NAMES_ZH, type Stage } from '../utils/stages';
import { getService } from '../utils/get-service';
import { runAsTrusted, runAsWorkflow } from '../utils/emergency';
import { EVENT_UID, STATE_UID } from '../utils/uids';

/**
 * Nothing publishes without a final approval of exactly the content being published, whichever
 * path the publish takes (Content Manager, bulk publish, Document Service, REST with an API token).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rule = () => strapi.plugin('review-workflow').config('interpretationRule') as InterpretationRule | null;
  /** The content type an interpretation rule's relation leads to (the interpretations). */
  const interpretationType = (r: InterpretationRule) => targetOf(attributesOf(strapi, r.contentType)[r.relation]) as UID.ContentType;

  return {
    /**
     * Runs `fn` with publishing allowed for trusted code: seeds, imports of content approved
     * elsewhere, copies of an item that passed review at its origin. Never reachable from a route.
     */
    withTrustedPublish<T>(reason: string, fn: () => Promise<T>): Promise<T> {
      return runAsTrusted({ reason }, fn);
    },

    /** The state and audit of a trusted publish: published, with the reason it skipped review. */
    async recordTrustedPublish(uid: string, documentId: string, locales: string[], reason: string) {
      for (const locale of locales) {
        const contentHash = await getService('content').hash(uid, documentId, locale);
        const state: ReviewStateRow | null = await strapi.db.query(STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
        if (state) await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'published', contentHash, version: state.version + 1 } });
        else await strapi.db.query(STATE_UID).create({ data: { contentType: uid, itemDocumentId: documentId, itemLocale: locale, stage: 'published', contentHash, approvals: [], cycle: 0, version: 0 } });
        await getService('audit-trail').record({ uid, documentId, locale, actor: null, stage: state?.stage ?? 'draft', action: 'trusted-publish', contentHash, comment: reason });
      }
    },

    /** The locales a publish call covers: one, several, or every locale with a draft ('*'). */
    async locales(uid: string, documentId: string, locale: unknown): Promise<string[]> {
      if (typeof locale === 'string' && locale !== '*') return [locale];
      if (Array.isArray(locale)) return locale as string[];
      if (locale === '*') {
        const rows = (await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as { locale: string }[];
        return [...new Set(rows.map((r) => r.locale))];
      }
      return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
    },

    async assertPublishable(uid: string, documentId: string, locales: string[]) {
      for (const locale of locales) {
        const state: ReviewStateRow | null = await strapi.db.query(STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
        const stage = (state?.stage ?? 'draft') as Stage;
        if (stage !== 'approved' && stage !== 'published') {
          throw new errors.PolicyError(
            `Cannot publish ${uid} ${documentId} (${locale}): it has not passed the three reviews (三审三校); it is at ${STAGE_NAMES_ZH[stage]} (${stage}). Submit it for review.`
          );
        }
        // One read of the draft serves the hash and the interpretation rule.
        const entry = await getService('content').draft(uid, documentId, locale);
        const contentHash = getService('content').hashOf(uid, entry);
        if (contentHash !== state?.contentHash) {
          throw new errors.PolicyError(`Cannot publish ${uid} ${documentId} (${locale}): its content changed after the final approval. Submit it for review again.`);
        }
        // The state row is a convenience; the append-only audit trail is the record of the approval.
        if (!(await this.hasFinalApproval(uid, documentId, locale, contentHash))) {
          throw new errors.PolicyError(
            `Cannot publish ${uid} ${documentId} (${locale}): the audit trail holds no final approval (终审) of this exact content since it was last unpublished. Submit it for review again.`
          );
        }
        await this.assertInterpretationsApproved(uid, entry, locale);
      }
    },

    /**
     * True when the audit trail shows this exact content passed: a final approval (终审, or the
     * external sign-off that stands in for it), or an earlier audited publish of the same content
     * (emergency or trusted), recorded after the item was last unpublished or retracted.
     */
    async hasFinalApproval(uid: string, documentId: string, locale: string, contentHash: string) {
      const item = { contentType: uid, itemDocumentId: documentId, itemLocale: locale };
      const [withdrawn] = await strapi.db.query(EVENT_UID).findMany({ where: { ...item, action: 'unpublish' }, orderBy: { id: 'desc' }, limit: 1, select: ['id'] });
      const approval = await strapi.db.query(EVENT_UID).findOne({
        where: {
          ...item,
          contentHash,
          ...(withdrawn ? { id: { $gt: withdrawn.id } } : {}),
          $or: [
            { action: { $in: ['approve', 'external-sign-off'] }, stage: 'final-review' },
            { action: { $in: ['emergency-publish', 'trusted-publish'] } },
          ],
        },
        select: ['id'],
      });
      return !!approval;
    },

    /**
     * A policy that needs an interpretation publishes only once that interpretation is approved too,
     * and an interpretation that publishes with it must still be exactly what its own reviewers
     * approved: linking it from the policy changes its content (its `policy` relation) after the fact.
     */
    async assertInterpretationsApproved(uid: string, entry: Record<string, unknown>, locale: string) {
      const r = rule();
      if (!r || r.contentType !== uid) return;
      const linked = (entry[r.relation] ?? []) as { documentId: string }[];
      const target = interpretationType(r);
      const states: ReviewStateRow[] = linked.length
        ? await strapi.db.query(STATE_UID).findMany({ where: { contentType: target, itemLocale: locale, itemDocumentId: { $in: linked.map((i) => i.documentId) } } })
        : [];
      for (const s of states.filter((x) => x.stage === 'approved')) await this.assertPublishable(target, s.itemDocumentId, [locale]);
      if (!r.kinds.includes(entry[r.kindField] as string)) return;
      if (!states.some((s) => s.stage === 'approved' || s.stage === 'published')) {
        throw new errors.PolicyError(`Cannot publish this policy (${locale}): its interpretation (政策解读) must be approved first; they publish together.`);
      }
    },

    /** After a gated publish: the state says published, the audit says who, and approved interpretations follow their policy. */
    async afterPublish(uid: string, documentId: string, locales: string[], actor: ReviewActor) {
      for (const locale of locales) {
        const state: ReviewStateRow | null = await strapi.db.query(STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
        if (!state || state.stage === 'published') continue;
        await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'published', version: state.version + 1 } });
        await getService('audit-trail').record({ uid, documentId, locale, actor, stage: 'approved', action: 'publish', contentHash: state.contentHash });
        emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from: 'approved', to: 'published' });
        await this.publishInterpretations(uid, documentId, locale);
      }
    },

    /**
     * After an unpublish (Content Manager, `documents().unpublish()`, or a cluster retraction, which
     * unpublishes through the Document Service): the approval is spent. The state returns to draft and
     * the audit records it, so publishing the same text again needs a new final approval.
     */
    async afterUnpublish(uid: string, documentId: string, locales: string[], actor: ReviewActor | null, reason?: string) {
      for (const locale of locales) {
        const state: ReviewStateRow | null = await strapi.db.query(STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
        // Only a spent approval is withdrawn: a locale approved but not yet published keeps its approval.
        if (!state || state.stage !== 'published') continue;
        await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'draft', approvals: [], version: state.version + 1 } });
        await getService('audit-trail').record({
          uid, documentId, locale, actor, stage: state.stage, action: 'unpublish', contentHash: state.contentHash,
          comment: reason ?? 'unpublished: publishing again needs a new review',
        });
        emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from: state.stage, to: 'draft' });
      }
    },

    async publishInterpretations(uid: string, documentId: string, locale: string) {
      const r = rule();
      if (!r || r.contentType !== uid) return;
      const entry = await getService('content').draft(uid, documentId, locale);
      const target = interpretationType(r);
      for (const { documentId: id } of (entry[r.relation] ?? []) as { documentId: string }[]) {
        const state = await strapi.db.query(STATE_UID).findOne({ where: { contentType: target, itemDocumentId: id, itemLocale: locale } });
        if (state?.stage !== 'approved') continue;
        // Published in the same operation as the policy: re-checked against its own approved hash.
        await this.assertPublishable(target, id, [locale]);
        await runAsWorkflow(() => strapi.documents(target).publish({ documentId: id, locale }));
      }
    },
  };
};
