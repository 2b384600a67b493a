import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConflictError, attributesOf, contentTypeOf } from '@jiyue/kernel';
import { compileSafePattern, type SafePattern } from '../utils/safe-pattern';
import { fieldMatches, replacedValue } from '../utils/field-matches';
import { replaceableFields } from '../utils/replacement-fields';
import { textFingerprint, timestampMs } from '../utils/text-fingerprint';
import { replacementConfig } from '../utils/replacement-config';
import { REPLACEMENT_CHANGE_UID, REPLACEMENT_EVENT_UID, REPLACEMENT_UID } from '../../utils/uids';
import type { ReplacementActor } from './replacement';
import { getService } from '../../utils/get-service';
import { emitEvent, optionalPlugin, optionalService } from '@jiyue/kernel';
import type { ReplacementChangeRow, ReplacementRow } from '../utils/replacement-rows';
import type { ItemRow } from '../../utils/rows';
import { thrown } from '../../utils/thrown';

/** A replacement in the wrong state for the action (applied twice, rolled back before apply): 409. */
class ReplacementStateError extends ConflictError<'ReplacementStateError'> {
  constructor(message: string) {
    super(message);
    this.name = 'ReplacementStateError';
  }
}

// Bookkeeping columns: a draft and its published copy differ in these without differing in content.
const BOOKKEEPING = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
const SCALAR = new Set(['string', 'text', 'richtext', 'blocks', 'email', 'uid', 'enumeration', 'integer', 'biginteger', 'float', 'decimal', 'boolean', 'date', 'time', 'datetime', 'timestamp', 'json', 'password']);

const sameValue = (a: unknown, b: unknown) => {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : v === undefined ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (typeof x === 'object' || typeof y === 'object') return JSON.stringify(x) === JSON.stringify(y);
  return String(x) === String(y);
};

interface Outcome {
  state: 'applied' | 'skipped' | 'failed' | 'rolled-back' | 'rollback-skipped' | 'rollback-failed';
  reason?: string;
  republished?: boolean;
  data?: Record<string, unknown>;
}

/**
 * Cluster-wide find and replace, the writing side. Apply changes exactly the previewed items,
 * skipping any edited since the preview; rollback restores the exact previous field values,
 * skipping any edited since the apply. Each item is written through the Document Service (a new
 * draft version, so review-workflow sees the change) and, when its published version was in step
 * with its draft, republished through review-workflow's trusted path with the replacement as the
 * recorded reason. Every item's outcome is kept, and every run is audited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const previews = () => strapi.plugin('distribution').service('replacement');
  const scopeService = () => strapi.plugin('distribution').service('replacement-scope');

  /** The Document Service of a content type named at run time (a stored change's uid). */
  const documents = (uid: string) => strapi.documents(uid as UID.ContentType);

  const draftRow = async (uid: string, documentId: string, locale: string | null) =>
    (await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) } })) as ItemRow | null;

  const publishedRow = async (uid: string, documentId: string, locale: string | null) =>
    (await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) } })) as ItemRow | null;

  /** True when the published version shows exactly the draft's content: republishing then releases nothing unreviewed. */
  const inStep = (uid: string, draft: ItemRow, published: ItemRow) =>
    Object.entries(attributesOf(strapi, uid)).every(([name, attr]) => BOOKKEEPING.has(name) || !SCALAR.has(attr.type) || sameValue(draft[name], published[name]));

  const fingerprint = (uid: string, row: ItemRow) => {
    const names = replaceableFields(contentTypeOf(strapi, uid)).map((f) => f.name);
    return { hash: textFingerprint(row, names), updatedAt: String(timestampMs(row.updatedAt)) };
  };

  /** Publish through review-workflow's trusted path when it is there (the replacement is the recorded reason). */
  const trustedPublish = (reason: string, fn: () => Promise<unknown>) => {
    const gate = optionalService(strapi, 'review-workflow', 'publish-gate');
    return gate ? gate.withTrustedPublish(reason, fn) : fn();
  };

  /** Records the change in review-workflow's audit trail (its service; absent plugin → nothing). */
  const reviewAudit = async (change: ReplacementChangeRow, actor: ReplacementActor, action: string, comment: string, details: Record<string, unknown>) => {
    const review = optionalPlugin(strapi, 'review-workflow');
    if (!review) return;
    const trail = review.service('audit-trail');
    // A change of a non-localized type has no locale: null goes through as it is stored.
    const locale = change.itemLocale as string;
    const state = await review.service('review-flow').state(change.contentType, change.itemDocumentId, locale).catch(() => null);
    await trail.record({
      uid: change.contentType,
      documentId: change.itemDocumentId,
      locale,
      actor: { id: actor.id, name: actor.name, roles: actor.roles, isSuperAdmin: actor.isSuperAdmin },
      stage: state?.stage ?? 'draft',
      action,
      comment,
      details,
      // Republished without the three reviews: listed in the flagged report for after-the-fact review.
      flagged: true,
    });
  };

  /**
   * The republish has already queued an update to each target of the publish, in its transaction;
   * this catches every other channel that still holds an older version (a target whose version is
   * already queued is skipped, so each channel gets one update).
   */
  const redeliver = async (change: ReplacementChangeRow, reason: string) => {
    try {
      await getService('outbox').redeliver({ uid: change.contentType, documentId: change.itemDocumentId, locale: change.itemLocale ?? undefined, reason });
    } catch (error) {
      // The text is changed and published either way; a failed hand-over is logged, not undone.
      strapi.log.warn(`distribution: redelivery after ${reason} failed for ${change.contentType} ${change.itemDocumentId}: ${thrown(error).message ?? error}`);
    }
  };

  const applyOne = async (replacement: ReplacementRow, change: ReplacementChangeRow, pattern: SafePattern, actor: ReplacementActor): Promise<Outcome> => {
    const { contentType: uid, itemDocumentId: documentId, itemLocale: locale } = change;
    const ct = contentTypeOf(strapi, uid);
    if (!ct) return { state: 'skipped', reason: 'the content type no longer exists' };
    const draft = await draftRow(uid, documentId, locale);
    if (!draft) return { state: 'skipped', reason: 'deleted since the preview' };
    const now = fingerprint(uid, draft);
    if (now.hash !== change.previewHash || now.updatedAt !== change.previewUpdatedAt) return { state: 'skipped', reason: 'edited since the preview' };

    const fields = replaceableFields(ct).filter((f) => (change.fields ?? []).includes(f.name));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of fields) {
      const matches = fieldMatches(field.name, field.kind, draft[field.name], pattern, { left: Number.MAX_SAFE_INTEGER }, 0);
      if (!matches.length) continue;
      const value = replacedValue(field.kind, draft[field.name], matches);
      if (field.maxLength && typeof value === 'string' && value.length > field.maxLength) {
        return { state: 'failed', reason: `the new ${field.name} would be ${value.length} characters, more than its limit of ${field.maxLength}` };
      }
      before[field.name] = draft[field.name];
      after[field.name] = value;
    }
    if (!Object.keys(after).length) return { state: 'skipped', reason: 'no match left' };

    const published = await publishedRow(uid, documentId, locale);
    const republish = !!published && inStep(uid, draft, published);
    const reason = `cluster replacement #${replacement.id} by ${actor.name}: "${replacement.find}" → "${replacement.replace}"`;
    await strapi.db.transaction(async () => {
      await documents(uid).update({ documentId, ...(locale ? { locale } : {}), data: after });
      if (republish) await trustedPublish(reason, () => documents(uid).publish({ documentId, ...(locale ? { locale } : {}) }));
    });
    const written = fingerprint(uid, (await draftRow(uid, documentId, locale))!);
    return {
      state: 'applied',
      republished: republish,
      ...(published && !republish ? { reason: 'the draft has changes that are not published yet: the draft is replaced, the published version waits for its next review' } : {}),
      data: { beforeValues: before, afterValues: after, appliedHash: written.hash, appliedUpdatedAt: written.updatedAt },
    };
  };

  const rollbackOne = async (replacement: ReplacementRow, change: ReplacementChangeRow, actor: ReplacementActor): Promise<Outcome> => {
    const { contentType: uid, itemDocumentId: documentId, itemLocale: locale } = change;
    if (!contentTypeOf(strapi, uid)) return { state: 'rollback-skipped', reason: 'the content type no longer exists' };
    const draft = await draftRow(uid, documentId, locale);
    if (!draft) return { state: 'rollback-skipped', reason: 'deleted since the apply' };
    const now = fingerprint(uid, draft);
    if (now.hash !== change.appliedHash || now.updatedAt !== change.appliedUpdatedAt) return { state: 'rollback-skipped', reason: 'edited since the apply' };
    const reason = `rollback of cluster replacement #${replacement.id} by ${actor.name}`;
    await strapi.db.transaction(async () => {
      await documents(uid).update({ documentId, ...(locale ? { locale } : {}), data: change.beforeValues ?? {} });
      if (change.republished) await trustedPublish(reason, () => documents(uid).publish({ documentId, ...(locale ? { locale } : {}) }));
    });
    return { state: 'rolled-back', republished: !!change.republished };
  };

  /** Runs `one` over the replacement's changes in `fromState`, in id order, recording each outcome. */
  const run = async (
    replacement: ReplacementRow,
    fromState: string,
    one: (change: ReplacementChangeRow) => Promise<Outcome>,
    after: (change: ReplacementChangeRow, outcome: Outcome) => Promise<void>
  ) => {
    const counts: Record<string, number> = {};
    const notes: { uid: string; documentId: string; locale: string | null; state: string; reason: string }[] = [];
    let republished = 0;
    let lastId = 0;
    for (;;) {
      const changes = (await strapi.db.query(REPLACEMENT_CHANGE_UID).findMany({ where: { replacementId: replacement.id, state: fromState, id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: 200 })) as ReplacementChangeRow[];
      if (!changes.length) break;
      lastId = changes[changes.length - 1].id;
      for (const change of changes) {
        let outcome: Outcome;
        try {
          outcome = await one(change);
        } catch (error) {
          outcome = { state: fromState === 'pending' ? 'failed' : 'rollback-failed', reason: thrown(error).message ?? String(error) };
        }
        await strapi.db.query(REPLACEMENT_CHANGE_UID).update({
          where: { id: change.id },
          data: { state: outcome.state, reason: outcome.reason ?? null, ...(outcome.data ?? {}), ...(fromState === 'pending' ? { republished: !!outcome.republished } : {}) },
        });
        counts[outcome.state] = (counts[outcome.state] ?? 0) + 1;
        if (outcome.republished) republished += 1;
        if (outcome.reason) notes.push({ uid: change.contentType, documentId: change.itemDocumentId, locale: change.itemLocale, state: outcome.state, reason: outcome.reason });
        if (outcome.state === 'applied' || outcome.state === 'rolled-back') await after(change, outcome);
      }
    }
    return { counts, republished, notes };
  };

  const claim = async (id: number, from: string, to: string, action: string) => {
    const claimed = await strapi.db.query(REPLACEMENT_UID).updateMany({ where: { id, status: from }, data: { status: to } });
    if (!claimed?.count) {
      const now = await previews().load(id);
      throw new ReplacementStateError(`Replacement ${id} is ${now.status}: only a ${from} replacement can be ${action}`);
    }
  };

  const audit = (replacement: ReplacementRow, action: string, actor: ReplacementActor, counts: Record<string, unknown>) =>
    strapi.db.query(REPLACEMENT_EVENT_UID).create({
      data: {
        replacementId: replacement.id,
        action,
        actorId: actor.id,
        actorName: actor.name,
        find: replacement.find,
        replace: replacement.replace,
        scope: { site: replacement.scopeSite, includeDescendants: replacement.includeDescendants, sites: (replacement.scopeSites ?? []).length },
        counts,
      },
    });

  /** The columns a finished run writes on its replacement: the new status, when, by whom, and the result. */
  const FINISHED = {
    apply: { status: 'applied', at: 'appliedAt', byId: 'appliedById', byName: 'appliedByName', result: 'applyResult' },
    rollback: { status: 'rolled-back', at: 'rolledBackAt', byId: 'rolledBackById', byName: 'rolledBackByName', result: 'rollbackResult' },
  } as const;

  /** Records a finished run on the replacement and in its audit (the counts: the result without its notes). */
  const finish = async (replacement: ReplacementRow, action: keyof typeof FINISHED, actor: ReplacementActor, result: { notes: unknown[] } & Record<string, unknown>) => {
    const columns = FINISHED[action];
    await strapi.db.query(REPLACEMENT_UID).update({
      where: { id: replacement.id },
      data: { status: columns.status, [columns.at]: new Date(), [columns.byId]: actor.id, [columns.byName]: actor.name, [columns.result]: result },
    });
    const { notes: _notes, ...counts } = result;
    await audit(replacement, action, actor, counts);
  };

  return {
    async apply(id: number, actor: ReplacementActor) {
      const replacement = await previews().load(id);
      if (replacement.status !== 'previewed') throw new ReplacementStateError(`Replacement ${id} is ${replacement.status}: only a previewed replacement can be applied`);
      // Four eyes (双人复核): the text changes and republishes without review, so one admin previews and another applies.
      if (actor.id === null || actor.id === replacement.previewedById) {
        throw new errors.PolicyError(`Replacement ${id} must be applied by an admin other than the one who previewed it (four eyes, 双人复核)`);
      }
      await scopeService().assertCanActForAll(replacement.scopeSites ?? [replacement.scopeSite], actor.scope);
      await claim(id, 'previewed', 'applying', 'applied');
      const pattern = compileSafePattern(replacement.find, replacement.replace ?? '', { regex: replacement.regex, maxLength: Number.MAX_SAFE_INTEGER });
      const { counts, republished, notes } = await run(
        replacement,
        'pending',
        (change) => applyOne(replacement, change, pattern, actor),
        async (change, outcome) => {
          await reviewAudit(change, actor, 'cluster-replacement', `cluster replacement #${id}: "${replacement.find}" → "${replacement.replace}"`, {
            replacementId: id,
            fields: Object.keys((outcome.data?.afterValues as object) ?? {}),
            republished: !!outcome.republished,
          });
          await redeliver(change, `replacement:${id}`);
        }
      );
      const result = { applied: counts.applied ?? 0, skipped: counts.skipped ?? 0, failed: counts.failed ?? 0, republished, notes };
      await finish(replacement, 'apply', actor, result);
      void emitEvent(strapi.eventHub, 'distribution.replacement.applied', { id, applied: result.applied, skipped: result.skipped, failed: result.failed });
      return result;
    },

    async rollback(id: number, actor: ReplacementActor) {
      const replacement = await previews().load(id);
      if (replacement.status !== 'applied') throw new ReplacementStateError(`Replacement ${id} is ${replacement.status}: only an applied replacement can be rolled back`);
      await scopeService().assertCanActForAll(replacement.scopeSites ?? [replacement.scopeSite], actor.scope);
      await claim(id, 'applied', 'rolling-back', 'rolled back');
      const { counts, republished, notes } = await run(
        replacement,
        'applied',
        (change) => rollbackOne(replacement, change, actor),
        async (change) => {
          await reviewAudit(change, actor, 'cluster-replacement-rollback', `rollback of cluster replacement #${id}`, { replacementId: id });
          await redeliver(change, `replacement-rollback:${id}`);
        }
      );
      const result = { restored: counts['rolled-back'] ?? 0, skipped: counts['rollback-skipped'] ?? 0, failed: counts['rollback-failed'] ?? 0, republished, notes };
      await finish(replacement, 'rollback', actor, result);
      void emitEvent(strapi.eventHub, 'distribution.replacement.rolled-back', { id, restored: result.restored, skipped: result.skipped, failed: result.failed });
      return result;
    },
  };
};
