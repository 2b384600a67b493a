import type { Core } from '@strapi/strapi';
import { tibetanQuality } from './document-middlewares/tibetan-quality';
import { translationTracking } from './document-middlewares/translation-tracking';
import { localeFallback } from './middlewares/locale-fallback';
import { glossaryNormalization } from './document-middlewares/glossary-normalization';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Normalise and check first, so the record is written only for a save that goes through.
  strapi.documents.use(tibetanQuality());
  strapi.documents.use(translationTracking());
  strapi.documents.use(glossaryNormalization());
  // `fallback` is a known query parameter of the content API (also with strictParams).
  // Route definitions are module objects that Strapi mutates in place; a second Strapi in the same
  // process (a restart in a test, two instances) finds them already carrying the param, and
  // merging it again would throw "param already exists".
  strapi.contentAPI.addQueryParams({
    fallback: { schema: (z: any) => z.string().max(35).optional(), matchRoute: (route: any) => !('fallback' in (route.request?.query ?? {})) },
  } as any);
  strapi.server.use(localeFallback(strapi));
};
