import type { Core } from '@strapi/strapi';
import type { SubmissionTargets } from '@jiyue/kernel';
import { SUBMISSION_TARGET_UID } from '../utils/uids';

/**
 * Upgrade from the version where review-workflow kept submission targets in its review states.
 * The app migration `database/migrations/…hold-moved-submission-targets.js` saved that column's rows
 * into this holding table before Strapi's schema sync dropped the column; distribution imports them
 * here, on bootstrap, into its own table, and drops the holding table. No holding table: nothing to
 * do (a new installation, or the import already ran).
 *
 * Idempotent and safe with several hosts on one PostgreSQL: the import runs in one transaction under
 * the advisory lock the migration takes too, looks for the holding table again once it holds the
 * lock, and never overwrites a choice distribution already has for the same locale of an item.
 */
export const MOVED_TARGETS_TABLE = 'jiyue_moved_submission_targets';

interface HeldRow {
  content_type: string;
  item_document_id: string;
  item_locale: string;
  targets: string;
  actor_id: number | null;
}

/** The stored shape of the old column, kept to what distribution's targets are (anything else is dropped). */
export const movedTargets = (raw: string): SubmissionTargets | null => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { placements, channels } = value as { placements?: unknown; channels?: unknown };
  const out: SubmissionTargets = { placements: [], channels: [] };
  if (Array.isArray(placements)) {
    for (const p of placements) {
      if (!p || typeof p !== 'object') continue;
      const { site, column, mode } = p as { site?: unknown; column?: unknown; mode?: unknown };
      if (typeof site === 'string' && typeof column === 'string') out.placements.push({ site, column, mode: mode === 'copy' ? 'copy' : 'reference' });
    }
  }
  if (Array.isArray(channels)) out.channels = channels.filter((c): c is string => typeof c === 'string');
  return out;
};

/** Imports the held choices once; returns how many rows it created (0 when there was nothing to do). */
export const importMovedTargets = async (strapi: Core.Strapi): Promise<number> => {
  const db = strapi.db;
  if (!(await db.getSchemaConnection().hasTable(MOVED_TARGETS_TABLE))) return 0;
  const imported = await db.transaction(async ({ trx }) => {
    if (db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [MOVED_TARGETS_TABLE]);
    // Another host may have imported and dropped it while this one waited for the lock.
    if (!(await db.getSchemaConnection(trx).hasTable(MOVED_TARGETS_TABLE))) return 0;
    const schema = db.getSchemaName();
    const held = (await (schema ? trx(MOVED_TARGETS_TABLE).withSchema(schema) : trx(MOVED_TARGETS_TABLE)).select('*')) as HeldRow[];
    let created = 0;
    for (const row of held) {
      const targets = movedTargets(row.targets);
      if (!targets) continue;
      const where = { contentType: row.content_type, itemDocumentId: row.item_document_id, itemLocale: row.item_locale };
      if (await strapi.db.query(SUBMISSION_TARGET_UID).findOne({ where, select: ['id'] })) continue;
      await strapi.db.query(SUBMISSION_TARGET_UID).create({ data: { ...where, placements: targets.placements, channels: targets.channels, actorId: row.actor_id ?? null } });
      created += 1;
    }
    await db.getSchemaConnection(trx).dropTable(MOVED_TARGETS_TABLE);
    return created;
  });
  strapi.log.info(`distribution: ${imported} submission target choice(s) imported from the upgrade holding table ${MOVED_TARGETS_TABLE}`);
  return imported;
};
