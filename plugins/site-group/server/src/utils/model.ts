import type { Core, Schema, UID } from '@strapi/strapi';

/** An attribute of a schema as Strapi types it (narrow on `type` before reading what a kind carries). */
export type ModelAttribute = Schema.Attribute.AnyAttribute;

/**
 * The schema of a content type named by a plain string (a route segment, a placement row, a rule's
 * types): undefined when no content type has that uid.
 */
export const contentTypeOf = (strapi: Core.Strapi, uid: string): Schema.ContentType | undefined =>
  (strapi.contentTypes as Record<string, Schema.ContentType | undefined>)[uid];

/** The schema of a content type or a component by uid, as `strapi.getModel` has it (undefined when unknown). */
export const modelOf = (strapi: Core.Strapi, uid: string): Schema.ContentType | Schema.Component | undefined =>
  strapi.getModel(uid as UID.Schema);

/** The target of a relation attribute; undefined for any other attribute and for polymorphic relations. */
export const targetOf = (attribute: ModelAttribute | undefined): UID.ContentType | undefined =>
  attribute?.type === 'relation' && 'target' in attribute ? attribute.target : undefined;
