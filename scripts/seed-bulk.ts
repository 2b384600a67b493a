import path from 'path';
import { parseArgs } from 'util';
import { APP_DIR, fillMissingSecrets, loadDotEnv, progressPrinter, runScript, withStrapi } from './lib/standalone-strapi';
import { bulkSeed, bulkSites, type BulkSeedProgress } from '../database/seeds/bulk';

/**
 * `npm run seed:bulk -- --items 100000 [--sites 3000] [--bo-share 0.1] [--policy-share 0.1] [--batch 1000] [--seed 1]`
 *
 * Loads bulk published documents (and optionally a generated site tree) into the database the app
 * is configured for (.env, DATABASE_CLIENT etc.), for load tests and demos with realistic volume.
 */


const usage = () =>
  'usage: npm run seed:bulk -- --items <n> [--sites <n>] [--bo-share 0.1] [--policy-share 0.1] [--batch 1000] [--seed 1]';

interface Options {
  items: number;
  sites: number;
  boShare: number;
  policyShare: number;
  batchSize: number;
  seed: string;
}

const number = (name: string, raw: string | undefined, fallback: number, { min = 0, max = Infinity, integer = true } = {}) => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got "${raw}"\n${usage()}`);
  }
  return value;
};

const parseOptions = (argv: string[]): Options => {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      sites: { type: 'string' },
      'bo-share': { type: 'string' },
      'policy-share': { type: 'string' },
      batch: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const options = {
    items: number('items', values.items, 0),
    sites: number('sites', values.sites, 0),
    boShare: number('bo-share', values['bo-share'], 0.1, { max: 1, integer: false }),
    policyShare: number('policy-share', values['policy-share'], 0.1, { max: 1, integer: false }),
    batchSize: number('batch', values.batch, 1000, { min: 1 }),
    seed: values.seed ?? '1',
  };
  if (!options.items && !options.sites) throw new Error(`nothing to do: give --items and/or --sites\n${usage()}`);
  return options;
};

const describeDatabase = () => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'postgres') {
    const where = process.env.DATABASE_URL ? 'DATABASE_URL' : `${process.env.DATABASE_HOST ?? '127.0.0.1'}:${process.env.DATABASE_PORT ?? 5432}/${process.env.DATABASE_NAME ?? 'jiyue'}`;
    return `postgres ${where} schema ${process.env.DATABASE_SCHEMA ?? 'public'}`;
  }
  return `sqlite ${path.resolve(APP_DIR, process.env.DATABASE_FILENAME ?? '.tmp/data.db')}`;
};

/** One status line: count, share and rate. */
const progressLine = () => {
  const print = progressPrinter();
  return ({ done, total, itemsPerSecond }: BulkSeedProgress) =>
    print(done, total, `seed:bulk: ${done}/${total} items (${Math.round((done / total) * 100)} %), ${Math.round(itemsPerSecond)} items/s`);
};

const main = async () => {
  const options = parseOptions(process.argv.slice(2));
  process.chdir(APP_DIR); // the SQLite file name in config/database.ts is relative to the working directory
  loadDotEnv();
  const throwAway = fillMissingSecrets();
  if (throwAway.length) console.log(`seed:bulk: ${throwAway.join(', ')} not set; using throw-away values for this run`);
  console.log(`seed:bulk: ${describeDatabase()}`);

  await withStrapi(async (strapi) => {
    // Sites first: content is given an owning site when the tree has one.
    if (options.sites) {
      const result = await bulkSites(strapi, { count: options.sites, seed: `sites-${options.seed}` });
      console.log(`seed:bulk: ${result.sites} sites under ${result.rootCode} ${JSON.stringify(result.byLevel)} in ${Math.round(result.elapsedMs)} ms`);
    }
    if (options.items) {
      const result = await bulkSeed(strapi, { ...options, onProgress: progressLine() });
      console.log(
        `seed:bulk: ${result.items} items (articles ${JSON.stringify(result.articles)}, policies ${JSON.stringify(result.policies)}, ` +
          `${result.rows} rows) in ${(result.elapsedMs / 1000).toFixed(1)} s: ${Math.round(result.itemsPerSecond)} items/s`
      );
    }
  });
};

runScript(main);
