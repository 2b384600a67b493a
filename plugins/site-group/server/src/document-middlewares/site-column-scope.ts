import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { COLUMN_UID, SITE_UID } from '../utils/uids';

/**
 * Sites and columns have owners: a scoped admin (not a Super Admin) creates, updates and deletes only
 * the sites and columns inside the sites assigned to them (a site admin assigned with descendants:
 * their subtree), and cannot move a site or a column out of it. Runs on every write path (Content
 * Manager, REST, code called from a request); seeds and jobs (no request) are not scoped.
 */
export const siteColumnScope = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  const { uid, action } = ctx;
  if ((uid === SITE_UID || uid === COLUMN_UID) && ['create', 'update', 'delete', 'clone'].includes(action)) {
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
    await getService('tree-scope').assertCanWrite(uid, action, params.documentId, params.data ?? {});
  }
  return next();
};
