import type { Core } from '@strapi/strapi';
import { installAppendOnlyTriggers, optionalService, type AppendOnlyClient } from '@jiyue/kernel';
import { getService } from './utils/get-service';
import { DICTIONARY_UID, EVENT_UID, STAGE_CONFIG_UID } from './utils/uids';
import { listenForMediaChanges } from './listeners/media-changed';
import { registerIntoSiteGroup } from './resolvers';

const ACTIONS = [
  { uid: 'review.read', displayName: 'See review queues and histories' },
  { uid: 'review.submit', displayName: 'Submit items for review (报审)' },
  { uid: 'review.approve', displayName: 'Approve or reject at a review stage (审核)' },
  { uid: 'emergency-publish', displayName: 'Emergency publish without review (audited, flagged)' },
  { uid: 'check.run', displayName: 'Run the machine pre-checks' },
  { uid: 'config.manage', displayName: 'Configure who reviews at each stage' },
  { uid: 'read-drafts', displayName: 'Read unpublished drafts through the public content API' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'review-workflow', subCategory: 'review' }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  registerIntoSiteGroup(strapi);
  // The audit trail refuses UPDATE and DELETE at the database too, for paths that skip the Document Service.
  await installAppendOnlyTriggers(strapi.db.connection, strapi.db.dialect.client as AppendOnlyClient, strapi.db.metadata.get(EVENT_UID).tableName, {
    schema: strapi.db.getSchemaName?.() || null,
  });
  // Stage configs and the pre-check dictionary are configuration: site-group's operations log records their changes.
  const operations = optionalService(strapi, 'site-group', 'operations');
  operations?.track(STAGE_CONFIG_UID, { subjectType: 'stage-config', labelField: 'stage' });
  operations?.track(DICTIONARY_UID, { subjectType: 'dictionary-entry', labelField: 'term' });
  listenForMediaChanges(strapi);
  const seeded = await getService('prechecks').seedStarterDictionary();
  if (seeded) strapi.log.info(`review-workflow: starter dictionary of ${seeded} entries installed`);
};
