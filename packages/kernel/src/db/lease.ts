import { randomBytes } from 'crypto';

/**
 * Database leases: rows of a work table claimed by exactly one instance at a time, the mechanism
 * distribution's outbox uses (`plugins/distribution/server/src/services/claims.ts`), as one shared
 * helper. A claimed row carries `claim_token` and `lease_until` (epoch ms):
 * - PostgreSQL: one `UPDATE … WHERE id IN (SELECT … FOR UPDATE OF d SKIP LOCKED)`, so concurrent
 *   claimers pass over each other's rows instead of waiting or double-claiming;
 * - SQLite: the same conditional UPDATE (one writer, so the statement is atomic).
 * The claimer reads its rows back by token. While it works it renews the lease (a heartbeat every
 * third of the lease); a holder that stops beating loses its rows one lease later to whoever claims
 * next, and every write of the old holder is conditional on its token, so it writes nothing more.
 */

/** The table and the connection's raw query (structural: the kernel imports no Strapi or knex code). */
export interface LeaseTable {
  table: string;
  schema?: string | null;
  postgres: boolean;
  /** knex's `raw`: an array of rows (SQLite) or `{ rows }` (PostgreSQL) for statements that return rows. */
  raw: (sql: string, bindings?: readonly unknown[]) => PromiseLike<unknown>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const ident = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`lease: "${name}" is not a plain SQL identifier`);
  return `"${name}"`;
};

export const leaseTableName = (t: Pick<LeaseTable, 'table' | 'schema'>) => (t.schema ? `${ident(t.schema)}.${ident(t.table)}` : ident(t.table));

/** The rows a raw statement returned, whichever driver answered. */
export const rawRows = <T = Record<string, unknown>>(result: unknown): T[] => {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) return (result as { rows: T[] }).rows;
  return [];
};

/** `SET col = ?, …` from a record of column → value (column names are checked identifiers). */
const setClause = (set: Record<string, unknown>) => {
  const cols = Object.keys(set);
  return { sql: cols.map((c) => `${ident(c)} = ?`).join(', '), bindings: cols.map((c) => toBinding(set[c])) };
};

const toBinding = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? v : v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

export const newClaimToken = () => randomBytes(12).toString('hex');

export interface ClaimOptions {
  /** The claimable rows, on the alias `d` (e.g. `d.status = 'queued' OR (d.status = 'running' AND d.lease_until < ?)`). */
  where: string;
  bindings: readonly unknown[];
  limit: number;
  leaseMs: number;
  /** Further columns set on the claimed rows (e.g. `{ status: 'running' }`). */
  set?: Record<string, unknown>;
  /** The claim order (on the alias `d`); default `d.id`. */
  orderBy?: string;
  /** The clock (tests); default `Date.now()`. */
  now?: number;
}

/**
 * Claims up to `limit` rows matching `where` under a fresh token with a lease of `leaseMs`, and
 * returns the token and the claimed ids (ascending). Expired leases are the caller's to include
 * in `where` (`d.lease_until < ?` with `Date.now()`), as the claimable states differ per table.
 */
export const claimRows = async (t: LeaseTable, o: ClaimOptions): Promise<{ token: string; ids: number[] }> => {
  const token = newClaimToken();
  const now = o.now ?? Date.now();
  const name = leaseTableName(t);
  const extra = o.set ? setClause(o.set) : { sql: '', bindings: [] as unknown[] };
  const sql = `UPDATE ${name} SET claim_token = ?, lease_until = ?${extra.sql ? `, ${extra.sql}` : ''}
    WHERE id IN (SELECT d.id FROM ${name} d WHERE (${o.where}) ORDER BY ${o.orderBy ?? 'd.id'} LIMIT ?${t.postgres ? ' FOR UPDATE OF d SKIP LOCKED' : ''})
    RETURNING id`;
  const rows = rawRows<{ id: number | string }>(await t.raw(sql, [token, now + o.leaseMs, ...extra.bindings, ...o.bindings, o.limit]));
  return { token, ids: rows.map((r) => Number(r.id)).sort((a, b) => a - b) };
};

/** The heartbeat: rows still held under these tokens get a fresh lease; rows whose claim was lost keep what they have. */
export const renewLease = async (t: LeaseTable, tokens: readonly string[], leaseMs: number, now = Date.now()): Promise<number> => {
  if (!tokens.length) return 0;
  const rows = rawRows(
    await t.raw(`UPDATE ${leaseTableName(t)} SET lease_until = ? WHERE claim_token IN (${tokens.map(() => '?').join(', ')}) RETURNING id`, [now + leaseMs, ...tokens])
  );
  return rows.length;
};

/**
 * Writes `set` on a row only while the claim is still ours (a checkpoint); false when the claim was
 * lost (taken over after a stall, or finished elsewhere): the caller stops working on it.
 */
export const updateClaimed = async (t: LeaseTable, id: number, token: string, set: Record<string, unknown>): Promise<boolean> => {
  const s = setClause(set);
  if (!s.sql) throw new Error('lease: nothing to set');
  const rows = rawRows(await t.raw(`UPDATE ${leaseTableName(t)} SET ${s.sql} WHERE id = ? AND claim_token = ? RETURNING id`, [...s.bindings, id, token]));
  return rows.length > 0;
};

/** Finishes a claimed row (writes `set`, releases the claim), only while the claim is ours. */
export const finishClaimed = (t: LeaseTable, id: number, token: string, set: Record<string, unknown>): Promise<boolean> =>
  updateClaimed(t, id, token, { ...set, claim_token: null, lease_until: null });
