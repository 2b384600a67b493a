'use strict';

/**
 * Upgrade: submission targets moved from review-workflow to distribution (issue #17).
 *
 * Before, review-workflow kept the targets an editor chose at submission in a JSON column `targets`
 * of its review states (`jiyue_review_states`); now distribution owns them in its own table
 * (`plugin::distribution.submission-target`). Strapi runs the app's migrations (this folder) before it
 * syncs the database schema, and the sync drops a column that left the schema: so this migration
 * saves the column's rows into a holding table first, `jiyue_moved_submission_targets`, which the
 * schema sync leaves alone (Strapi never tracked it). Distribution's bootstrap imports the held rows
 * into its own table once and drops the holding table (plugins/distribution/server/src/upgrade/).
 * Neither plugin reads the other's table: the app hands the data over.
 *
 * A no-op on a new database and once the column is gone. Strapi runs it in a transaction; on
 * PostgreSQL several hosts booting at once take turns on an advisory lock (the one distribution's
 * import takes: `hashtext('jiyue_moved_submission_targets')`) and the copy skips rows
 * already held, so running it twice holds every row once.
 */
const STATES = 'jiyue_review_states';
const HOLDING = 'jiyue_moved_submission_targets';
const CHUNK = 100;

const asText = (value) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

module.exports = {
  /** @param {import('knex').Knex.Transaction} trx @param {{ getSchemaName(): string | undefined; getSchemaConnection(trx?: unknown): import('knex').Knex.SchemaBuilder; dialect: { client: string } }} db */
  async up(trx, db) {
    const schema = db.getSchemaName();
    const table = (name) => (schema ? trx(name).withSchema(schema) : trx(name));
    if (db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [HOLDING]);
    if (!(await db.getSchemaConnection(trx).hasTable(STATES))) return;
    if (!(await db.getSchemaConnection(trx).hasColumn(STATES, 'targets'))) return;
    if (!(await db.getSchemaConnection(trx).hasTable(HOLDING))) {
      await db.getSchemaConnection(trx).createTable(HOLDING, (t) => {
        t.string('content_type', 255).notNullable();
        t.string('item_document_id', 255).notNullable();
        t.string('item_locale', 255).notNullable();
        t.text('targets').notNullable();
        t.integer('actor_id');
        t.primary(['content_type', 'item_document_id', 'item_locale']);
      });
    }
    const rows = await table(STATES)
      .whereNotNull('targets')
      .select('content_type', 'item_document_id', 'item_locale', 'targets', 'submitted_by_id')
      .orderBy('id');
    const held = rows
      .map((row) => ({
        content_type: row.content_type,
        item_document_id: row.item_document_id,
        item_locale: row.item_locale,
        targets: asText(row.targets),
        actor_id: row.submitted_by_id ?? null,
      }))
      .filter((row) => row.targets !== null && row.targets !== 'null');
    for (let i = 0; i < held.length; i += CHUNK) {
      await table(HOLDING).insert(held.slice(i, i + CHUNK)).onConflict(['content_type', 'item_document_id', 'item_locale']).ignore();
    }
    db.logger?.info?.(`jiyue upgrade: ${held.length} submission target choice(s) held for distribution in ${HOLDING}`);
  },

  async down() {
    throw new Error('hold-moved-submission-targets: no way down (the old targets column is gone)');
  },
};
