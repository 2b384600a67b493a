/**
 * Append-only tables, enforced by the database itself: a trigger refuses every UPDATE and DELETE
 * of a row, whichever path the write takes (Query Engine, Document Service, data transfer, a
 * console). Inserting stays allowed. Installed at bootstrap; installing again is a no-op.
 */

/** The slice of a knex connection this needs (Strapi's `strapi.db.connection`). */
export interface RawConnection {
  raw(sql: string, bindings?: readonly unknown[]): PromiseLike<unknown>;
}

export type AppendOnlyClient = 'sqlite' | 'postgres' | 'mysql';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const identifier = (name: string, what: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`append-only: ${what} "${name}" is not a plain SQL identifier`);
  return name;
};

/** The message the database raises: tests and logs look for this phrase. */
export const APPEND_ONLY_MESSAGE = 'append-only: rows of this table cannot be changed or deleted';

/**
 * Installs the refusing triggers on `table`.
 * - SQLite: `BEFORE UPDATE` and `BEFORE DELETE` triggers that `RAISE(ABORT, …)`.
 * - PostgreSQL: one trigger function raising an exception, `BEFORE UPDATE OR DELETE … FOR EACH ROW`
 *   and `BEFORE TRUNCATE … FOR EACH STATEMENT`, in the given schema (default: the search path's).
 * MySQL/MariaDB are not a supported database of this project: refused loudly rather than skipped.
 */
export const installAppendOnlyTriggers = async (
  connection: RawConnection,
  client: AppendOnlyClient,
  table: string,
  { schema }: { schema?: string | null } = {}
): Promise<void> => {
  const t = identifier(table, 'table');
  if (client === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'] as const) {
      await connection.raw(
        `CREATE TRIGGER IF NOT EXISTS ${t}_append_only_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END;`
      );
    }
    return;
  }
  if (client === 'postgres') {
    const s = schema ? `"${identifier(schema, 'schema')}".` : '';
    await connection.raw(
      `CREATE OR REPLACE FUNCTION ${s}jiyue_append_only_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${APPEND_ONLY_MESSAGE} (%)', TG_TABLE_NAME; END $$;`
    );
    const wanted: { name: string; when: string; each: string }[] = [
      { name: `${t}_append_only_row`, when: 'BEFORE UPDATE OR DELETE', each: 'FOR EACH ROW' },
      { name: `${t}_append_only_truncate`, when: 'BEFORE TRUNCATE', each: 'FOR EACH STATEMENT' },
    ];
    for (const trigger of wanted) {
      // CREATE TRIGGER has no IF NOT EXISTS before PostgreSQL 14: look it up first.
      const found = (await connection.raw(
        `SELECT 1 FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE tg.tgname = ? AND c.relname = ? AND n.nspname = ${schema ? '?' : 'current_schema()'}`,
        schema ? [trigger.name, t, schema] : [trigger.name, t]
      )) as { rows?: unknown[] };
      if (found.rows?.length) continue;
      await connection.raw(`CREATE TRIGGER ${trigger.name} ${trigger.when} ON ${s}${t} ${trigger.each} EXECUTE FUNCTION ${s}jiyue_append_only_refuse();`);
    }
    return;
  }
  throw new Error(`append-only: database client "${client}" is not supported (SQLite and PostgreSQL are)`);
};
