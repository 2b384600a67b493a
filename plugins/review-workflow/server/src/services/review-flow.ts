import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConflictError, emitEvent, attributesOf, contentTypeOf, targetOf } from '@jiyue/kernel';
import type { Approval, ReviewEventRow, ReviewStateRow } from '../utils/rows';
import { runAsEmergency } from '../utils/emergency';
import type { ActorRecord as ReviewActor } from '@jiyue/kernel';
import { isReviewEnabled } from '../utils/review-types';
import { STAGE_NAMES_ZH, isReviewStage, nextStage, type ReviewStage, type Stage } from '../utils/stages';
import { getService } from '../utils/get-service';
import { STATE_UID } from '../utils/uids';
import type { KeyedFinding } from './prechecks';
import type { PrecheckSettlement, SubmitExtension } from '@jiyue/kernel';

/** How a reviewer settles a finding: the kernel's shape, shared with the admin panel. */
export type Settlement = PrecheckSettlement;

/**
 * The three-review workflow (三审三校): draft → 初审 → 复审 → 终审 → approved → published.
 * Each approval comes from a different person, never the last editor, and is bound to the hash of
 * the reviewed content; each stage is also a proofreading pass that settles every open finding.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService('audit-trail');
  const content = () => getService('content');

  const assertReviewed = (uid: string) => {
    if (!isReviewEnabled(contentTypeOf(strapi, uid))) {
      throw new errors.ValidationError(`"${uid}" does not go through review-workflow`, {
        errors: [{ path: ['uid'], message: 'not a reviewed content type', name: 'ValidationError', value: uid }],
      });
    }
  };

  /** A reviewer may name the stage they reviewed; if the item has moved on since, their decision is stale (409). */
  const assertSeenStage = (state: ReviewStateRow | null, seen?: ReviewStage) => {
    if (seen && state?.stage !== seen) {
      throw new ConflictError(`the item moved on to ${state?.stage ?? 'draft'} while you reviewed it at ${seen}; reload and review again`);
    }
  };

  /** Moves the state only if nobody else moved it since we read it: exactly one of two racing reviewers wins. */
  const transition = async (state: ReviewStateRow, data: Record<string, unknown>): Promise<ReviewStateRow> => {
    const { count } = await strapi.db.query(STATE_UID).updateMany({
      where: { id: state.id, version: state.version, stage: state.stage },
      data: { ...data, version: state.version + 1 },
    });
    if (!count) throw new ConflictError(`the review of this item changed meanwhile (it was at ${state.stage}); reload and try again`);
    return strapi.db.query(STATE_UID).findOne({ where: { id: state.id } });
  };

  return {
    async state(uid: string, documentId: string, locale: string): Promise<ReviewStateRow | null> {
      return strapi.db.query(STATE_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
    },

    /**
     * Submits one locale for review. Body fields other than `comment` belong to the submit extensions
     * registered by plugins above (distribution: `targets`): each is validated before anything is
     * written and handed to its extension once the submission is recorded.
     */
    async submit(uid: string, documentId: string, locale: string, body: { comment?: string; [field: string]: unknown }, actor: ReviewActor) {
      assertReviewed(uid);
      const { comment } = body;
      const extras: [SubmitExtension, unknown][] = [];
      for (const extension of getService('hooks').submitExtensions()) {
        if (body[extension.field] !== undefined) extras.push([extension, await extension.validate(body[extension.field])]);
      }
      const entry = await content().draft(uid, documentId, locale);
      const current = await this.state(uid, documentId, locale);
      if (current && (isReviewStage(current.stage) || current.stage === 'approved')) {
        throw new errors.ApplicationError(`already ${current.stage === 'approved' ? 'approved' : `in ${STAGE_NAMES_ZH[current.stage as Stage]} (${current.stage})`}`);
      }
      const contentHash = content().hashOf(uid, entry);
      const findings = await getService('prechecks').run(uid, entry, locale);
      const sentBack = findings.filter((f) => f.check === 'interpretation');
      if (sentBack.length) {
        await audit().record({ uid, documentId, locale, actor, stage: 'draft', action: 'sent-back', contentHash, comment: sentBack[0].message, findings: sentBack });
        throw new errors.ValidationError(`Sent back: ${sentBack[0].message}`, {
          errors: sentBack.map((f) => ({ path: [f.field], message: f.message, name: 'ValidationError', value: null })),
          findings: sentBack,
        });
      }

      const data = {
        stage: 'first-review',
        contentHash,
        approvals: [],
        lastEditorId: await content().lastEditorId(uid, documentId, locale),
        submittedById: actor.id,
        ownerSite: (entry.ownerSite as string | null | undefined) ?? null,
        lastComment: comment ?? null,
      };
      const state: ReviewStateRow = current
        ? await transition(current, { ...data, cycle: current.cycle + 1 })
        : await strapi.db.query(STATE_UID).create({ data: { contentType: uid, itemDocumentId: documentId, itemLocale: locale, cycle: 1, version: 0, ...data } });
      await audit().record({ uid, documentId, locale, actor, stage: 'first-review', action: 'submit', contentHash, comment, findings });
      for (const [extension, value] of extras) await extension.save({ uid, documentId, locale }, value);
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from: current?.stage ?? 'draft', to: 'first-review' });
      return { state, findings };
    },

    /** Approves the current stage: a distinct reviewer, not the last editor, every finding settled. */
    async approve(
      uid: string,
      documentId: string,
      locale: string,
      { comment, settlements = [], stage: seen }: { comment?: string; settlements?: Settlement[]; stage?: ReviewStage },
      actor: ReviewActor
    ) {
      assertReviewed(uid);
      const state = await this.state(uid, documentId, locale);
      assertSeenStage(state, seen);
      if (!state || !isReviewStage(state.stage)) throw new errors.ApplicationError(`not in review (stage: ${state?.stage ?? 'draft'}); submit it first`);
      const stage = state.stage as ReviewStage;
      if (actor.id === null) throw new errors.PolicyError('an approval needs a signed-in reviewer');
      if (actor.id === state.lastEditorId) throw new errors.PolicyError('you edited this item last: another person must review it');
      const approvals: Approval[] = state.approvals ?? [];
      const earlier = approvals.find((a) => a.userId === actor.id);
      if (earlier) throw new errors.PolicyError(`you already approved it at ${STAGE_NAMES_ZH[earlier.stage]}: three different reviewers are required`);
      await getService('reviewers').assertMayAct(actor, stage, state.ownerSite);

      const entry = await content().draft(uid, documentId, locale);
      const contentHash = content().hashOf(uid, entry);
      if (contentHash !== state.contentHash) {
        await this.resetIfChanged(uid, documentId, locale, actor);
        throw new ConflictError('the content changed since it was submitted; it is back in draft');
      }

      const findings = await getService('prechecks').run(uid, entry, locale);
      const outcome = getService('prechecks').settle(findings, settlements, { finalStage: stage === 'final-review' });
      if (outcome.open.length) {
        throw new errors.ValidationError(`${outcome.open.length} pre-check finding(s) must be settled before approving`, {
          errors: outcome.open.map((f) => ({ path: [f.field], message: `${f.message} (key ${f.key})`, name: 'ValidationError', value: f.excerpt })),
          findings: outcome.open,
        });
      }

      const to = nextStage(stage);
      const updated = await transition(state, {
        stage: to,
        approvals: [...approvals, { stage, userId: actor.id, at: new Date().toISOString(), contentHash }],
        lastComment: comment ?? null,
      });
      await audit().record({
        uid, documentId, locale, actor, stage, action: 'approve', contentHash, comment,
        findings, settlements: outcome.settled, flagged: outcome.settled.some((s) => s.resolution === 'override'),
        details: { to, fixed: await this.fixedSincePreviousPass(uid, documentId, locale, findings) },
      });
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from: stage, to });
      if (to === 'approved') emitEvent(strapi.eventHub, 'review-workflow.approved', { uid, documentId, locale, site: state.ownerSite, contentHash });
      return { state: updated, findings };
    },

    async reject(uid: string, documentId: string, locale: string, { comment, stage: seen }: { comment: string; stage?: ReviewStage }, actor: ReviewActor) {
      assertReviewed(uid);
      const state = await this.state(uid, documentId, locale);
      assertSeenStage(state, seen);
      if (!state || !isReviewStage(state.stage)) throw new errors.ApplicationError(`not in review (stage: ${state?.stage ?? 'draft'})`);
      await getService('reviewers').assertMayAct(actor, state.stage, state.ownerSite);
      const updated = await transition(state, { stage: 'draft', approvals: [], lastComment: comment });
      await audit().record({ uid, documentId, locale, actor, stage: state.stage, action: 'reject', contentHash: state.contentHash, comment });
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from: state.stage, to: 'draft' });
      return { state: updated };
    },

    /** Any change to the content after submission sends it back to draft, with the reason recorded. */
    async resetIfChanged(uid: string, documentId: string, locale: string, actor: ReviewActor | null) {
      const state = await this.state(uid, documentId, locale);
      if (!state || state.stage === 'draft') return;
      const contentHash = await content().hash(uid, documentId, locale);
      if (contentHash === state.contentHash) return;
      const from = state.stage as Stage;
      await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'draft', approvals: [], version: state.version + 1 } });
      await audit().record({
        uid, documentId, locale, actor, stage: from, action: 'reset', contentHash,
        comment: `content changed at ${STAGE_NAMES_ZH[from]} (${from}); approvals withdrawn, back to draft`,
        details: { previousHash: state.contentHash },
      });
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, site: state.ownerSite, from, to: 'draft' });
    },

    /** Reviewed documents this draft links to, per relation attribute whose target is reviewed too. */
    async linkedReviewed(uid: string, documentId: string, locale: string): Promise<{ uid: string; documentId: string }[]> {
      const relations = Object.entries(attributesOf(strapi, uid)).flatMap(([name, attr]): [string, UID.ContentType][] => {
        const target = targetOf(attr);
        return target && isReviewEnabled(contentTypeOf(strapi, target)) ? [[name, target]] : [];
      });
      if (!relations.length) return [];
      const row = (await strapi.db.query(uid).findOne({
        where: { documentId, locale, publishedAt: null },
        populate: Object.fromEntries(relations.map(([name]) => [name, { select: ['documentId'] }])),
      })) as Record<string, { documentId: string } | { documentId: string }[] | null> | null;
      if (!row) return [];
      return relations.flatMap(([name, target]) => {
        const value = row[name];
        const list = Array.isArray(value) ? value : value ? [value] : [];
        return list.map((v) => ({ uid: target as string, documentId: v.documentId }));
      });
    },

    /**
     * A link is part of the reviewed content on both sides: linking an interpretation from its policy
     * changes the interpretation's `policy` too. After a write, every reviewed document linked before
     * or after it is checked, and one whose content changed goes back to draft with the reason recorded.
     */
    async resetLinked(links: { uid: string; documentId: string }[], locale: string, actor: ReviewActor | null) {
      const seen = new Set<string>();
      for (const link of links) {
        const k = `${link.uid}|${link.documentId}`;
        if (seen.has(k)) continue;
        seen.add(k);
        await this.resetIfChanged(link.uid, link.documentId, locale, actor).catch((error: Error) => {
          if (error?.name !== 'NotFoundError') throw error;
        });
      }
    },

    /** Findings of the previous pass that are gone now: fixed by an edit (三校 records them). */
    async fixedSincePreviousPass(uid: string, documentId: string, locale: string, findings: KeyedFinding[]) {
      const events = await audit().history(uid, documentId, locale);
      const previous = [...events].reverse().find((e: ReviewEventRow) => ['submit', 'approve'].includes(e.action));
      const now = new Set(findings.map((f) => f.key));
      return ((previous?.findings ?? []) as KeyedFinding[]).filter((f) => !now.has(f.key)).map((f) => f.key);
    },

    /** Publishes without the three reviews; needs its own permission, and every use is flagged in the audit. */
    async emergencyPublish(uid: string, documentId: string, locale: string, { reason }: { reason: string }, actor: ReviewActor) {
      assertReviewed(uid);
      const contentHash = await content().hash(uid, documentId, locale);
      await runAsEmergency({ actorId: actor.id, reason }, () => strapi.documents(uid as UID.ContentType).publish({ documentId, locale }));
      const state = await this.state(uid, documentId, locale);
      if (state) await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'published', contentHash, version: state.version + 1 } });
      else await strapi.db.query(STATE_UID).create({ data: { contentType: uid, itemDocumentId: documentId, itemLocale: locale, stage: 'published', contentHash, approvals: [], cycle: 0, version: 0 } });
      await audit().record({ uid, documentId, locale, actor, stage: state?.stage ?? 'draft', action: 'emergency-publish', contentHash, comment: reason, flagged: true });
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid, documentId, locale, from: state?.stage ?? 'draft', to: 'published', emergency: true });
    },

    /** What the actor may act on now, optionally at one stage or site. */
    async queue(actor: ReviewActor, { stage, site }: { stage?: ReviewStage; site?: string }) {
      const rows: ReviewStateRow[] = await strapi.db.query(STATE_UID).findMany({
        where: { stage: stage ? stage : { $in: ['first-review', 'second-review', 'final-review'] }, ...(site ? { ownerSite: site } : {}) },
        orderBy: { updatedAt: 'asc' },
        limit: 500,
      });
      const actionable: ReviewStateRow[] = [];
      for (const row of rows) {
        const approvedBefore = (row.approvals ?? []).some((a) => a.userId === actor.id);
        if (approvedBefore || row.lastEditorId === actor.id) continue;
        if (await getService('reviewers').mayAct(actor, row.stage as ReviewStage, row.ownerSite)) actionable.push(row); // the where above keeps review stages only
      }
      return actionable;
    },
  };
};
