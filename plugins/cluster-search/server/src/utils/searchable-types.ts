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
  Object.entries(strapi.contentTypes).flatMap(([uid, ct]) => {
    const options = (ct.pluginOptions as { 'cluster-search'?: { enabled?: boolean; fields?: string[] } } | undefined)?.['cluster-search'];
    if (options?.enabled !== true) return [];
    return [{
      uid,
      type: ct.info?.singularName ?? uid.split('.').pop()!,
      fields: (options.fields ?? []).filter((f) => f in ct.attributes),
      attributes: ct.attributes,
    }];
  });

export const typeOf = (strapi: Core.Strapi, name: string) => searchableTypes(strapi).find((t) => t.type === name || t.uid === name);
