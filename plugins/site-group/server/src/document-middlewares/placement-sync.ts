import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { currentActor } from '../utils/request-actor';
import { isSiteGroupEnabled } from '../utils/site-group-types';

const PUBLICATION_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);

/**
 * After a placed item is published, unpublished or deleted, its placements follow: column lists
 * read only placements whose item has a published version, so a draft never leaks into a site.
 * Runs after `next()` on purpose: the write has happened and its transaction is committed.
 */
export const placementSync = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!isSiteGroupEnabled(ctx.contentType) || !PUBLICATION_ACTIONS.has(ctx.action)) return next();

  const result: any = await next();
  const documentId = (ctx.params as { documentId?: string }).documentId ?? result?.documentId ?? result?.entries?.[0]?.documentId;
  if (!documentId) return result;

  const placements = getService('placement');
  const stillExists = await strapi.db.query(ctx.uid as any).findOne({ where: { documentId }, select: ['id'] });
  if (stillExists) await placements.syncPublication(ctx.uid, documentId);
  else await placements.removeForDeletedItem(ctx.uid, documentId, currentActor(strapi));
  return result;
};
