import fs from 'fs';
import path from 'path';
import { bootBenchApp, databaseInfo, type BenchApp } from './app';
import type { Bench, BenchResult } from './bench';
import { readKnobs } from './knobs';
import { Recorder } from './recorder';

/**
 * Runs one bench file in this process (started by run.ts): a process per bench means a fresh
 * module registry, no Strapi left over from the previous bench, and a hard time limit the runner
 * can enforce by killing it. The outcome goes to BENCH_RESULT_FILE as JSON.
 */

const runBenchFile = async (file: string): Promise<BenchResult> => {
  const bench: Bench = require(path.resolve(file)).default;
  const started = performance.now();
  const record = new Recorder(bench.name);
  const result: BenchResult = { file: path.basename(file), name: bench.name, description: bench.description, ok: false, durationMs: 0, figures: record.figures };
  let app: BenchApp | undefined;
  try {
    app = await bootBenchApp(bench.name);
    result.database = await databaseInfo(app.strapi);
    await bench.run({ strapi: app.strapi, baseUrl: app.baseUrl, record, knobs: readKnobs() });
    result.ok = true;
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`  [${bench.name}] FAILED: ${result.error}`);
  } finally {
    await app?.stop().catch((error) => console.error(`  [${bench.name}] stop failed: ${error}`));
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
};

const main = async () => {
  const [file] = process.argv.slice(2);
  const out = process.env.BENCH_RESULT_FILE;
  if (!file || !out) throw new Error('usage: BENCH_RESULT_FILE=<out.json> node -r esbuild-register tests/bench/lib/child.ts <file.bench.ts>');
  fs.writeFileSync(out, JSON.stringify(await runBenchFile(file)));
};

main()
  // Strapi can leave timers behind; the result is written, so end the process explicitly.
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
