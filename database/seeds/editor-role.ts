import type { Core } from '@strapi/strapi';
import { CONTENT_UIDS } from './demo-content';

/** The plugins of the suite: a site editor holds every admin action they register. */
export const SUITE_PLUGINS = ['site-group', 'review-workflow', 'distribution', 'policy-match', 'bilingual', 'cluster-search'];

/** The site condition a site editor's permissions carry (site-group's RBAC conditions on `ownerSite`). */
export const SITE_CONDITION = 'plugin::site-group.is-in-my-sites-or-below';

/** The Media Library actions a site editor holds, each limited to files owned by their sites. */
export const MEDIA_ACTIONS = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];

/** Actions of our plugins whose permission carries the site condition (the others are checked by route scope). */
const CONDITIONED_SUITE_ACTIONS = new Set(['plugin::review-workflow.read-drafts']);

export const EDITOR_ROLE_NAME = '站点编辑 Site editor';

export interface RolePermission {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

/**
 * What a site editor may do, each content and media permission limited to their sites by `condition`:
 * the Content Manager on the five types (zh-Hans and bo), the Media Library (they see and use only
 * their sites' files; replace and delete are also checked by site-group's media guard), and every
 * action of our plugins (site scope on those is the routes' `routeScope`; `read-drafts` carries the
 * condition, so REST draft reads with their admin JWT show their sites' drafts only).
 */
export const siteEditorPermissions = (strapi: Core.Strapi, condition = SITE_CONDITION): RolePermission[] => {
  const content = ['read', 'create', 'update', 'delete', 'publish'].flatMap((a) =>
    Object.values(CONTENT_UIDS).map((subject) => ({
      action: `plugin::content-manager.explorer.${a}`,
      subject,
      properties: { locales: ['zh-Hans', 'bo'] },
      conditions: [condition],
    }))
  );
  const media = MEDIA_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [condition] }));
  const suite = (strapi.service('admin::permission').actionProvider.values() as { actionId: string; pluginName?: string }[])
    .filter((a) => a.pluginName && SUITE_PLUGINS.includes(a.pluginName))
    .map((a) => ({ action: a.actionId, subject: null, properties: {}, conditions: CONDITIONED_SUITE_ACTIONS.has(a.actionId) ? [condition] : [] }));
  return [...content, ...media, ...suite];
};

/** The demo's site editor role (assign it to an admin, then assign the admin to sites). Idempotent. */
export const seedEditorRole = async (strapi: Core.Strapi): Promise<{ id: number; created: boolean }> => {
  const roles = strapi.service('admin::role');
  const existing = await strapi.db.query('admin::role').findOne({ where: { name: EDITOR_ROLE_NAME }, select: ['id'] });
  if (existing) return { id: existing.id, created: false };
  const role = await roles.create({ name: EDITOR_ROLE_NAME, description: 'Edits the content and media of the sites assigned to them' });
  await roles.assignPermissions(role.id, siteEditorPermissions(strapi));
  return { id: role.id, created: true };
};
