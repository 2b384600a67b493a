import type { Core } from '@strapi/strapi';
import type { DatabaseInfo } from './app';
import type { Knobs } from './knobs';
import type { Figure, Recorder } from './recorder';

/**
 * A bench file (tests/bench/<name>.bench.ts) default-exports one of these. The runner boots the
 * app on a fresh database in a process of its own, calls `run`, and stops the app again.
 */
export interface BenchContext {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port> of this app. */
  baseUrl: string;
  record: Recorder;
  knobs: Knobs;
}

export interface Bench {
  name: string;
  description: string;
  run: (context: BenchContext) => Promise<void>;
}

export const defineBench = (bench: Bench): Bench => bench;

/** What one bench process reports back to the runner. */
export interface BenchResult {
  file: string;
  name: string;
  description: string;
  ok: boolean;
  error?: string;
  durationMs: number;
  database?: DatabaseInfo;
  figures: Figure[];
}
