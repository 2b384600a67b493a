import type { Core } from '@strapi/strapi';
import { installAppendOnlyTriggers, type AppendOnlyClient } from '@jiyue/kernel';
import { getService } from './utils/get-service';
import { logRolePermissions } from './services/role-permissions-log';
import { ASSIGNMENT_UID, COLUMN_UID, OPERATION_UID, SITE_UID } from './utils/uids';
import { OWNER_FIELD } from './utils/site-group-types';
import { registerSiteGroupResolvers } from './resolvers';
import { subscribeSiteTreeGuard } from './lifecycles/site-tree-guard';
import { subscribeFileOwner } from './media/media-guard';

const ACTIONS = [
  { uid: 'placement.read', displayName: 'See placements, queues and the placement audit' },
  { uid: 'placement.place', displayName: 'Place, push and withdraw items' },
  { uid: 'placement.submit', displayName: 'Submit items to a higher site (报送)' },
  { uid: 'placement.review', displayName: 'Accept or reject items sent to my sites' },
  { uid: 'assignment.manage', displayName: 'Assign editors to sites' },
  { uid: 'report.read', displayName: 'Read site reports (stale columns)' },
  { uid: 'operations.read', displayName: 'Read the operations log (root-site admins and Super Admins only)' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'site-group', subCategory: 'site group' }));

/**
 * Conditions an admin attaches to any content-type action in Settings → Roles. They filter on the
 * owning site, so Content Manager lists, opens, updates, publishes and deletes follow the editor's sites.
 */
const CONDITIONS = [
  {
    name: 'is-in-my-sites',
    displayName: 'Is in one of my sites',
    descendants: 'as-assigned' as const,
  },
  {
    name: 'is-in-my-sites-or-below',
    displayName: 'Is in my sites or below',
    descendants: 'always' as const,
  },
].map(({ name, displayName, descendants }) => ({
  name,
  displayName,
  plugin: 'site-group',
  category: 'site group',
  async handler(user: { id: number }) {
    return { [OWNER_FIELD]: { $in: await getService('editor-scope').siteCodes(user.id, descendants) } };
  },
}));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const permissions = strapi.service('admin::permission');
  await permissions.actionProvider.registerMany(ACTIONS);
  await permissions.conditionProvider.registerMany(CONDITIONS);
  registerSiteGroupResolvers(strapi);

  // The operations log: append-only at the database too, and fed by database lifecycles.
  await installAppendOnlyTriggers(strapi.db.connection, strapi.db.dialect.client as AppendOnlyClient, strapi.db.metadata.get(OPERATION_UID).tableName, {
    schema: strapi.db.getSchemaName?.() || null,
  });
  const operations = getService('operations');
  operations.track(SITE_UID, { subjectType: 'site', labelField: 'code' });
  operations.track(COLUMN_UID, { subjectType: 'column', labelField: 'name' });
  operations.track(ASSIGNMENT_UID, { subjectType: 'assignment' });
  strapi.db.lifecycles.subscribe(operations.subscriber());
  logRolePermissions(strapi);
  subscribeSiteTreeGuard(strapi);
  subscribeFileOwner(strapi);
};
