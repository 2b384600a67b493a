import { registerDistributionResolvers, registerSubmitExtension } from './resolvers';
import type { Core } from '@strapi/strapi';
import { optionalService } from '@jiyue/kernel';
import { getService } from './utils/get-service';
import { REPLACEMENT_ACTIONS } from './find-replace';
import { CHANNEL_UID } from './utils/uids';
import { importMovedTargets } from './upgrade/moved-targets';

const ACTIONS = [
  { uid: 'channel.manage', displayName: 'Configure distribution channels per site' },
  { uid: 'delivery.read', displayName: 'See the distribution outbox (deliveries)' },
  { uid: 'targets.choose', displayName: 'Choose where an item is delivered (submission targets)' },
  { uid: 'delivery.retry', displayName: 'Retry dead deliveries' },
  { uid: 'retraction.create', displayName: 'Retract an item from the whole cluster (错情一键删除)' },
  { uid: 'retraction.read', displayName: 'See retractions and their receipts' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'distribution', subCategory: 'distribution' }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerDistributionResolvers(strapi);
  registerSubmitExtension(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany([...ACTIONS, ...REPLACEMENT_ACTIONS]);
  await getService('claims').ensureIndexes();
  // Upgrade: the targets review-workflow used to keep, held for distribution by an app migration.
  await importMovedTargets(strapi);
  // Channel changes go to site-group's operations log (who, when, before/after; secrets fingerprinted, never in clear).
  optionalService(strapi, 'site-group', 'operations')?.track(CHANNEL_UID, { subjectType: 'channel', labelField: 'key', secretFields: ['credentials', 'secretValue'] });
  // Dispatch starts once the server is up, so a boot never races its own schema sync.
  await getService('dispatcher').start();
};
