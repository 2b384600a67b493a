import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { currentActor } from '../utils/request-actor';
import { isSiteGroupEnabled, OWNER_FIELD } from '../utils/site-group-types';

/**
 * Sets the owning site of a new item (from the editor's site) and guards changes to it. Strapi
 * checks RBAC conditions against the stored item only, so a write that moves an item to a site
 * outside the editor's scope has to be refused here.
 */
export const ownership = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!isSiteGroupEnabled(ctx.contentType) || (ctx.action !== 'create' && ctx.action !== 'update')) return next();

  const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
  params.data ??= {};
  const data = params.data;
  const owners = getService('ownership');
  const actor = currentActor(strapi);

  if (ctx.action === 'create') {
    if (data[OWNER_FIELD] === undefined) data[OWNER_FIELD] = await owners.defaultOwner(actor);
    await owners.assertValidOwner(actor, data[OWNER_FIELD]);
    return next();
  }

  const current = params.documentId ? await owners.ownerOf(ctx.uid, params.documentId) : null;
  if (data[OWNER_FIELD] === undefined || data[OWNER_FIELD] === current) {
    // A new locale of an existing item inherits its owner; an item without one gets a default.
    data[OWNER_FIELD] = current ?? (await owners.defaultOwner(actor));
    return next();
  }
  await owners.assertValidOwner(actor, data[OWNER_FIELD]);
  return next();
};
