import type { Core, Schema } from '@strapi/strapi';
import { treeIntegrity } from './document-middlewares/tree-integrity';
import { extendContentManager } from './content-manager/side-doors';
import { addFileOwner } from './media/media-owner';
import { guardMedia } from './media/media-guard';
import { ownership } from './document-middlewares/ownership';
import { placementSync } from './document-middlewares/placement-sync';
import { siteColumnScope } from './document-middlewares/site-column-scope';
import { publicDisclosure } from './document-middlewares/public-disclosure';
import { operationsImmutability } from './document-middlewares/operations-immutability';
import { OWNER_FIELD } from './utils/site-group-types';
import { isClusterType } from '@jiyue/kernel';

/**
 * Gives every opted-in content type an owning site: a plain, non-localized string column holding
 * the site code, indexed with published_at. A scalar (not a relation) because RBAC conditions and
 * per-site lists filter on it, and a join table would turn every such list into a join.
 */
const addOwnerSite = (strapi: Core.Strapi) => {
  // The schemas are extended in place at register time, before Strapi loads them into the database.
  for (const contentType of Object.values(strapi.contentTypes as Record<string, Schema.ContentType & { attributes: Record<string, unknown> }>)) {
    if (!isClusterType(contentType)) continue;
    contentType.attributes[OWNER_FIELD] = {
      type: 'string',
      maxLength: 64,
      configurable: false,
      pluginOptions: { i18n: { localized: false } },
    };
    contentType.indexes = [
      ...(contentType.indexes ?? []),
      { name: `${contentType.collectionName}_owner_site`, columns: ['owner_site', 'published_at'] },
    ];
  }
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  addOwnerSite(strapi);
  strapi.documents.use(siteColumnScope());
  strapi.documents.use(treeIntegrity());
  strapi.documents.use(ownership());
  strapi.documents.use(placementSync());
  strapi.documents.use(publicDisclosure(strapi));
  strapi.documents.use(operationsImmutability());
  extendContentManager(strapi);
  addFileOwner(strapi);
  guardMedia(strapi);
};
