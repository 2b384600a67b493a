import type { Schema } from '@strapi/strapi';
import { isLocalizedType } from '@jiyue/kernel';
import type { FieldKind } from './field-matches';

export interface ReplaceableField {
  name: string;
  kind: FieldKind;
  maxLength?: number;
}

// The owner column is bookkeeping that site-group manages, never prose.
const NEVER = new Set(['ownerSite', 'locale', 'documentId']);

/**
 * The attributes a replacement reads and writes: text (string, text), richtext and blocks. Left out
 * on purpose: unique fields (an index number or item code is an identity, and a replacement could
 * collide two of them), and fields not localized in a localized type (document numbers, theme
 * categories, URLs: identifiers shared by every locale, which a write through one locale would
 * change in all). Components are not searched.
 */
export const replaceableFields = (contentType: Schema.ContentType | undefined): ReplaceableField[] => {
  const localizedType = isLocalizedType(contentType);
  const fields: ReplaceableField[] = [];
  for (const [name, attr] of Object.entries(contentType?.attributes ?? {})) {
    if (NEVER.has(name)) continue;
    if (attr.type !== 'string' && attr.type !== 'text' && attr.type !== 'richtext' && attr.type !== 'blocks') continue;
    if (('unique' in attr && attr.unique) || attr.private) continue;
    if (localizedType && (attr.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === false) continue;
    const kind: FieldKind = attr.type === 'richtext' ? 'richtext' : attr.type === 'blocks' ? 'blocks' : 'plain';
    fields.push({ name, kind, ...('maxLength' in attr && typeof attr.maxLength === 'number' ? { maxLength: attr.maxLength } : {}) });
  }
  return fields;
};
