import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import type { DeliveryRow } from '../utils/rows';
import { DELIVERIES_TABLE, DELIVERY_UID } from '../utils/uids';

/**
 * Claiming outbox rows so that each is worked on by exactly one instance at a time:
 * - PostgreSQL: `SELECT … FOR UPDATE OF d SKIP LOCKED` inside one UPDATE, so concurrent claimers
 *   pass over each other's rows instead of waiting or double-claiming;
 * - SQLite: one conditional UPDATE that stamps a fresh claim token (SQLite has a single writer, so
 *   the statement is atomic), then the rows carrying that token are read back.
 * A row is eligible when it is pending and due, or in flight with an expired lease (its instance
 * died). It waits while an earlier row for the same target and document is unfinished or dead, so
 * an update never overtakes its create.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => {
    const schema = strapi.db.getSchemaName?.();
    return schema ? `"${schema}"."${DELIVERIES_TABLE}"` : `"${DELIVERIES_TABLE}"`;
  };
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const eligible = (t: string) => `
    ((d.status = 'pending' AND d.next_attempt_at <= ?) OR (d.status = 'in_flight' AND d.lease_until < ?))
    AND NOT EXISTS (SELECT 1 FROM ${t} e WHERE e.ordering_key = d.ordering_key AND e.id < d.id AND e.status IN ('pending', 'in_flight', 'dead'))`;

  const run = async (limit: number, leaseMs: number, onlyIds?: number[]): Promise<DeliveryRow[]> => {
    const token = crypto.randomBytes(12).toString('hex');
    const now = Date.now();
    const t = table();
    const byIds = onlyIds ? ` AND d.id IN (${onlyIds.map(() => '?').join(', ')})` : '';
    const params = [now, now, ...(onlyIds ?? []), limit];
    const sql = `UPDATE ${t} SET status = 'in_flight', claim_token = ?, lease_until = ?, attempts = attempts + 1
      WHERE id IN (SELECT d.id FROM ${t} d WHERE ${eligible(t)}${byIds} ORDER BY d.id LIMIT ?${isPostgres() ? ' FOR UPDATE OF d SKIP LOCKED' : ''})`;
    await strapi.db.connection.raw(sql, [token, now + leaseMs, ...params]);
    return (await strapi.db.query(DELIVERY_UID).findMany({ where: { claimToken: token }, orderBy: { id: 'asc' } })) as DeliveryRow[];
  };

  const GROUP_SIZE = 64;
  const GROUP_WAIT_MS = 5;
  type Outcome = { id: number; token: string; data: Record<string, unknown>; resolve: (ok: boolean) => void; reject: (error: Error) => void };
  let outcomes: Outcome[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const group = outcomes;
    outcomes = [];
    if (!group.length) return flushing;
    // Groups commit one after another, in the order their outcomes arrived.
    flushing = flushing.then(async () => {
      try {
        const results: boolean[] = [];
        await strapi.db.transaction(async () => {
          for (const o of group) {
            const { count } = await strapi.db.query(DELIVERY_UID).updateMany({ where: { id: o.id, claimToken: o.token }, data: { ...o.data, claimToken: null, leaseUntil: null } });
            results.push(count > 0);
          }
        });
        group.forEach((o, i) => o.resolve(results[i]));
      } catch (error) {
        group.forEach((o) => o.reject(error as Error));
      }
    });
    return flushing;
  };

  return {
    /** Writes every outcome still waiting (on stop). */
    flush: () => flush(),
    claim: (limit: number, leaseMs: number) => run(limit, leaseMs),
    claimIds: (ids: number[], leaseMs: number) => (ids.length ? run(ids.length, leaseMs, ids) : Promise.resolve([] as DeliveryRow[])),

    /** Hands claimed rows back untouched (a stopping instance), as if never claimed. */
    async release(rows: Pick<DeliveryRow, 'id' | 'claimToken'>[]) {
      for (const row of rows) {
        await strapi.db.connection.raw(`UPDATE ${table()} SET status = 'pending', claim_token = NULL, lease_until = NULL, attempts = attempts - 1 WHERE id = ? AND claim_token = ?`, [row.id, row.claimToken]);
      }
    },

    /**
     * Extends the lease of every row still claimed under these tokens (the dispatcher's heartbeat
     * while a delivery runs), so the lease can be short without a long delivery being taken over.
     * A row whose claim was lost (finished, released or taken over) keeps what it has.
     */
    async renew(tokens: string[], leaseMs: number) {
      if (!tokens.length) return;
      await strapi.db.connection.raw(
        `UPDATE ${table()} SET lease_until = ? WHERE status = 'in_flight' AND claim_token IN (${tokens.map(() => '?').join(', ')})`,
        [Date.now() + leaseMs, ...tokens]
      );
    },

    /** Due rows not blocked by an earlier one (what the BullMQ sweeper hands to the queue). */
    async due(limit: number): Promise<{ id: number; attempts: number }[]> {
      const now = Date.now();
      const t = table();
      type DueRow = { id: number | string; attempts: number | string };
      // knex's raw answers in the driver's shape: an array of rows (SQLite), or { rows } (PostgreSQL).
      const result = (await strapi.db.connection.raw(`SELECT d.id, d.attempts, d.next_attempt_at FROM ${t} d WHERE ${eligible(t)} ORDER BY d.id LIMIT ?`, [now, now, limit])) as DueRow[] | { rows: DueRow[] };
      const rows = Array.isArray(result) ? result : result.rows;
      return rows.map((r) => ({ id: Number(r.id), attempts: Number(r.attempts) }));
    },

    /**
     * Finishes a claimed row, only if the claim is still ours (a taken-over lease loses). Outcomes
     * are written in groups, one transaction per group: a commit costs a disk flush, so one flush per
     * group instead of per delivery. A crash before the group commits leaves those rows in flight;
     * their lease expires and they are sent again with the same idempotency key, which receivers drop.
     */
    finish(id: number, token: string, data: Record<string, unknown>): Promise<boolean> {
      return new Promise((resolve, reject) => {
        outcomes.push({ id, token, data, resolve, reject });
        if (outcomes.length >= GROUP_SIZE) void flush();
        else if (!flushTimer) flushTimer = setTimeout(() => void flush(), GROUP_WAIT_MS);
      });
    },

    /** Indexes the claim query relies on (created once, idempotent on both databases). */
    async ensureIndexes() {
      const schema = strapi.db.getSchemaName?.();
      const q = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
      const t = schema ? `"${schema}"."${DELIVERIES_TABLE}"` : `"${DELIVERIES_TABLE}"`;
      void q;
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS jiyue_dist_deliveries_due ON ${t} (status, next_attempt_at)`);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS jiyue_dist_deliveries_order ON ${t} (ordering_key, id)`);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS jiyue_dist_deliveries_item ON ${t} (item_document_id, channel_key)`);
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS jiyue_dist_deliveries_idem ON ${t} (idempotency_key)`);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS jiyue_dist_deliveries_claim ON ${t} (claim_token)`);
    },
  };
};
