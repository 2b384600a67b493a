import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import type { IndexRow } from './index-file';

/**
 * A rebuild writes its new index file on a worker thread: the main thread reads Strapi's rows and
 * segments them (`indexRow`) while the worker runs the SQL, so a rebuild uses two cores, and
 * searches keep being answered by a main thread that is not busy inside FTS5 for seconds at a time.
 */

/** Batches handed over and not yet written before `write` waits: one being written, one queued. */
const IN_FLIGHT = 2;

export type WriterMessage = { kind: 'rows'; rows: IndexRow[] } | { kind: 'finish' };
export type WriterReply = { kind: 'done' } | { kind: 'failed'; message: string };

export interface RebuildWriter {
  /** Hands the rows over; waits only while IN_FLIGHT batches are still being written. */
  write(rows: IndexRow[]): Promise<void>;
  /** Waits for every batch, then merges and closes the file. */
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The worker: compiled JavaScript beside this file or, running from TypeScript source (the
 * engine's unit tests), the source through esbuild-register.
 */
const startWorker = (file: string) => {
  const compiled = path.join(__dirname, 'rebuild-writer.worker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled, { workerData: { file } });
  const source = path.join(__dirname, 'rebuild-writer.worker.ts');
  return new Worker(`require('esbuild-register/dist/node').register(); require(${JSON.stringify(source)});`, { eval: true, workerData: { file } });
};

export const startRebuildWriter = (file: string): RebuildWriter => {
  const worker = startWorker(file);
  // Replies come in the order of the messages.
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of pending.splice(0)) waiter.reject(failure);
  };
  worker.on('message', (reply: WriterReply) => {
    if (reply.kind === 'failed') return fail(new Error(`search index rebuild: ${reply.message}`));
    pending.shift()?.resolve();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`search index rebuild: the writer thread exited (${code})`)));

  const send = (message: WriterMessage) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.push({ resolve, reject });
      worker.postMessage(message);
    });
  const inFlight: Promise<void>[] = [];

  return {
    async write(rows) {
      const written = send({ kind: 'rows', rows });
      // A failure is reported by the next write or by finish, whichever awaits it.
      written.catch(() => undefined);
      inFlight.push(written);
      while (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    },
    async finish() {
      await Promise.all(inFlight.splice(0));
      await send({ kind: 'finish' });
      await worker.terminate();
    },
    async abort() {
      inFlight.splice(0);
      await worker.terminate();
    },
  };
};
