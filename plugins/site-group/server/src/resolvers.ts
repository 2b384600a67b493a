import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ScopeRequest } from './services/scope';
import { getService } from './utils/get-service';
import { OWNER_FIELD, siteGroupContentTypes } from './utils/site-group-types';
import { AUDIT_UID, PLACEMENT_UID, SITE_UID } from './utils/uids';
import { contentTypeOf } from '@jiyue/kernel';

const placementOf = async (strapi: Core.Strapi, raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new errors.NotFoundError(`No placement ${raw}`);
  const placement = await strapi.db.query(PLACEMENT_UID).findOne({ where: { id } });
  if (!placement) throw new errors.NotFoundError(`No placement ${raw}`);
  const site = await strapi.db.query(SITE_UID).findOne({ where: { id: placement.siteId }, select: ['code'] });
  return { placement, site: site?.code as string | undefined };
};

/** Site resolvers for site-group's own ids (placements, items by documentId), used by route scope declarations. */
export const registerSiteGroupResolvers = (strapi: Core.Strapi) => {
  const scope = getService('scope');
  // The site a placement was sent to: its editors accept or reject it.
  scope.registerResolver('site-group.placement', async (request: ScopeRequest) => {
    const { site } = await placementOf(strapi, request.params.id);
    return site ? [site] : [];
  });
  // Both parties of a placement (the receiving site and the item's owner): either may withdraw it.
  scope.registerResolver('site-group.placement-parties', async (request: ScopeRequest) => {
    const { placement, site } = await placementOf(strapi, request.params.id);
    const owner = contentTypeOf(strapi, placement.contentType)
      ? await strapi.db.query(placement.contentType).findOne({ where: { documentId: placement.itemDocumentId }, select: [OWNER_FIELD] })
      : null;
    return [site, owner?.[OWNER_FIELD]].filter((c): c is string => typeof c === 'string');
  });
  // The owning site of an item known only by its documentId (any opted-in content type).
  scope.registerResolver('site-group.item', async (request: ScopeRequest) => {
    const { documentId } = request.params;
    for (const uid of siteGroupContentTypes(strapi)) {
      const row = await strapi.db.query(uid).findOne({ where: { documentId }, select: [OWNER_FIELD] });
      if (row) return row[OWNER_FIELD] ? [row[OWNER_FIELD]] : [];
    }
    // A deleted item keeps its placement audit: the sites it was placed in answer for it.
    const events = await strapi.db.query(AUDIT_UID).findMany({ where: { itemDocumentId: documentId }, select: ['siteId'] });
    if (!events.length) throw new errors.NotFoundError(`No item "${documentId}"`);
    const tree = await getService('editor-scope').hierarchy();
    return [...new Set(events.map((e: { siteId: number }) => tree.byId.get(e.siteId)?.code).filter((c: unknown): c is string => typeof c === 'string'))];
  });
};
