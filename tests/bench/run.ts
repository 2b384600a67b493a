import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawn } from 'child_process';
import { compileApp, APP_DIR } from './lib/app';
import type { BenchResult } from './lib/bench';
import { readKnobs, type Knobs } from './lib/knobs';
import { machineInfo } from './lib/machine';
import { summarizeRun, writeResults, type RunResults } from './lib/results';

/**
 * `npm run bench [-- name …]`: runs every tests/bench/*.bench.ts (or the named ones) in turn, each
 * in its own process on a fresh database, then writes docs/benchmarks/runs/latest.json and a
 * timestamped copy (commit that one with the notebook entry in docs/benchmarks/<plugin>.md). Exits non-zero when a bench fails or a figure misses its target.
 */

const BENCH_DIR = __dirname;
const CHILD = path.join(__dirname, 'lib', 'child.ts');

const discoverBenches = (only: string[]): string[] => {
  const files = fs.readdirSync(BENCH_DIR).filter((f) => f.endsWith('.bench.ts')).sort();
  const wanted = only.length ? files.filter((f) => only.some((name) => f === name || f === `${name}.bench.ts`)) : files;
  if (only.length && wanted.length !== only.length) throw new Error(`unknown bench in ${only.join(', ')}; have ${files.join(', ')}`);
  return wanted.map((f) => path.join(BENCH_DIR, f));
};

const failed = (file: string, error: string, durationMs: number): BenchResult => ({
  file: path.basename(file),
  name: path.basename(file, '.bench.ts'),
  description: '',
  ok: false,
  error,
  durationMs,
  figures: [],
});

/** One bench in a child process, killed if it outlives the time limit. */
const runInChild = (file: string, knobs: Knobs): Promise<BenchResult> =>
  new Promise((resolve) => {
    const started = performance.now();
    const resultFile = path.join(os.tmpdir(), `jiyue-bench-${process.pid}-${path.basename(file, '.ts')}.json`);
    fs.rmSync(resultFile, { force: true });
    const child = spawn(process.execPath, ['-r', 'esbuild-register', CHILD, file], {
      cwd: APP_DIR,
      env: { ...process.env, BENCH_RESULT_FILE: resultFile },
      stdio: 'inherit',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), knobs.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - started);
      if (fs.existsSync(resultFile)) {
        const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BenchResult;
        fs.rmSync(resultFile, { force: true });
        return resolve(result);
      }
      const reason = signal === 'SIGKILL' ? `killed after the ${knobs.timeoutMs / 1000} s limit (BENCH_TIMEOUT_S)` : `exited with ${code ?? signal}`;
      resolve(failed(file, reason, durationMs));
    });
  });

const printSummary = (results: RunResults, files: { latest: string; copy: string }) => {
  console.log(`\nbench: ${results.benches.length} bench(es), ${results.summary.figures} figures in ${Math.round(results.durationMs / 1000)} s on ${results.database.client} ${results.database.version ?? ''}`);
  for (const name of results.summary.failed) console.log(`  FAILED: ${name}`);
  for (const name of results.summary.targetsMissed) console.log(`  target missed: ${name}`);
  console.log(`  results: ${path.relative(APP_DIR, files.latest)}, ${path.relative(APP_DIR, files.copy)}`);
};

const main = async () => {
  const knobs = readKnobs();
  const files = discoverBenches(process.argv.slice(2));
  const startedAt = new Date();
  const machine = machineInfo();
  console.log(`bench: ${files.map((f) => path.basename(f)).join(', ')} on ${knobs.databaseClient}; ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(`bench: BENCH_ITEMS=${knobs.items} BENCH_SITES=${knobs.sites} BENCH_REQUESTS=${knobs.requests}`);

  console.log('bench: compiling the app into dist/ …');
  await compileApp();

  const benches: BenchResult[] = [];
  for (const file of files) {
    console.log(`\n▶ ${path.basename(file)}`);
    const result = await runInChild(file, knobs);
    console.log(`  ${result.ok ? 'done' : 'FAILED'} in ${Math.round(result.durationMs / 1000)} s${result.ok ? '' : `: ${result.error?.split('\n')[0]}`}`);
    benches.push(result);
  }

  const finishedAt = new Date();
  const version = benches.find((b) => b.database)?.database?.version;
  const results: RunResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    machine,
    database: { client: knobs.databaseClient, version },
    nodeEnv: process.env.NODE_ENV ?? 'test',
    knobs,
    benches,
    summary: summarizeRun(benches),
  };
  const written = writeResults(results);
  printSummary(results, written);
  process.exitCode = results.summary.failed.length || results.summary.targetsMissed.length ? 1 : 0;
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
