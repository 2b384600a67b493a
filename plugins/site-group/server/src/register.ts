import type { Core } from '@strapi/strapi';
import { treeIntegrity } from './document-middlewares/tree-integrity';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(treeIntegrity());
};
