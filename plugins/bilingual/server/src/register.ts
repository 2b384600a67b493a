import type { Core } from '@strapi/strapi';
import { tibetanQuality } from './document-middlewares/tibetan-quality';
import { translationTracking } from './document-middlewares/translation-tracking';
import { localeFallback } from './middlewares/locale-fallback';
import { glossaryNormalization } from './document-middlewares/glossary-normalization';
import { optionalService } from '@jiyue/kernel';

/** Cluster-wide data: written only by admins of the root site (site-group's route-scope rule, issue #16). */
const clusterOnly = (uid: string, what: string): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid === uid && ['create', 'update', 'delete', 'clone', 'publish', 'unpublish'].includes(ctx.action)) {
    await optionalService(strapi, 'site-group', 'scope')?.assertClusterWrite(what);
  }
  return next();
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(clusterOnly('plugin::bilingual.glossary-term', 'the glossary'));
  // Normalise and check first, so the record is written only for a save that goes through.
  strapi.documents.use(tibetanQuality());
  strapi.documents.use(translationTracking());
  strapi.documents.use(glossaryNormalization());
  // `fallback` is a known query parameter of the content API (also with strictParams).
  // Route definitions are module objects that Strapi mutates in place; a second Strapi in the same
  // process (a restart in a test, two instances) finds them already carrying the param, and
  // merging it again would throw "param already exists".
  strapi.contentAPI.addQueryParams({
    fallback: { schema: (z) => z.string().max(35).optional(), matchRoute: (route) => !('fallback' in (route.request?.query ?? {})) },
  });
  strapi.server.use(localeFallback(strapi));
};
