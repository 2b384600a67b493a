import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { listenForMediaChanges } from './listeners/media-changed';

const ACTIONS = [
  { uid: 'review.read', displayName: 'See review queues and histories' },
  { uid: 'review.submit', displayName: 'Submit items for review (报审)' },
  { uid: 'review.approve', displayName: 'Approve or reject at a review stage (审核)' },
  { uid: 'emergency-publish', displayName: 'Emergency publish without review (audited, flagged)' },
  { uid: 'check.run', displayName: 'Run the machine pre-checks' },
  { uid: 'config.manage', displayName: 'Configure who reviews at each stage' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'review-workflow', subCategory: 'review' }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  listenForMediaChanges(strapi);
  const seeded = await getService('prechecks').seedStarterDictionary();
  if (seeded) strapi.log.info(`review-workflow: starter dictionary of ${seeded} entries installed`);
};
