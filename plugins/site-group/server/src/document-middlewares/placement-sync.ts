import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { currentActor, isClusterType } from '@jiyue/kernel';

const PUBLICATION_ACTIONS = new Set(['publish', 'unpublish', 'discardDraft', 'delete']);

/** Writes that can change whether an already placed item has a published version. A brand-new document has no placements yet. */
const changesPublication = (action: string, params: { status?: string }) =>
  PUBLICATION_ACTIONS.has(action) || (action === 'update' && params.status === 'published');

/**
 * After a placed item is published, unpublished or deleted, its placements follow: column lists
 * read only placements whose item has a published version, so a draft never leaks into a site.
 * Runs after `next()`, once the write has happened.
 */
export const placementSync = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!isClusterType(ctx.contentType) || !changesPublication(ctx.action, ctx.params as { status?: string })) return next();

  const result = await next();
  const documentId = (ctx.params as { documentId?: string }).documentId;
  if (!documentId) return result;

  const placements = getService('placement');
  const stillExists = await strapi.db.query(ctx.uid).findOne({ where: { documentId }, select: ['id'] });
  if (stillExists) await placements.syncPublication(ctx.uid, documentId);
  else await placements.removeForDeletedItem(ctx.uid, documentId, currentActor(strapi));
  return result;
};
