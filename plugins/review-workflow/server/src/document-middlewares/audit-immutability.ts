import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENT_UID } from '../utils/uids';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** Review events are append-only: no path through the Document Service may change or remove one. */
export const auditImmutability = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid === EVENT_UID && !READS.has(ctx.action)) {
    throw new errors.PolicyError('The review audit trail is append-only: events cannot be created, changed or deleted here.');
  }
  return next();
};
