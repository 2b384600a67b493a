import crypto from 'crypto';
import dotenv from 'dotenv';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** The app's root: scripts run from anywhere but read config, .env and the SQLite file from here. */
export const APP_DIR = path.resolve(__dirname, '..', '..');

/** .env of the app, as `strapi develop` reads it; variables already set win. */
export const loadDotEnv = () => {
  const file = path.join(APP_DIR, '.env');
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
};

/**
 * Strapi refuses to boot without its secrets. Scripts sign and encrypt nothing, so missing ones get
 * throw-away values for this process only (never written anywhere). Returns the names filled in.
 */
export const fillMissingSecrets = (): string[] => {
  const missing = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'].filter((k) => !process.env[k]);
  const secret = () => crypto.randomBytes(16).toString('base64');
  for (const key of missing) process.env[key] = key === 'APP_KEYS' ? `${secret()},${secret()}` : secret();
  return missing;
};

/**
 * Compiles the app and loads Strapi without serving the admin panel or watching files. A script's
 * boot never dispatches: it would claim outbox rows and die (or stop) with them, so the serving
 * instances would wait out their lease. Whatever .env says, the distribution dispatcher is off here.
 */
export const bootStrapi = async (): Promise<Core.Strapi> => {
  process.env.DISTRIBUTION_DISPATCHER = 'off';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const { appDir, distDir } = await compileStrapi({ appDir: APP_DIR });
  return createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
};

/** Boots Strapi, runs the work on it and destroys it again, whether the work succeeded or not. */
export const withStrapi = async (work: (strapi: Core.Strapi) => Promise<void>) => {
  const strapi = await bootStrapi();
  try {
    await work(strapi);
  } finally {
    await strapi.destroy();
  }
};

/** A script's entry: exits 0 when `main` resolves, 1 with the error's message when it throws. */
export const runScript = (main: () => Promise<void>) =>
  main()
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });

/**
 * A progress line rewritten in place on a terminal; on anything else (CI logs) printed about every
 * tenth of the way, so a long run shows it is alive without flooding the log.
 */
export const progressPrinter = () => {
  const tty = process.stdout.isTTY;
  let nextTenth = 1;
  return (done: number, total: number, line: string) => {
    if (tty) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (done >= (total * nextTenth) / 10) {
      nextTenth = Math.floor((done * 10) / Math.max(1, total)) + 1;
      console.log(line);
    }
  };
};
