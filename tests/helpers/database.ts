import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';

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
