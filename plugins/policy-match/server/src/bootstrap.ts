import type { Core } from '@strapi/strapi';
import { USER_ACTIONS } from './routes/content-api';
import { afterTransaction, onEvent } from '@jiyue/kernel';
import { getService } from './utils/get-service';
import { policyUid } from './utils/policy-uid';
import { registerPolicyMatchResolvers } from './resolvers';

const ACTIONS = [
  { uid: 'tag.read', displayName: 'See the taxonomy and suggest tags' },
  { uid: 'tag.manage', displayName: 'Edit the taxonomy' },
  { uid: 'eligibility.read', displayName: 'See eligibility rules of policies' },
  { uid: 'eligibility.manage', displayName: 'Edit eligibility rules of policies' },
  { uid: 'audience.read', displayName: 'Count and sample the audience of a policy (reverse match)' },
  { uid: 'comment.moderate', displayName: 'Moderate comments on policies' },
  // A: the fact registry
  { uid: 'fact.read', displayName: 'See the fact registry' },
  { uid: 'fact.manage', displayName: 'Edit the fact registry (cluster-wide)' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'policy-match', subCategory: 'policy match' }));

/**
 * Signed-in users may keep their own profile, inbox and engagement: granted to the Authenticated
 * role once (remembered in the plugin store, so an administrator who revokes them is not overruled).
 */
const grantUserActions = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'policy-match' });
  if (await store.get({ key: 'userActionsGranted' })) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) return;
  for (const handler of USER_ACTIONS) {
    const action = `plugin::policy-match.${handler}`;
    const exists = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } });
    if (!exists) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  await store.set({ key: 'userActionsGranted', value: true });
};

/** After the write commits, off the request path; a failure is logged, never thrown into the publish. */
const later = (strapi: Core.Strapi, what: string, fn: () => Promise<unknown>) =>
  afterTransaction(strapi, () => setImmediate(() => Promise.resolve().then(fn).catch((e) => strapi.log.error(`policy-match: ${what} failed: ${(e as Error).message}`))));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerPolicyMatchResolvers(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  const seeded = await getService('taxonomy').seedStarter();
  if (seeded) strapi.log.info(`policy-match: starter taxonomy of ${seeded} tags installed`);
  // D (#19): a taxonomy seeded by an earlier release gets the national identity categories and enterprise types.
  const additions = await getService('taxonomy').seedStarterAdditions();
  if (additions.added || additions.marked || additions.renamed) {
    strapi.log.info(`policy-match: starter taxonomy updated (${additions.added} tags added, ${additions.marked} marked sensitive, ${additions.renamed} renamed)`);
  }
  // A: the fact registry — starter facts (missing codes only), then Tibetan labels from a source registered later
  const facts = await getService('registry').seedStarter();
  if (facts) strapi.log.info(`policy-match: ${facts} starter facts installed`);
  // (this app's own service, not the global one: the refresh runs later, and a test may have booted another app by then)
  const registry = getService('registry');
  getService('hooks').whenLabelSourceRegistered(() => later(strapi, 'fact label refresh', () => registry.refreshLabels()));
  await grantUserActions(strapi);
  // C: profile fact rows filled from the stored facts once (upgrade from the column storage)
  const backfill = await getService('profiles').backfillFacts();
  if (backfill.backfilled) strapi.log.info('policy-match: profile fact rows written from the stored profiles');

  // C: background audience runs, one at a time per instance (issue #19)
  getService('audience-jobs').start();

  const uid = policyUid();
  const catalogue = getService('catalogue');
  onEvent(strapi.eventHub, 'policy-match.eligibility.changed', async (payload) => {
    // Rules given after the policy was published notify too; the inbox keeps one item per user and policy.
    if (!payload.removed) later(strapi, 'audience notification', () => getService('audience').notifyPublished(payload.documentId));
  });
  // Draft saves (entry.update) change nothing a match reads: only published versions are matched.
  for (const event of ['entry.unpublish', 'entry.delete']) {
    strapi.eventHub.on(event, async (payload: { uid?: string }) => {
      if (payload?.uid === uid) await catalogue.bump();
    });
  }
  strapi.eventHub.on('entry.publish', async (payload: { uid?: string; entry?: { documentId?: string } }) => {
    if (payload?.uid !== uid || !payload.entry?.documentId) return;
    await catalogue.bump();
    const documentId = payload.entry.documentId;
    later(strapi, 'audience notification', () => getService('audience').notifyPublished(documentId));
  });
};
