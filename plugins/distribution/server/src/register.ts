import type { Core } from '@strapi/strapi';
import { outboxMiddleware } from './document-middlewares/outbox';
import { replacementAuditImmutability } from './find-replace';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(outboxMiddleware());
  strapi.documents.use(replacementAuditImmutability());
};
