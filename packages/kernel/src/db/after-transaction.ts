import { AsyncResource } from 'node:async_hooks';

// Captured at module load, outside any transaction. Deferred work started from inside a write
// would otherwise inherit the write's transaction context: a nested transaction keeps its own
// reference to the transaction after the outer one commits, and every later query on it fails
// with "Transaction query already complete".
const outsideTransactions = new AsyncResource('jiyue.after-transaction');

/** The part of Strapi's database the helper uses (structural: the kernel imports no Strapi code here). */
export interface TransactionHost {
  db: {
    inTransaction: () => boolean;
    transaction: (cb: (trx: { onCommit: (fn: () => void) => void; onRollback: (fn: () => void) => void }) => Promise<unknown>) => Promise<unknown>;
  };
}

/**
 * Runs `fn` once the current transaction has ended (at once when there is none), outside any
 * transaction, so it reads what the write made visible. It also runs after a rollback: callers
 * re-read the current state, which a rolled-back write left as it was, and nobody waits forever.
 */
export const afterTransaction = (strapi: TransactionHost, fn: () => void): void => {
  const run = () => outsideTransactions.runInAsyncScope(fn);
  if (!strapi.db.inTransaction()) {
    run();
    return;
  }
  void strapi.db.transaction(async ({ onCommit, onRollback }) => {
    onCommit(run);
    onRollback(run);
  });
};
