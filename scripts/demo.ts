/*
 * `npm run demo`: from a fresh clone to a running, seeded Jiyue with nothing but Node 20.
 *
 *   1. write a .env with fresh secrets where values are missing, and the database settings of this
 *      run (SQLite defaults, or the DATABASE_* variables of the shell), so later runs need no variables
 *   2. build the plugins and the admin panel (`npm run build`)
 *   3. boot Strapi once without serving (in a child process), seed the Garzê demo cluster, shut it down
 *   4. start Strapi (`strapi start`) and print where to look
 *
 * Every step is safe to repeat: existing .env values are kept and seeding adds nothing twice.
 */
import crypto from 'crypto';
import dotenv from 'dotenv';
import fs from 'fs';
import http from 'http';
import path from 'path';
import { fork, spawn, type ChildProcess } from 'child_process';

const APP_DIR = path.resolve(__dirname, '..');
const ENV_FILE = path.join(APP_DIR, '.env');
const SECRET_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
/** The database settings config/database.ts reads. */
const DATABASE_KEYS = [
  'DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_NAME', 'DATABASE_USERNAME', 'DATABASE_PASSWORD',
  'DATABASE_SCHEMA', 'DATABASE_SSL', 'DATABASE_SSL_REJECT_UNAUTHORIZED', 'DATABASE_FILENAME',
];
// .env.example ships these placeholders; a copied example must not run with them.
const PLACEHOLDER = /^$|toBeModified/;

const say = (message: string) => console.log(`\n[demo] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Step 1: .env

type EnvLines = string[];

const readEnvLines = (): EnvLines => (fs.existsSync(ENV_FILE) ? fs.readFileSync(ENV_FILE, 'utf8').split(/\r?\n/) : []);

/** KEY=VALUE pairs of a .env file, read by dotenv (the parser Strapi itself uses). */
const parseEnv = (lines: EnvLines) => new Map(Object.entries(dotenv.parse(lines.join('\n'))));

const randomSecret = () => crypto.randomBytes(16).toString('base64');
const secretFor = (key: string) => (key === 'APP_KEYS' ? Array.from({ length: 4 }, randomSecret).join(',') : randomSecret());

/** Sets KEY=value in place if the file has the key (e.g. a placeholder), else appends it. */
const setEnvLine = (lines: EnvLines, key: string, value: string) => {
  const at = lines.findIndex((line) => new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`).test(line));
  // A value with spaces, # or quotes (a database password, say) is quoted so .env parsers read it whole.
  const written = /[\s#'"]/.test(value) && !value.includes("'") ? `'${value}'` : value;
  if (at >= 0) lines[at] = `${key}=${written}`;
  else lines.push(`${key}=${written}`);
};

/** The values .env lacks: secrets that are missing or placeholders, the database settings of this run, and the SQLite defaults unless set elsewhere. */
const missingEnvValues = (current: Map<string, string>) => {
  const missing: Record<string, string> = {};
  for (const key of SECRET_KEYS) {
    if (PLACEHOLDER.test(current.get(key) ?? '')) missing[key] = secretFor(key);
  }
  // The database this run uses is recorded, so later runs (and `npm start`, `npm run seed:bulk` …)
  // find it without the shell variables: a DATABASE_* value set in the shell and not (or
  // differently) in .env is written.
  for (const key of DATABASE_KEYS) {
    const shell = process.env[key];
    if (shell !== undefined && shell !== '' && shell !== current.get(key)) missing[key] = shell;
  }
  const client = process.env.DATABASE_CLIENT || current.get('DATABASE_CLIENT');
  if (!client) missing.DATABASE_CLIENT = 'sqlite';
  if ((client ?? 'sqlite') === 'sqlite' && !process.env.DATABASE_FILENAME && !current.get('DATABASE_FILENAME')) {
    missing.DATABASE_FILENAME = '.tmp/data.db';
  }
  return missing;
};

/** Writes what .env lacks, keeping every existing line. Returns the keys it wrote. */
const ensureEnvFile = () => {
  const lines = readEnvLines();
  const missing = missingEnvValues(parseEnv(lines));
  const keys = Object.keys(missing);
  if (!keys.length) return keys;
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (!lines.length) lines.push('# Written by `npm run demo`. Keep it secret; see .env.example for every setting.');
  for (const key of keys) setEnvLine(lines, key, missing[key]);
  fs.writeFileSync(ENV_FILE, `${lines.join('\n')}\n`, { mode: 0o600 });
  return keys;
};

/** Loads .env into process.env without overriding what the shell set, as Strapi itself does. */
const loadEnv = () => {
  if (fs.existsSync(ENV_FILE)) dotenv.config({ path: ENV_FILE, quiet: true });
};

// ---------------------------------------------------------------------------------------------
// Step 2: build

const run = (command: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: APP_DIR, stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))
    );
  });

const build = () => run('npm', ['run', 'build']);

// ---------------------------------------------------------------------------------------------
// Step 3: seed

type AdminSummary = { email: string | null; created: boolean; passwordGenerated: boolean };

const SEED_ONLY = '--seed-only';

/** Boots Strapi from dist/ without serving, seeds, shuts down. Runs in the child process below. */
const seed = async (): Promise<AdminSummary> => {
  // SQLite creates the file but not its folder.
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
    fs.mkdirSync(path.dirname(path.resolve(APP_DIR, process.env.DATABASE_FILENAME ?? '.tmp/data.db')), { recursive: true });
  }
  // The seeding boot never dispatches (it would claim outbox rows and leave them to a lease): the
  // server started afterwards delivers whatever the seed queued.
  process.env.DISTRIBUTION_DISPATCHER = 'off';
  const { createStrapi } = require('@strapi/strapi');
  const { seedDemo } = require('../database/seeds');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
  try {
    const result = await seedDemo(strapi, { log: (message: string) => console.log(`[demo] ${message}`) });
    return result.admin;
  } finally {
    await strapi.destroy();
  }
};

/**
 * Seeds in a child process. strapi.destroy() calls process.removeAllListeners(), which also drops
 * Node's internal hook that installs OS signal handlers: a process that has booted and destroyed
 * Strapi dies on the next SIGTERM/SIGINT whatever listeners it adds, so it could not forward them.
 */
const seedInChild = () =>
  new Promise<AdminSummary>((resolve, reject) => {
    let admin: AdminSummary | undefined;
    const child = fork(__filename, [SEED_ONLY], { cwd: APP_DIR, env: process.env, execArgv: process.execArgv });
    child.on('message', (message: AdminSummary) => (admin = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 && admin ? resolve(admin) : reject(new Error(`seeding failed (${signal ?? `exit code ${code}`})`))));
  });

const runSeedOnly = async () => {
  const admin = await seed();
  process.send!(admin, undefined, {}, () => process.exit(0));
};

// ---------------------------------------------------------------------------------------------
// Step 4: serve

/**
 * `strapi start`, run by this Node directly rather than through `npx`: npx puts npm and a shell
 * between us and Strapi, and a SIGTERM sent to this script then stopped at npm, leaving Strapi running.
 */
const startServer = (port: string): ChildProcess => {
  // The package's "exports" hide bin/, so find it from package.json, as npm's .bin link does.
  const manifest = require.resolve('@strapi/strapi/package.json', { paths: [APP_DIR] });
  const { bin } = require(manifest);
  const strapiBin = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.strapi);
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: APP_DIR, stdio: 'inherit', env: { ...process.env, PORT: port } });
  // Strapi shuts down cleanly on SIGINT/SIGTERM (and ignores a repeated signal), so pass ours on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  // Never leave a server behind, whatever makes this script end (e.g. the readiness wait failing).
  process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
  return child;
};

/** Resolves once Strapi answers its health check, or rejects when the server exits first or takes too long. */
const waitUntilReady = (port: string, server: ChildProcess, timeoutMs = 180_000) =>
  new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const probe = () => {
      if (server.exitCode !== null) return reject(new Error('strapi start exited before it was ready'));
      if (Date.now() > deadline) return reject(new Error(`no answer on port ${port} after ${timeoutMs / 1000} s`));
      const request = http.get({ host: '127.0.0.1', port: Number(port), path: '/_health', timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 204) resolve();
        else setTimeout(probe, 500);
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => setTimeout(probe, 500));
    };
    probe();
  });

const printWhereToLook = (port: string, admin: AdminSummary) => {
  const base = `http://localhost:${port}`;
  const login = !admin.created
    ? 'log in with your existing admin account'
    : admin.passwordGenerated
      ? `log in as ${admin.email} with the password printed above`
      : `log in as ${admin.email} (password from ADMIN_PASSWORD)`;
  console.log(
    [
      '',
      '──────────────── Jiyue demo is running ────────────────',
      `Admin panel   ${base}/admin   (${login})`,
      `Site tree     ${base}/api/site-group/sites?locale=bo`,
      `Policies      ${base}/api/policies?populate=interpretations&sort=publishDate:desc`,
      `Articles      ${base}/api/articles?locale=bo`,
      `Guides        ${base}/api/service-guides?populate=*`,
      'Stop with Ctrl+C.',
      '───────────────────────────────────────────────────────',
      '',
    ].join('\n')
  );
};

// ---------------------------------------------------------------------------------------------

const main = async () => {
  const started = Date.now();
  const written = ensureEnvFile();
  say(written.length ? `.env: wrote ${written.join(', ')}` : '.env: complete, left as it is');
  loadEnv();
  const port = process.env.PORT || '1337';

  let step = Date.now();
  say('Building the plugins and the admin panel (npm run build) …');
  await build();
  say(`Build done in ${seconds(step)}.`);

  step = Date.now();
  say('Seeding the Garzê demo cluster …');
  const admin = await seedInChild();
  say(`Seeding done in ${seconds(step)}.`);

  say(`Starting Strapi on port ${port} …`);
  const server = startServer(port);
  await waitUntilReady(port, server);
  printWhereToLook(port, admin);
  say(`Ready ${seconds(started)} after start.`);
};

(process.argv.includes(SEED_ONLY) ? runSeedOnly() : main()).catch((error) => {
  console.error(`\n[demo] ${error instanceof Error ? error.stack ?? error.message : error}`);
  process.exit(1);
});
