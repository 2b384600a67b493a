import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const pgConfig = () => ({
  connectionString: process.env.DATABASE_URL,
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  database: process.env.DATABASE_NAME ?? 'test',
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

const withPg = async <T>(fn: (client: any) => Promise<T>): Promise<T> => {
  const { Client } = require('pg');
  const client = new Client(pgConfig());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/**
 * A fresh, empty database for one test file: a temporary SQLite file, or a new schema in the
 * PostgreSQL database (default `test`). Returns a function that removes it again.
 */
export const createFreshDatabase = async (label = 'test'): Promise<() => Promise<void>> => {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (isPostgres()) {
    const schema = `jiyue_${label.replace(/\W/g, '_')}_${suffix}`.toLowerCase().slice(0, 60);
    process.env.DATABASE_NAME ??= 'test';
    process.env.DATABASE_SCHEMA = schema;
    await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
    return async () => {
      await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    };
  }
  const file = path.join(os.tmpdir(), `jiyue-${label}-${suffix}.db`);
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = file;
  return async () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  };
};

export interface DatabaseSnapshot {
  /** Puts every table of the database back as it was when the snapshot was taken (no app may be connected). */
  restore: () => Promise<void>;
  /** Removes the snapshot. */
  drop: () => Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const schemaTables = async (client: any, schema: string): Promise<string[]> =>
  (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`, [schema])).rows.map(
    (r: { table_name: string }) => r.table_name
  );

/**
 * A copy of the database `createFreshDatabase` made, taken right after the app booted on it (schema,
 * migrations, bootstrap rows) so that the next spec of an area starts from that state without booting
 * again. SQLite: a `VACUUM INTO` copy of the file, copied back. PostgreSQL: a sibling schema holding
 * every table's rows; a restore empties the live tables (and drops tables made since) in one
 * transaction and copies the rows back, foreign-key triggers off (sequences are not rewound).
 */
export const snapshotDatabase = async (strapi: Core.Strapi): Promise<DatabaseSnapshot> => {
  if (isPostgres()) {
    const live = process.env.DATABASE_SCHEMA!;
    const snap = `jiyue_snap_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const tables = await withPg(async (c) => {
      const names = await schemaTables(c, live);
      await c.query(`CREATE SCHEMA ${quote(snap)}`);
      for (const t of names) await c.query(`CREATE TABLE ${quote(snap)}.${quote(t)} AS TABLE ${quote(live)}.${quote(t)}`);
      return names;
    });
    return {
      restore: () =>
        withPg(async (c) => {
          await c.query('BEGIN');
          try {
            await c.query('SET LOCAL session_replication_role = replica');
            const now = await schemaTables(c, live);
            for (const extra of now.filter((t) => !tables.includes(t))) await c.query(`DROP TABLE ${quote(live)}.${quote(extra)} CASCADE`);
            await c.query(`TRUNCATE ${tables.map((t) => `${quote(live)}.${quote(t)}`).join(', ')}`);
            for (const t of tables) await c.query(`INSERT INTO ${quote(live)}.${quote(t)} SELECT * FROM ${quote(snap)}.${quote(t)}`);
            await c.query('COMMIT');
          } catch (error) {
            await c.query('ROLLBACK');
            throw error;
          }
        }),
      drop: () => withPg(async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${quote(snap)} CASCADE`))),
    };
  }
  const file = process.env.DATABASE_FILENAME!;
  const copy = `${file}.snapshot`;
  fs.rmSync(copy, { force: true });
  await strapi.db.connection.raw('VACUUM INTO ?', [copy]);
  const sidecars = (f: string) => [f, `${f}-wal`, `${f}-shm`, `${f}-journal`];
  return {
    restore: async () => {
      for (const f of sidecars(file)) fs.rmSync(f, { force: true });
      fs.copyFileSync(copy, file);
    },
    drop: async () => fs.rmSync(copy, { force: true }),
  };
};
