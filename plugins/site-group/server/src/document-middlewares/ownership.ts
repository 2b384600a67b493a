import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { currentActor, isClusterType } from '@jiyue/kernel';
import { OWNER_FIELD } from '../utils/site-group-types';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * A clone keeps its source's owner unless the write names another: either way the actor must be
 * allowed to act for the site that will own the copy.
 */
const guardClone: Middleware = async (ctx, next) => {
  const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
  const owners = getService('ownership');
  const actor = currentActor(strapi);
  const named = params.data?.[OWNER_FIELD];
  if (named !== undefined) await owners.assertValidOwner(actor, named);
  else if (params.documentId) {
    const source = await owners.ownerOf(ctx.uid, params.documentId);
    if (source) await getService('editor-scope').assertCanActFor(actor, source, `copy an item of site "${source}"`);
  }
  return next();
};

/**
 * Sets the owning site of a new item (from the editor's site) and guards changes to it. Strapi
 * checks RBAC conditions against the stored item only, so a write that moves an item to a site
 * outside the editor's scope has to be refused here.
 */
export const ownership = (): Middleware => async (ctx, next) => {
  if (!isClusterType(ctx.contentType)) return next();
  if (ctx.action === 'clone') return guardClone(ctx, next);
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();

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
