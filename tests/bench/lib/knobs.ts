/**
 * The environment knobs of a bench run, read once. Defaults keep a full run within a few minutes
 * on a 2-core machine; CI or a developer scales them up through the environment.
 */

const intEnv = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
};

export interface Knobs {
  /** BENCH_ITEMS: bulk documents loaded before measuring (and the size of the import bench). */
  items: number;
  /** BENCH_SITES: size of the generated site tree. */
  sites: number;
  /** BENCH_REQUESTS: timed requests per endpoint (after warm-up). */
  requests: number;
  /** BENCH_BASELINE_DOCS: documents created one at a time through the Document Service as the import baseline. */
  baselineDocs: number;
  /** BENCH_LOOP_MAX_S: wall-clock budget of one timing loop. */
  loopMaxMs: number;
  /** BENCH_TIMEOUT_S: a bench process still running after this is killed and reported as failed. */
  timeoutMs: number;
  /** DATABASE_CLIENT: sqlite (default) or postgres. */
  databaseClient: string;
}

export const readKnobs = (): Knobs => ({
  items: intEnv('BENCH_ITEMS', 20_000, 0),
  sites: intEnv('BENCH_SITES', 3_000),
  requests: intEnv('BENCH_REQUESTS', 200),
  baselineDocs: intEnv('BENCH_BASELINE_DOCS', 200),
  loopMaxMs: intEnv('BENCH_LOOP_MAX_S', 120) * 1000,
  timeoutMs: intEnv('BENCH_TIMEOUT_S', 900) * 1000,
  databaseClient: process.env.DATABASE_CLIENT ?? 'sqlite',
});
