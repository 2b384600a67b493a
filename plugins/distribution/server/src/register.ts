import type { Core } from '@strapi/strapi';
import { replacementAuditImmutability } from './document-middlewares/replacement-audit-immutability';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(replacementAuditImmutability());
};
