import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OPERATION_UID } from '../utils/uids';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** The operations log is append-only: no path through the Document Service may write, change or remove an entry. */
export const operationsImmutability = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid === OPERATION_UID && !READS.has(ctx.action)) {
    throw new errors.PolicyError('The operations log is append-only: entries cannot be created, changed or deleted here.');
  }
  return next();
};
