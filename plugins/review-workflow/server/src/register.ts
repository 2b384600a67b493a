import type { Core } from '@strapi/strapi';
import { auditImmutability } from './document-middlewares/audit-immutability';
import { reviewGate } from './document-middlewares/review-gate';
import { draftReadGate, draftRequestGuard } from './document-middlewares/draft-read-gate';
import { adminDraftReaderStrategy } from './auth/admin-draft-reader';
import { optionalService } from '@jiyue/kernel';

/** Cluster-wide data: written only by admins of the root site (site-group's route-scope rule, issue #16). */
const clusterOnly = (uid: string, what: string): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid === uid && ['create', 'update', 'delete', 'clone', 'publish', 'unpublish'].includes(ctx.action)) {
    await optionalService(strapi, 'site-group', 'scope')?.assertClusterWrite(what);
  }
  return next();
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(clusterOnly('plugin::review-workflow.dictionary-entry', 'the pre-check dictionary'));
  strapi.documents.use(auditImmutability());
  strapi.documents.use(reviewGate());
  strapi.documents.use(draftReadGate(strapi));
  strapi.server.api('content-api').use(draftRequestGuard(strapi));
  // Admins holding read-drafts read drafts over REST with their admin JWT (reads only; issue #16 item 1).
  strapi.get('auth').register('content-api', adminDraftReaderStrategy(strapi));
};
