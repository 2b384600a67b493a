import type { Core, Schema, UID } from '@strapi/strapi';

/** An attribute of a schema as Strapi types it (narrow on `type` before reading what a kind carries). */
export type ModelAttribute = Schema.Attribute.AnyAttribute;

/** The attributes of a content type or component named by a plain string (a route segment, a review row); empty when unknown. */
export const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, ModelAttribute> =>
  (strapi.getModel(uid as UID.Schema) as Schema.ContentType | Schema.Component | undefined)?.attributes ?? {};

/** The target of a relation attribute; undefined for any other attribute and for polymorphic relations. */
export const targetOf = (attribute: ModelAttribute | undefined): UID.ContentType | undefined =>
  attribute?.type === 'relation' && 'target' in attribute ? attribute.target : undefined;
