import type { Core } from '@strapi/strapi';
import { auditImmutability } from './document-middlewares/audit-immutability';
import { reviewGate } from './document-middlewares/review-gate';
import { draftReadGate, draftRequestGuard } from './document-middlewares/draft-read-gate';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(auditImmutability());
  strapi.documents.use(reviewGate());
  strapi.documents.use(draftReadGate(strapi));
  strapi.server.api('content-api').use(draftRequestGuard(strapi));
};
