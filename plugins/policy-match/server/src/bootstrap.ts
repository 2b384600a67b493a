import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { policyUid } from './utils/policy-uid';

const ACTIONS = [
  { uid: 'tag.read', displayName: 'See the taxonomy and suggest tags' },
  { uid: 'tag.manage', displayName: 'Edit the taxonomy' },
  { uid: 'eligibility.read', displayName: 'See eligibility rules of policies' },
  { uid: 'eligibility.manage', displayName: 'Edit eligibility rules of policies' },
  { uid: 'audience.read', displayName: 'Count and sample the audience of a policy (reverse match)' },
  { uid: 'comment.moderate', displayName: 'Moderate comments on policies' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'policy-match', subCategory: 'policy match' }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  const seeded = await getService('taxonomy').seedStarter();
  if (seeded) strapi.log.info(`policy-match: starter taxonomy of ${seeded} tags installed`);

  const uid = policyUid();
  const invalidate = async () => getService('catalogue').invalidate();
  strapi.eventHub.on('policy-match.eligibility.changed', invalidate);
  for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.update']) {
    strapi.eventHub.on(event, async (payload: { uid?: string }) => {
      if (payload?.uid === uid) invalidate();
    });
  }
};
