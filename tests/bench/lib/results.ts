import fs from 'fs';
import path from 'path';
import type { BenchResult } from './bench';
import type { Knobs } from './knobs';
import type { machineInfo } from './machine';

/** Beside the benchmark notebooks, so a run's JSON summary is committed with the notebook entry that quotes it. */
export const RESULTS_DIR = path.resolve(__dirname, '../../../docs/benchmarks/runs');

export interface RunResults {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  machine: ReturnType<typeof machineInfo>;
  database: { client: string; version?: string };
  nodeEnv: string;
  knobs: Knobs;
  benches: BenchResult[];
  summary: { figures: number; failed: string[]; targetsMissed: string[] };
}

export const summarizeRun = (benches: BenchResult[]): RunResults['summary'] => ({
  figures: benches.reduce((n, b) => n + b.figures.length, 0),
  failed: benches.filter((b) => !b.ok).map((b) => b.name),
  targetsMissed: benches.flatMap((b) => b.figures.filter((f) => f.meetsTarget === false).map((f) => `${b.name}: ${f.name}`)),
});

/** latest.json (overwritten each run, not committed) and a timestamped copy to commit with the notebook. */
export const writeResults = (results: RunResults): { latest: string; copy: string } => {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const latest = path.join(RESULTS_DIR, 'latest.json');
  const copy = path.join(RESULTS_DIR, `${stamp}-${results.database.client}.json`);
  fs.writeFileSync(latest, json);
  fs.writeFileSync(copy, json);
  return { latest, copy };
};
