import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { idempotencyKey } from '../utils/idempotency-key';
import { withWithdrawalsHandledBy } from '../utils/withdrawal-context';
import { PUSHED_CHANNELS } from './outbox';
import { emitEvent, fieldError, type Actor, contentTypeOf, isClusterType } from '@jiyue/kernel';
import type { DeliveryRow, ItemRow, PlacementReceipt, RetractionRow } from '../utils/rows';
import { thrown } from '../utils/thrown';
import { DELIVERY_UID, RETRACTION_UID } from '../utils/uids';
import { requirePlugin } from '@jiyue/kernel';

export interface RetractionInput {
  uid: string;
  documentId: string;
  scope: { site: string; includeDescendants: boolean };
  reason: string;
}

const receiptStatus = (status: string) => (status === 'delivered' ? 'done' : status === 'dead' ? 'failed' : status === 'cancelled' ? 'done' : 'pending');

/**
 * 错情信息一键全集群删除: takes an item out of every placement in scope (through site-group, with the
 * editor's own rights), unpublishes it when its owner site is in scope, cancels what was not sent
 * yet, and queues a withdrawal to every channel that received it. Each target gets a receipt.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(input: RetractionInput, actor: Extract<Actor, { kind: 'admin' }>) {
    const siteGroup = requirePlugin(strapi, 'site-group');
    if (!isClusterType(contentTypeOf(strapi, input.uid))) {
      throw fieldError(['uid'], 'is not a distributed content type', input.uid);
    }
    const item = (await strapi.db.query(input.uid).findOne({ where: { documentId: input.documentId }, select: ['id', 'ownerSite'] })) as Pick<ItemRow, 'id' | 'ownerSite'> | null;
    if (!item) throw new errors.NotFoundError(`No ${input.uid} with documentId "${input.documentId}"`);
    const tree = await siteGroup.service('editor-scope').hierarchy();
    const root = tree.byCode.get(input.scope.site);
    if (!root) throw fieldError(['scope', 'site'], `no site "${input.scope.site}"`, input.scope.site);
    await siteGroup.service('editor-scope').assertCanActFor(actor, input.scope.site, `retract items from site "${input.scope.site}"`);
    const inScopeIds = new Set<number>(input.scope.includeDescendants ? tree.subtree(root.id) : [root.id]);
    const inScope = (code: string | null | undefined) => !!code && inScopeIds.has(tree.byCode.get(code)?.id ?? -1);

    const retraction = (await strapi.db.query(RETRACTION_UID).create({
      data: { contentType: input.uid, itemDocumentId: input.documentId, scope: input.scope, reason: input.reason, status: 'running', actorId: actor.user.id, actorEmail: actor.user.email ?? null, placementReceipts: [] },
    })) as RetractionRow;

    // One transaction for every write of the request: one commit (one disk flush) instead of one per placement.
    const placementReceipts: PlacementReceipt[] = [];
    await strapi.db.transaction(async () => {
      // 1. Placements in scope, withdrawn one by one so each has its own receipt.
      const placements = (await siteGroup.service('site-content').itemPlacements(input.documentId)).filter((p) => inScope(p.site));
      for (const p of placements) {
        try {
          await siteGroup.service('placement-flow').withdraw(p.placementId, actor);
          placementReceipts.push({ target: `site-column:${p.site}/${p.column}`, kind: 'site-column', site: p.site!, status: 'done', at: new Date().toISOString() });
        } catch (error) {
          placementReceipts.push({ target: `site-column:${p.site}/${p.column}`, kind: 'site-column', site: p.site!, status: 'failed', error: thrown(error).message });
        }
      }
      // 2. The item itself, when its owner is in scope: unpublished everywhere (feeds, search, columns).
      if (inScope(item.ownerSite)) {
        try {
          const published = await strapi.db.query(input.uid).count({ where: { documentId: input.documentId, publishedAt: { $notNull: true } } });
          // The retraction queues its own withdrawals below, each with a receipt, so the unpublish must not queue them too.
          if (published) await withWithdrawalsHandledBy(`retraction ${retraction.id}`, () => strapi.documents(input.uid as UID.ContentType).unpublish({ documentId: input.documentId, locale: '*' }));
          placementReceipts.push({ target: `document:${input.documentId}`, kind: 'unpublish', site: item.ownerSite ?? null, status: 'done', at: new Date().toISOString() });
        } catch (error) {
          placementReceipts.push({ target: `document:${input.documentId}`, kind: 'unpublish', site: item.ownerSite ?? null, status: 'failed', error: thrown(error).message });
        }
      }

      // 3. Channels: cancel what never left, queue a withdrawal where something arrived (or may have).
      const history = (await strapi.db.query(DELIVERY_UID).findMany({
        where: { contentType: input.uid, itemDocumentId: input.documentId, operation: { $in: ['create', 'update', 'delete'] } },
        orderBy: { id: 'asc' },
      })) as DeliveryRow[];
      const byTarget = new Map<string, DeliveryRow[]>();
      for (const row of history) {
        if (!inScope(row.site)) continue;
        const k = `${row.channelKey}|${row.itemLocale}`;
        byTarget.set(k, [...(byTarget.get(k) ?? []), row]);
      }
      for (const rows of byTarget.values()) {
        const pending = rows.filter((r) => r.status === 'pending' || r.status === 'dead');
        if (pending.length) await strapi.db.query(DELIVERY_UID).updateMany({ where: { id: { $in: pending.map((r) => r.id) } }, data: { status: 'cancelled', lastError: `cancelled by retraction ${retraction.id}` } });
        const last = rows[rows.length - 1];
        const reached = rows.some((r) => r.status === 'delivered' || r.status === 'in_flight');
        if (!reached || last.operation === 'delete' || !PUSHED_CHANNELS.includes(last.channelKind)) continue;
        await getService('outbox').enqueue([
          {
            target: { channelKey: last.channelKey, channelKind: last.channelKind, site: last.site! },
            operation: 'delete',
            uid: input.uid,
            documentId: input.documentId,
            locale: last.itemLocale,
            version: idempotencyKey('retraction', retraction.id),
            payload: { reason: input.reason, retractionId: retraction.id },
            retractionId: retraction.id,
            reason: input.reason,
          },
        ]);
      }
      await strapi.db.query(RETRACTION_UID).update({ where: { id: retraction.id }, data: { placementReceipts } });
    });
    getService('dispatcher').kick();
    await this.settle(retraction.id);
    return this.find(retraction.id);
  },

  /** Marks the retraction completed once no receipt is pending (once: the conditional update decides who emits). */
  async settle(id: number) {
    const open = await strapi.db.query(DELIVERY_UID).count({ where: { retractionId: id, status: { $in: ['pending', 'in_flight'] } } });
    if (open) return false;
    const retraction = (await strapi.db.query(RETRACTION_UID).findOne({ where: { id } })) as RetractionRow | null;
    if (!retraction || retraction.status !== 'running') return false;
    const failed = (await strapi.db.query(DELIVERY_UID).count({ where: { retractionId: id, status: 'dead' } })) + (retraction.placementReceipts ?? []).filter((r) => r.status === 'failed').length;
    const { count } = await strapi.db.query(RETRACTION_UID).updateMany({ where: { id, status: 'running' }, data: { status: failed ? 'failed' : 'completed', completedAt: new Date() } });
    if (count) void emitEvent(strapi.eventHub, 'distribution.retraction.completed', { uid: retraction.contentType, documentId: retraction.itemDocumentId, retractionId: id, failed });
    return count > 0;
  },

  async find(id: number) {
    const retraction = (await strapi.db.query(RETRACTION_UID).findOne({ where: { id } })) as RetractionRow | null;
    if (!retraction) throw new errors.NotFoundError(`No retraction ${id}`);
    const deliveries = (await strapi.db.query(DELIVERY_UID).findMany({ where: { retractionId: id }, orderBy: { id: 'asc' } })) as DeliveryRow[];
    const receipts = [
      ...(retraction.placementReceipts ?? []),
      ...deliveries.map((d) => ({
        target: d.channelKey,
        kind: d.channelKind,
        site: d.site,
        locale: d.itemLocale,
        deliveryId: d.id,
        status: receiptStatus(d.status),
        attempts: d.attempts,
        ...(d.lastError ? { error: d.lastError } : {}),
        ...(d.receipt ? { receipt: d.receipt } : {}),
      })),
    ];
    const counts = { done: 0, failed: 0, pending: 0 } as Record<string, number>;
    for (const r of receipts) counts[r.status] += 1;
    return {
      id: retraction.id,
      uid: retraction.contentType,
      documentId: retraction.itemDocumentId,
      scope: retraction.scope,
      reason: retraction.reason,
      status: retraction.status,
      requestedBy: { id: retraction.actorId, email: retraction.actorEmail },
      createdAt: retraction.createdAt,
      completedAt: retraction.completedAt,
      counts,
      receipts,
    };
  },
});
