import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { OWNER_FIELD } from './utils/site-group-types';
import { subscribeSiteTreeGuard } from './lifecycles/site-tree-guard';
import { subscribeFileOwner } from './media/media-guard';

const ACTIONS = [
  { uid: 'placement.read', displayName: 'See placements, queues and the placement audit' },
  { uid: 'placement.place', displayName: 'Place, push and withdraw items' },
  { uid: 'placement.submit', displayName: 'Submit items to a higher site (报送)' },
  { uid: 'placement.review', displayName: 'Accept or reject items sent to my sites' },
  { uid: 'assignment.manage', displayName: 'Assign editors to sites' },
  { uid: 'report.read', displayName: 'Read site reports (stale columns)' },
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
  subscribeSiteTreeGuard(strapi);
  subscribeFileOwner(strapi);
};
