import type { Core } from '@strapi/strapi';
import { tibetanQuality } from './document-middlewares/tibetan-quality';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(tibetanQuality());
};
