import type { Core } from '@strapi/strapi';
import type { ReviewActor } from '../utils/request-actor';
import { EVENT_UID } from '../utils/uids';

export interface ReviewEventInput {
  uid: string;
  documentId: string;
  locale: string;
  actor: ReviewActor | null;
  stage: string;
  action: string;
  contentHash?: string | null;
  comment?: string | null;
  findings?: unknown[];
  settlements?: unknown[];
  flagged?: boolean;
  details?: Record<string, unknown>;
}

/**
 * The append-only audit trail: this service only inserts and reads. Updates and deletes are refused
 * for every path by the audit-immutability document middleware, and the type is hidden from the
 * Content Manager.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(event: ReviewEventInput) {
    return strapi.db.query(EVENT_UID).create({
      data: {
        contentType: event.uid,
        itemDocumentId: event.documentId,
        itemLocale: event.locale,
        actorId: event.actor?.id ?? null,
        actorName: event.actor?.name ?? 'system',
        actorRoles: event.actor?.roles ?? [],
        stage: event.stage,
        action: event.action,
        contentHash: event.contentHash ?? null,
        comment: event.comment ?? null,
        findings: event.findings ?? [],
        settlements: event.settlements ?? [],
        flagged: event.flagged ?? false,
        details: event.details ?? {},
      },
    });
  },

  /** Flagged events (emergency publishes, overridden findings), newest first, for supervisors. */
  async flagged({ since, limit = 200 }: { since?: string; limit?: number } = {}) {
    return strapi.db.query(EVENT_UID).findMany({
      where: { flagged: true, ...(since ? { createdAt: { $gte: since } } : {}) },
      orderBy: { id: 'desc' },
      limit,
    });
  },

  async history(uid: string, documentId: string, locale?: string) {
    return strapi.db.query(EVENT_UID).findMany({
      where: { contentType: uid, itemDocumentId: documentId, ...(locale ? { itemLocale: locale } : {}) },
      orderBy: { id: 'asc' },
    });
  },
});
