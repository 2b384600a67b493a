import type { Core } from '@strapi/strapi';
import { tibetanQuality } from './document-middlewares/tibetan-quality';
import { translationTracking } from './document-middlewares/translation-tracking';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Normalise and check first, so the record is written only for a save that goes through.
  strapi.documents.use(tibetanQuality());
  strapi.documents.use(translationTracking());
};
