import type { Core } from '@strapi/strapi';
import { emitEvent, onEvent, contentTypeOf } from '@jiyue/kernel';
import type { ReviewStateRow } from '../utils/rows';
import { getService } from '../utils/get-service';
import { isReviewEnabled } from '../utils/review-types';
import { STATE_UID } from '../utils/uids';

/**
 * A published page's picture or attachment changed without review (the file kept its id). Each
 * published locale using it goes back to draft: its approvals are withdrawn, so the next publish
 * needs a new review, and the change is recorded as a flagged audit event (listed by
 * `GET /review-workflow/reports/flagged`).
 */
export const listenForMediaChanges = (strapi: Core.Strapi) =>
  // Emitted by site-group (below us on the ladder) when a file used by published items is replaced or deleted.
  onEvent(strapi.eventHub, 'site-group.media.changed', async (event) => {
    for (const doc of event?.documents ?? []) {
      if (!isReviewEnabled(contentTypeOf(strapi, doc.uid)) || !doc.locale) continue;
      const where = { contentType: doc.uid, itemDocumentId: doc.documentId, itemLocale: doc.locale };
      const state: ReviewStateRow | null = await strapi.db.query(STATE_UID).findOne({ where });
      const stage = state?.stage ?? 'published';
      if (state) await strapi.db.query(STATE_UID).update({ where: { id: state.id }, data: { stage: 'draft', approvals: [], version: state.version + 1 } });
      else await strapi.db.query(STATE_UID).create({ data: { ...where, ownerSite: doc.ownerSite, stage: 'draft', approvals: [], cycle: 0, version: 0 } });
      await getService('audit-trail').record({
        uid: doc.uid, documentId: doc.documentId, locale: doc.locale, actor: null, stage, action: 'media-changed', flagged: true,
        comment: `file ${event.fileIds.map((id) => `#${id}`).join(', ')} ${event.action === 'delete' ? 'deleted' : 'replaced'} while published; approvals withdrawn, back to draft`,
        details: { fileIds: event.fileIds, mediaAction: event.action, actorId: event.actorId ?? null },
      });
      emitEvent(strapi.eventHub, 'review-workflow.stage.changed', { uid: doc.uid, documentId: doc.documentId, locale: doc.locale, site: doc.ownerSite, from: stage, to: 'draft' });
    }
  });
