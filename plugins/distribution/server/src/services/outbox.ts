import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService, pluginConfig } from '../utils/get-service';
import { idempotencyKey, versionOf } from '../utils/idempotency-key';
import type { ChannelRow, DeliveryRow, ItemRow } from '../utils/rows';
import { CHANNEL_UID, DELIVERY_UID } from '../utils/uids';
import type { ResolvedTarget } from './targets';
import { DISCLOSURE_FIELD, isCatalogueField, isPubliclyVisible, publicView, attributesOf, contentTypeOf } from '@jiyue/kernel';

export interface Snapshot {
  uid: string;
  type: string;
  documentId: string;
  locale: string;
  ownerSite?: string | null;
  publishedAt: string | null;
  fields: Record<string, unknown>;
  cover: { url: string; mime?: string; width?: number; height?: number } | null;
  url: string;
}

/** Channels that hold a copy of the item at the receiver, so taking it back needs a request. */
export const PUSHED_CHANNELS = ['webhook', 'wechat', 'weibo'];

const SCALAR = new Set(['string', 'text', 'richtext', 'enumeration', 'date', 'datetime', 'integer', 'boolean', 'email', 'uid', 'decimal', 'float', 'biginteger']);
const SKIP_FIELDS = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

export interface EnqueueRow {
  target: ResolvedTarget;
  operation: 'create' | 'update' | 'delete' | 'notify';
  uid?: string | null;
  documentId?: string | null;
  locale?: string | null;
  version: string;
  payload: Record<string, unknown>;
  retractionId?: number | null;
  reason?: string | null;
  /** The target's previous row, when there is one: the same version coming back later is a new delivery, not a duplicate of the first. */
  after?: number | null;
}

/**
 * The durable outbox: rows written in the caller's transaction (the publish), dispatched later by
 * whichever instance claims them. The idempotency key makes a second enqueue of the same version to
 * the same target a no-op, and travels to the receiver so a redelivery never duplicates there.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The published version of one locale as channels need it, or null when it is not published. */
  async snapshot(uid: string, documentId: string, locale: string): Promise<Snapshot | null> {
    const model = contentTypeOf(strapi, uid);
    const attributes = attributesOf(strapi, uid);
    const media = Object.entries(attributes).filter(([, a]) => a.type === 'media' && !a.multiple).map(([name]) => name);
    const row = (await strapi.db.query(uid).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      populate: media.length ? Object.fromEntries(media.map((m) => [m, true])) : undefined,
    })) as ItemRow | null;
    if (!row) return null;
    // The kernel's disclosure rule decides what a delivery carries: a 不予公开 item is never
    // delivered, a 依申请公开 item only as its catalogue entry (no body, no cover, no attachments).
    const view = publicView(row);
    if (view === 'hidden') return null;
    const fields: Record<string, unknown> = {};
    for (const [name, attr] of Object.entries(attributes)) {
      if (SKIP_FIELDS.has(name) || !SCALAR.has(attr.type)) continue;
      if (view === 'catalogue' && !isCatalogueField(name)) continue;
      if (row[name] !== undefined && row[name] !== null) fields[name] = row[name];
    }
    const coverRow = (media.length && view === 'full' ? row[media[0]] : null) as { url?: string; mime?: string; width?: number; height?: number } | null;
    const base = pluginConfig('publicUrl').replace(/\/$/, '');
    return {
      uid,
      type: model?.info?.singularName ?? uid,
      documentId,
      locale,
      ownerSite: row.ownerSite,
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
      fields,
      cover: coverRow?.url ? { url: coverRow.url, mime: coverRow.mime, width: coverRow.width, height: coverRow.height } : null,
      url: `${base}/${row.ownerSite ?? 'site'}/items/${documentId}?locale=${encodeURIComponent(locale)}`,
    };
  },

  /** Writes rows (in the current transaction, if any). Returns the rows created; duplicates are skipped. */
  async enqueue(rows: EnqueueRow[]) {
    const created: DeliveryRow[] = [];
    const maxAttempts = pluginConfig('dispatcher').maxAttempts;
    const now = Date.now();
    for (const row of rows) {
      const key = idempotencyKey(row.target.channelKey, row.uid, row.documentId, row.locale, row.operation, row.version, ...(row.after ? [row.after] : []));
      const exists = await strapi.db.query(DELIVERY_UID).findOne({ where: { idempotencyKey: key }, select: ['id'] });
      if (exists) continue;
      created.push(
        await strapi.db.query(DELIVERY_UID).create({
          data: {
            contentType: row.uid ?? null,
            itemDocumentId: row.documentId ?? null,
            itemLocale: row.locale ?? null,
            version: row.version,
            operation: row.operation,
            channelKey: row.target.channelKey,
            channelKind: row.target.channelKind,
            site: row.target.site,
            orderingKey: `${row.target.channelKey}|${row.uid ?? ''}|${row.documentId ?? key}|${row.locale ?? ''}`,
            status: 'pending',
            attempts: 0,
            maxAttempts,
            nextAttemptAt: now,
            idempotencyKey: key,
            payload: { ...row.payload, ...(row.target.route ? { route: row.target.route } : {}) },
            retractionId: row.retractionId ?? null,
            reason: row.reason ?? null,
          },
        })
      );
    }
    return created;
  },

  /** The operation a new version means for a target: create the first time (or after a withdrawal), update after. */
  async operationFor(channelKey: string, uid: string, documentId: string, locale: string): Promise<{ operation: 'create' | 'update'; after: number | null; lastVersion: string | null }> {
    const [last] = (await strapi.db.query(DELIVERY_UID).findMany({
      where: { channelKey, contentType: uid, itemDocumentId: documentId, itemLocale: locale, operation: { $in: ['create', 'update', 'delete'] }, status: { $ne: 'cancelled' } },
      orderBy: { id: 'desc' },
      limit: 1,
      select: ['id', 'operation', 'version'],
    })) as Pick<DeliveryRow, 'id' | 'operation' | 'version'>[];
    if (!last) return { operation: 'create', after: null, lastVersion: null };
    // The previous row is part of the key: a version that comes back (a rollback to the text of an
    // earlier update, a re-publish after a withdrawal) is a new delivery, not a duplicate of the old one.
    return last.operation === 'delete' ? { operation: 'create', after: last.id, lastVersion: null } : { operation: 'update', after: last.id, lastVersion: last.version };
  },

  /** Called inside the publish transaction: one row per (published version, target). */
  async enqueueForPublish(uid: string, documentId: string, locales: string[]) {
    const created: DeliveryRow[] = [];
    for (const locale of locales) {
      const snapshot = await this.snapshot(uid, documentId, locale);
      if (!snapshot) continue;
      const targets = await getService('targets').resolve(uid, documentId, locale, snapshot);
      const version = versionOf(snapshot.fields);
      const rows: EnqueueRow[] = [];
      for (const target of targets) {
        const { operation, after, lastVersion } = await this.operationFor(target.channelKey, uid, documentId, locale);
        // Publishing the version the target already has (or is about to get) owes it nothing.
        if (lastVersion === version) continue;
        rows.push({ target, operation, uid, documentId, locale, version, payload: { snapshot }, after });
      }
      created.push(...(await this.enqueue(rows)));
    }
    // An item published as (or turned) 不予公开 is taken back from every channel that holds it.
    if (attributesOf(strapi, uid)[DISCLOSURE_FIELD]) {
      created.push(...(await this.enqueueWithdrawals(uid, documentId, { kind: 'withdraw', reason: 'not-public (不予公开)' })));
    }
    return created;
  },

  /**
   * Called inside an unpublish or delete transaction, after the change: every pushed channel
   * (webhook, WeChat, Weibo) that received a locale which is no longer published gets a `delete`
   * row. It shares the ordering key of the publish rows, so it goes out after any create or update
   * still pending for that target. Dead rows of a withdrawn target are cancelled (they would hold the
   * withdrawal back, and what they carried is no longer public); a target that only ever had dead
   * rows never received the item and gets nothing.
   */
  async enqueueWithdrawals(uid: string, documentId: string, { kind, reason }: { kind: 'withdraw' | 'delete'; reason?: string | null }) {
    const history = (await strapi.db.query(DELIVERY_UID).findMany({
      where: { contentType: uid, itemDocumentId: documentId, channelKind: { $in: PUSHED_CHANNELS }, operation: { $in: ['create', 'update', 'delete'] }, status: { $ne: 'cancelled' } },
      orderBy: { id: 'asc' },
      select: ['id', 'channelKey', 'channelKind', 'site', 'itemLocale', 'operation', 'status'],
    })) as Pick<DeliveryRow, 'id' | 'channelKey' | 'channelKind' | 'site' | 'itemLocale' | 'operation' | 'status'>[];
    if (!history.length) return [];
    const disclosed = Boolean(attributesOf(strapi, uid)[DISCLOSURE_FIELD]);
    const stillPublished = new Set(
      ((await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale', ...(disclosed ? [DISCLOSURE_FIELD] : [])] })) as ItemRow[])
        .filter((r) => isPubliclyVisible(r))
        .map((r) => r.locale)
    );
    const byTarget = new Map<string, typeof history>();
    for (const row of history) {
      if (stillPublished.has(row.itemLocale)) continue;
      const key = `${row.channelKey}|${row.itemLocale}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), row]);
    }
    const rows: EnqueueRow[] = [];
    for (const target of byTarget.values()) {
      const last = target[target.length - 1];
      if (last.operation === 'delete') continue;
      const dead = target.filter((r) => r.status === 'dead');
      if (dead.length) {
        await strapi.db.query(DELIVERY_UID).updateMany({ where: { id: { $in: dead.map((r) => r.id) } }, data: { status: 'cancelled', lastError: `cancelled: the item was ${kind === 'delete' ? 'deleted' : 'unpublished'}` } });
      }
      if (!target.some((r) => r.status !== 'dead')) continue;
      rows.push({
        target: { channelKey: last.channelKey, channelKind: last.channelKind, site: last.site! },
        operation: 'delete',
        uid,
        documentId,
        locale: last.itemLocale,
        // One withdrawal per delivered run: a second unpublish without a publish in between is a no-op.
        version: idempotencyKey(kind, last.id),
        payload: { withdrawal: kind, ...(reason ? { reason } : {}) },
        reason: reason ?? null,
      });
    }
    return this.enqueue(rows);
  },

  /** Policy-match and others: one webhook delivery per webhook channel of the site (that subscribes to the event). */
  async notify({ site, event, payload }: { site: string; event: string; payload: Record<string, unknown> }) {
    if (typeof site !== 'string' || typeof event !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(event)) {
      throw new errors.ValidationError('notify needs { site, event: "<plugin>.<noun>.<verb>", payload }');
    }
    const channels = (await strapi.db.query(CHANNEL_UID).findMany({ where: { site, kind: 'webhook', enabled: true } })) as ChannelRow[];
    const rows: EnqueueRow[] = channels
      .filter((c) => !Array.isArray(c.settings?.events) || !c.settings.events.length || c.settings.events.includes(event))
      .map((c) => ({
        target: { channelKey: c.key, channelKind: 'webhook', site: c.site },
        operation: 'notify' as const,
        version: versionOf({ event, payload }),
        payload: { event, data: payload },
      }));
    const created = await this.enqueue(rows);
    getService('dispatcher').kick();
    return created;
  },

  /**
   * Re-delivers the current published version to every target that holds the document (after a
   * find-and-replace, for instance): an `update` per target whose last delivered operation was not a withdrawal.
   */
  async redeliver({ uid, documentId, locale, reason }: { uid: string; documentId: string; locale?: string; reason?: string }) {
    const where: Record<string, unknown> = { contentType: uid, itemDocumentId: documentId, operation: { $in: ['create', 'update', 'delete'] }, status: { $ne: 'cancelled' } };
    if (locale) where.itemLocale = locale;
    const history = (await strapi.db.query(DELIVERY_UID).findMany({ where, orderBy: { id: 'asc' }, select: ['id', 'channelKey', 'channelKind', 'site', 'itemLocale', 'operation', 'payload', 'version'] })) as Pick<
      DeliveryRow,
      'id' | 'channelKey' | 'channelKind' | 'site' | 'itemLocale' | 'operation' | 'payload' | 'version'
    >[];
    const latest = new Map<string, (typeof history)[number]>();
    for (const row of history) latest.set(`${row.channelKey}|${row.itemLocale}`, row);
    const created: DeliveryRow[] = [];
    await strapi.db.transaction(async () => {
      for (const row of latest.values()) {
        if (row.operation === 'delete') continue;
        const snapshot = await this.snapshot(uid, documentId, row.itemLocale!);
        if (!snapshot) continue;
        // The target already has (or is about to get) this very version.
        if (row.version === versionOf(snapshot.fields)) continue;
        created.push(
          ...(await this.enqueue([
            {
              target: { channelKey: row.channelKey, channelKind: row.channelKind, site: row.site!, route: row.payload?.route },
              operation: 'update',
              uid,
              documentId,
              locale: row.itemLocale,
              version: versionOf(snapshot.fields),
              payload: { snapshot },
              reason: reason ?? null,
              after: row.id,
            },
          ]))
        );
      }
    });
    getService('dispatcher').kick();
    return created;
  },
});
