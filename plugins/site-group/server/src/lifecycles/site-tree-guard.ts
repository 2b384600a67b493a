import type { Core } from '@strapi/strapi';
import { throwFieldErrors } from '@jiyue/kernel';
import { checkTreeWrite, NEW_SITE, type TreeNode } from '../utils/tree-write';
import { SITE_UID } from '../utils/uids';

type Event = { params: { data?: Record<string, unknown> | Record<string, unknown>[]; where?: Record<string, unknown> } };

/**
 * Keeps the site tree a tree on the Query Engine, under the Document Service: Content Manager,
 * REST, `strapi.documents()` and code or seeds calling `strapi.db.query()` all end here. Every form
 * of `parent` and `children` (set, connect with positions, disconnect, plain ids) is applied to the
 * current tree in memory, and a write that would put a site under itself or one of its descendants
 * is refused with a 400 naming the field, before anything is written.
 */
export const subscribeSiteTreeGuard = (strapi: Core.Strapi) => {
  const nodes = async (): Promise<TreeNode[]> => {
    const rows = await strapi.db.query(SITE_UID).findMany({ select: ['id', 'documentId'], populate: { parent: { select: ['id'] } } });
    return rows.map((r: { id: number; documentId: string; parent?: { id: number } | null }) => ({
      id: r.id,
      documentId: r.documentId,
      parentId: r.parent?.id ?? null,
    }));
  };
  const touchesTree = (data: unknown): data is Record<string, unknown> =>
    !!data && typeof data === 'object' && ('parent' in data || 'children' in data);

  strapi.db.lifecycles.subscribe({
    models: [SITE_UID],
    async beforeCreate(event: Event) {
      const data = event.params.data;
      if (!touchesTree(data)) return;
      throwFieldErrors(checkTreeWrite(await nodes(), [NEW_SITE], data));
    },
    async beforeUpdate(event: Event) {
      const data = event.params.data;
      if (!touchesTree(data)) return;
      const targets = await strapi.db.query(SITE_UID).findMany({ where: event.params.where ?? {}, select: ['id'] });
      if (!targets.length) return;
      throwFieldErrors(checkTreeWrite(await nodes(), targets.map((t: { id: number }) => t.id), data));
    },
  });
};
