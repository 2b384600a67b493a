import type { Core } from '@strapi/strapi';
import { outboxMiddleware } from './document-middlewares/outbox';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(outboxMiddleware());
};
