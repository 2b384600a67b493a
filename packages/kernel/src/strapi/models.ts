import type { Schema, UID } from '@strapi/strapi';

/**
 * Model lookups, one way: a content type or component named by a plain string known only at run time
 * (a route segment, a stored row, a setting, a rule's types), and the two opt-ins the suite reads off a
 * schema. Server only (it reads Strapi's registries); not part of the isomorphic text/contracts subpaths.
 */

/** An attribute of a schema as Strapi types it (narrow on `type` before reading what a kind carries). */
export type ModelAttribute = Schema.Attribute.AnyAttribute;

/**
 * The part of a Strapi instance these lookups read: `strapi` itself. Structural, as `PluginHost`: both
 * read one registry entry by uid (unlike `strapi.contentTypes[uid]`, which copies the whole registry first).
 */
export interface ModelHost {
  /** Strapi's `strapi.contentType(uid)`: the content type's schema, undefined when none has that uid. */
  contentType(uid: UID.ContentType): Schema.ContentType | undefined;
  /** Strapi's `strapi.getModel(uid)`: a content type's or a component's schema, undefined when unknown. */
  getModel(uid: UID.Schema): Schema.ContentType | Schema.Component | undefined;
}

/** The schema of a content type named by a plain string; undefined when no content type has that uid (a component's uid included). */
export const contentTypeOf = (strapi: ModelHost, uid: string): Schema.ContentType | undefined => strapi.contentType(uid as UID.ContentType) ?? undefined;

/** The schema of a content type or a component by uid, as `strapi.getModel` has it; undefined when unknown. */
export const modelOf = (strapi: ModelHost, uid: string): Schema.ContentType | Schema.Component | undefined => strapi.getModel(uid as UID.Schema) ?? undefined;

/** The attributes of a content type or a component by uid; empty when the uid is unknown. */
export const attributesOf = (strapi: ModelHost, uid: string): Record<string, ModelAttribute> => modelOf(strapi, uid)?.attributes ?? {};

/** The target of a relation attribute; undefined for any other attribute and for polymorphic relations. */
export const targetOf = (attribute: ModelAttribute | undefined): UID.ContentType | undefined =>
  attribute?.type === 'relation' && 'target' in attribute ? attribute.target : undefined;

/** What an opt-in reads of a schema: its `pluginOptions`, whatever plugin set them. */
const pluginOption = (schema: unknown, plugin: string, flag: string): boolean => {
  const options = (schema as { pluginOptions?: Record<string, Record<string, unknown> | undefined> } | null | undefined)?.pluginOptions;
  return options?.[plugin]?.[flag] === true;
};

/** Whether a content type is localized: i18n's opt-in, `pluginOptions.i18n.localized: true`. */
export const isLocalizedType = (schema: unknown): boolean => pluginOption(schema, 'i18n', 'localized');

/**
 * Whether a content type takes part in the cluster: site-group's opt-in, `pluginOptions['site-group'].enabled: true`
 * (as i18n's `localized`). Such a type has an owner site and can be placed into columns.
 */
export const isClusterType = (schema: unknown): boolean => pluginOption(schema, 'site-group', 'enabled');
