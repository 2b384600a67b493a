import { AsyncLocalStorage } from 'async_hooks';

const storage = new AsyncLocalStorage<{ handledBy: string }>();

/**
 * Runs `fn` with the automatic withdrawal of unpublished items switched off, for callers that
 * queue their own withdrawals with their own receipts (a cluster retraction unpublishes the item
 * and then withdraws it from each channel in its scope, counting each one).
 */
export const withWithdrawalsHandledBy = <T>(handledBy: string, fn: () => Promise<T>): Promise<T> => storage.run({ handledBy }, fn);

export const withdrawalsHandledElsewhere = (): boolean => storage.getStore() !== undefined;
