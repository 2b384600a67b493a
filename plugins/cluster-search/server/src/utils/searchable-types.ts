import type { Core } from '@strapi/strapi';

export interface SearchableType {
  uid: string;
  /** Short name: `api::service-guide.service-guide` → `service-guide`. */
  type: string;
  fields: string[];
  attributes: Record<string, { type: string }>;
}

/** Content types that opt in with `"pluginOptions": { "cluster-search": { "enabled": true, "fields": [...] } }`. */
export const searchableTypes = (strapi: Core.Strapi): SearchableType[] =>
  Object.entries(strapi.contentTypes as Record<string, any>)
    .filter(([, ct]) => ct.pluginOptions?.['cluster-search']?.enabled === true)
    .map(([uid, ct]) => ({
      uid,
      type: ct.info?.singularName ?? uid.split('.').pop()!,
      fields: (ct.pluginOptions['cluster-search'].fields ?? []).filter((f: string) => f in ct.attributes),
      attributes: ct.attributes,
    }));

export const typeOf = (strapi: Core.Strapi, name: string) => searchableTypes(strapi).find((t) => t.type === name || t.uid === name);
