import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import type { DeliveryRow } from '../utils/rows';
import { DELIVERY_UID } from '../utils/uids';
import { fieldError, contentTypeOf } from '@jiyue/kernel';

const PUBLIC_FIELDS = ['id', 'contentType', 'itemDocumentId', 'itemLocale', 'version', 'operation', 'channelKey', 'channelKind', 'site', 'status', 'attempts', 'maxAttempts', 'nextAttemptAt', 'idempotencyKey', 'receipt', 'lastError', 'deliveredAt', 'retractionId', 'reason', 'createdAt', 'updatedAt'];

const present = (row: DeliveryRow) => ({
  ...Object.fromEntries(PUBLIC_FIELDS.map((f) => [f, row[f as keyof DeliveryRow] ?? null])),
  nextAttemptAt: row.nextAttemptAt ? new Date(Number(row.nextAttemptAt)).toISOString() : null,
});

/** The outbox as the admin dashboard sees it, and the retry of dead letters. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Deliveries, newest first; `sites` limits them to the caller's sites (null: every site). */
  async list({ status, channel, site, documentId, page = 1, pageSize = 25, sites = null }: { status?: string; channel?: string; site?: string; documentId?: string; page?: number; pageSize?: number; sites?: string[] | null }) {
    const where: Record<string, unknown> = {};
    if (status) where.status = status;
    if (channel) where.$or = [{ channelKey: channel }, { channelKind: channel }];
    if (sites) where.site = { $in: sites };
    if (site) where.site = sites && !sites.includes(site) ? { $in: [] } : site;
    if (documentId) where.itemDocumentId = documentId;
    const [rows, total] = await Promise.all([
      strapi.db.query(DELIVERY_UID).findMany({ where, orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize }) as Promise<DeliveryRow[]>,
      strapi.db.query(DELIVERY_UID).count({ where }),
    ]);
    return { data: rows.map(present), meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /** A dead letter goes back to the queue with a fresh budget of attempts; the idempotency key stays, so the receiver still drops a duplicate. */
  /**
   * Delivery status of one item per target (channel key), newest delivery first within each: what
   * the Distribution panel shows after publish, with the id to retry a dead one. `locale` narrows it.
   */
  async forItem(uid: string, documentId: string, locale?: string) {
    if (!contentTypeOf(strapi, uid)) throw new errors.NotFoundError(`No content type "${uid}"`);
    const where: Record<string, unknown> = { contentType: uid, itemDocumentId: documentId };
    if (locale) where.itemLocale = locale;
    const rows = (await strapi.db.query(DELIVERY_UID).findMany({ where, orderBy: { id: 'desc' }, limit: 500 })) as DeliveryRow[];
    const targets = new Map<string, { channelKey: string; channelKind: string; site: string | null; latest: Record<string, unknown>; history: Record<string, unknown>[] }>();
    for (const row of rows) {
      const shown = present(row);
      const target = targets.get(row.channelKey);
      if (target) target.history.push(shown);
      else targets.set(row.channelKey, { channelKey: row.channelKey, channelKind: row.channelKind, site: row.site ?? null, latest: shown, history: [] });
    }
    return [...targets.values()].sort((a, b) => a.channelKey.localeCompare(b.channelKey));
  },

  async retry(id: number) {
    const row = (await strapi.db.query(DELIVERY_UID).findOne({ where: { id } })) as DeliveryRow | null;
    if (!row) throw new errors.NotFoundError(`No delivery ${id}`);
    if (row.status !== 'dead') throw fieldError(['id'], `is ${row.status}: only dead letters can be retried`, id);
    await strapi.db.query(DELIVERY_UID).updateMany({ where: { id, status: 'dead' }, data: { status: 'pending', attempts: 0, nextAttemptAt: Date.now(), lastError: row.lastError } });
    getService('dispatcher').kick();
    return present((await strapi.db.query(DELIVERY_UID).findOne({ where: { id } })) as DeliveryRow);
  },

  async retryDead(filter: { channel?: string; site?: string }) {
    const where: Record<string, unknown> = { status: 'dead' };
    if (filter.channel) where.$or = [{ channelKey: filter.channel }, { channelKind: filter.channel }];
    if (filter.site) where.site = filter.site;
    const { count } = await strapi.db.query(DELIVERY_UID).updateMany({ where, data: { status: 'pending', attempts: 0, nextAttemptAt: Date.now() } });
    getService('dispatcher').kick();
    return { retried: count };
  },
});
