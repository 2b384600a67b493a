import type { Core } from '@strapi/strapi';
import { onEvent } from '@jiyue/kernel';
import { getService } from './utils/get-service';

const ACTIONS = [
  { uid: 'synonym.read', displayName: 'Read search synonyms' },
  { uid: 'synonym.manage', displayName: 'Manage search synonyms' },
  { uid: 'analytics.read', displayName: 'Read search statistics' },
  { uid: 'index.manage', displayName: 'Inspect and rebuild the search index' },
  { uid: 'suggest-term.read', displayName: 'Read approved search suggestions' },
  { uid: 'suggest-term.manage', displayName: 'Approve and remove search suggestions' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(
    ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'cluster-search', subCategory: a.uid.split('.')[0], ...a }))
  );

  const engine = getService('engine').get();
  await engine.init();
  await getService('synonyms').seedDefaults();
  await getService('synonyms').changed();

  const indexer = getService('indexer');
  if (await engine.needsRebuild?.()) {
    // An upgrade changed the index layout: rebuild in the background (search answers from the new
    // index as soon as it is swapped in; until then it is empty).
    strapi.log.warn('cluster-search: the search index was written by an older version; rebuilding it in the background');
    void indexer
      .rebuild()
      .then((r: { documents: number; ms: number }) => strapi.log.info(`cluster-search: index rebuilt, ${r.documents} documents in ${Math.round(r.ms / 1000)} s`))
      .catch((error: Error) => strapi.log.error(`cluster-search: index rebuild failed: ${error.message}; run npm run search:reindex`));
  }
  // Placement changes and retractions name the document; both are idempotent re-reads.
  onEvent(strapi.eventHub, 'site-group.placement.changed', async (payload) => {
    if (!payload?.documentId) return;
    const uids = payload.uid ? [payload.uid] : await indexer.typesOf(payload.documentId);
    for (const uid of uids) void indexer.schedule(uid, payload.documentId);
  });
  onEvent(strapi.eventHub, 'distribution.retraction.completed', async (payload) => {
    if (!payload?.documentId) return;
    const uids = payload.uid ? [payload.uid] : await indexer.typesOf(payload.documentId);
    for (const uid of uids) void indexer.schedule(uid, payload.documentId);
  });
  for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete']) {
    strapi.eventHub.on(event, async (payload: { uid?: string; entry?: { documentId?: string } } | undefined) => {
      const documentId = payload?.entry?.documentId;
      if (payload?.uid && documentId) void indexer.schedule(payload.uid, documentId);
    });
  }

  const { queryLogDays } = strapi.config.get('plugin::cluster-search') as { queryLogDays: number };
  await getService('analytics').prune(queryLogDays);
};
