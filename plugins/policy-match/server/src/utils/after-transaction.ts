import { AsyncResource } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

// Captured at module load, outside any transaction. Deferred work started from inside a write
// would otherwise inherit the write's transaction context: a nested transaction keeps its own
// reference to the transaction after the outer one commits, and every later query on it fails
// with "Transaction query already complete".
const outsideTransactions = new AsyncResource('jiyue.after-transaction');

/**
 * Runs `fn` once the current transaction has ended (at once when there is none), outside any
 * transaction, so it reads what the write made visible. It also runs after a rollback: callers
 * re-read the current state, which a rolled-back write left as it was, and nobody waits forever.
 */
export const afterTransaction = (strapi: Core.Strapi, fn: () => void) => {
  const run = () => outsideTransactions.runInAsyncScope(fn);
  if (!strapi.db.inTransaction()) return run();
  void strapi.db.transaction(async ({ onCommit, onRollback }) => {
    onCommit(run);
    onRollback(run);
  });
};
