import type { Core } from '@strapi/strapi';
import { AUDIT_UID } from '../utils/uids';

export interface AuditEntry {
  action: string;
  contentType?: string;
  itemDocumentId?: string;
  siteId?: number;
  columnId?: number;
  placementId?: number;
  actorId?: number | null;
  details?: Record<string, unknown>;
}

/** Append-only: this service only ever inserts and reads; nothing updates or deletes an entry. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(entry: AuditEntry) {
    return strapi.db.query(AUDIT_UID).create({ data: { ...entry, actorId: entry.actorId ?? null } });
  },

  async forItem(itemDocumentId: string) {
    return strapi.db.query(AUDIT_UID).findMany({ where: { itemDocumentId }, orderBy: { id: 'asc' } });
  },
});
