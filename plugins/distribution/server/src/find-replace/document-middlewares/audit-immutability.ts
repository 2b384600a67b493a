import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REPLACEMENT_EVENT_UID } from '../../utils/uids';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** Replacement audit events are append-only: no path through the Document Service may change or remove one. */
export const replacementAuditImmutability = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid === REPLACEMENT_EVENT_UID && !READS.has(ctx.action)) {
    throw new errors.PolicyError('The replacement audit is append-only: events cannot be created, changed or deleted here.');
  }
  return next();
};
