import type { Core } from '@strapi/strapi';
import type { ReviewAuditInput } from '@jiyue/kernel';
import { EVENT_UID } from '../utils/uids';
import type { ReviewEventRow } from '../utils/rows';
import { service, contentTypeOf } from '@jiyue/kernel';

/** One review event to record (the kernel contract's `ReviewAuditInput`). */
export type ReviewEventInput = ReviewAuditInput;

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
  /**
   * Flagged events (emergency publishes…), newest first. `sites`: only items owned by these sites
   * (the caller's; null = every site, for Super Admins), read through site-group's ownership service.
   */
  async flagged({ since, limit = 200, sites = null }: { since?: string | Date; limit?: number; sites?: string[] | null } = {}): Promise<ReviewEventRow[]> {
    const where = { flagged: true, ...(since ? { createdAt: { $gte: since } } : {}) };
    if (sites === null) return strapi.db.query(EVENT_UID).findMany({ where, orderBy: { id: 'desc' }, limit });
    const allowed = new Set(sites);
    const ownership = service(strapi, 'site-group', 'ownership');
    const owners = new Map<string, string | null>();
    const out: ReviewEventRow[] = [];
    for (const event of (await strapi.db.query(EVENT_UID).findMany({ where, orderBy: { id: 'desc' }, limit: 5000 })) as ReviewEventRow[]) {
      const key = `${event.contentType}\u0000${event.itemDocumentId}`;
      if (!owners.has(key)) owners.set(key, contentTypeOf(strapi, event.contentType) ? await ownership.ownerOf(event.contentType, event.itemDocumentId) : null);
      const owner = owners.get(key);
      if (owner && allowed.has(owner)) out.push(event);
      if (out.length >= limit) break;
    }
    return out;
  },

  async history(uid: string, documentId: string, locale?: string): Promise<ReviewEventRow[]> {
    return strapi.db.query(EVENT_UID).findMany({
      where: { contentType: uid, itemDocumentId: documentId, ...(locale ? { itemLocale: locale } : {}) },
      orderBy: { id: 'asc' },
    });
  },
});
