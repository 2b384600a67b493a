import type { Schema, UID } from '@strapi/strapi';

/**
 * What this plugin reads of a content-type attribute. Strapi types attributes as a union of every
 * kind; these are the keys some kinds carry, each optional, so one check reads any of them.
 */
export interface AttributeFacts {
  type: string;
  multiple?: boolean;
  unique?: boolean;
  private?: boolean;
  maxLength?: number;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/** The content type of a uid known only at run time (a path, a row, a setting), or undefined. */
export const modelOf = (uid: string): Schema.ContentType | undefined => strapi.contentTypes[uid as UID.ContentType];

/** The attributes of a content type (none for an unknown one). */
export const attributesOf = (model: Schema.ContentType | undefined): Record<string, AttributeFacts> =>
  (model?.attributes ?? {}) as Record<string, AttributeFacts>;

/** Whether a content type takes part in the cluster (site-group's opt-in, as i18n's `localized`). */
export const isClusterType = (model: Schema.ContentType | undefined): boolean =>
  (model?.pluginOptions?.['site-group'] as { enabled?: unknown } | undefined)?.enabled === true;

/** Whether a content type is localized (i18n's opt-in). */
export const isLocalizedType = (model: Schema.ContentType | undefined): boolean =>
  (model?.pluginOptions?.i18n as { localized?: unknown } | undefined)?.localized === true;
