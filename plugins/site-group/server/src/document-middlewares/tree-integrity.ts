import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { COLUMN_UID, SITE_UID } from '../utils/uids';

/**
 * Guards every write to sites and columns, whichever path it takes (Content Manager, REST, code),
 * by running the integrity checks before `next()`: a refused write never reaches the database.
 */
export const treeIntegrity = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  const { uid, action } = ctx;
  const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };

  if (uid === SITE_UID) {
    const sites = getService('site-integrity');
    if (action === 'create') await sites.beforeCreate(params.data ?? {});
    if (action === 'update' && params.documentId) await sites.beforeUpdate(params.documentId, params.data ?? {});
    if (action === 'delete' && params.documentId) await sites.beforeDelete(params.documentId);
  }

  if (uid === COLUMN_UID) {
    const columns = getService('column-integrity');
    if (action === 'create') await columns.check(params.data ?? {}, null);
    if (action === 'update' && params.documentId) {
      await columns.check(params.data ?? {}, await columns.current(params.documentId));
    }
  }

  const result = await next();
  if (uid === SITE_UID && ['create', 'update', 'delete'].includes(action)) await getService('tree-cache').bump();
  return result;
};
