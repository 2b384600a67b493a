import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseQuery } from '@jiyue/kernel';
import { requireUser } from '../utils/caller';
import { INBOX_UID } from '../utils/uids';
import { listQuery } from '../validation/inbox';

/** An inbox row (the columns answered). */
interface InboxRow {
  id: number;
  kind: string;
  policyDocumentId: string;
  title: string;
  status: string;
  createdAt: string;
  readAt: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    /** GET /api/policy-match/inbox: the caller's own notifications, newest first. */
    async list(ctx) {
      const { id } = requireUser(ctx);
      const { page, pageSize, unread } = parseQuery(listQuery, ctx.query);
      const where: Record<string, unknown> = { userId: id, ...(unread ? { readAt: { $null: true } } : {}) };
      const [rows, total] = await Promise.all([
        strapi.db.query(INBOX_UID).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(INBOX_UID).count({ where }),
      ]);
      ctx.body = {
        data: (rows as InboxRow[]).map((r) => ({ id: r.id, kind: r.kind, policyDocumentId: r.policyDocumentId, title: r.title, status: r.status, createdAt: r.createdAt, readAt: r.readAt })),
        meta: { pagination: { page, pageSize, total } },
      };
    },
    async markRead(ctx) {
      const { id } = requireUser(ctx);
      const itemId = Number(ctx.params.id);
      const item = Number.isInteger(itemId) ? await strapi.db.query(INBOX_UID).findOne({ where: { id: itemId, userId: id } }) : null;
      if (!item) throw new errors.NotFoundError('no such inbox item');
      await strapi.db.query(INBOX_UID).update({ where: { id: item.id }, data: { readAt: item.readAt ?? new Date() } });
      ctx.body = { data: { id: item.id, read: true } };
    },
  }) satisfies Core.Controller;
