import { stableHash } from '@jiyue/kernel';

const SYSTEM_FIELDS = new Set([
  'id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'ownerSite',
]);

type Attribute = { type: string; relation?: string; component?: string; repeatable?: boolean };

/** Relations and media count by identity (documentId / id), sorted: order changes alone do not re-open review. */
const identity = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as { documentId?: unknown; id?: unknown }).documentId ?? (v as { id?: unknown }).id ?? null : v)).sort();
};

/**
 * The reviewed content of one locale of a document: its own fields, components (without their row
 * ids) and the identities of its relations and media, as Strapi returns them with `populate`.
 * Bookkeeping fields (timestamps, editors, owner) are left out.
 */
export const reviewedContent = (
  entry: Record<string, unknown>,
  attributes: Record<string, Attribute>,
  componentAttributes: (uid: string) => Record<string, Attribute>
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (SYSTEM_FIELDS.has(name) || !(name in entry)) continue;
    const value = entry[name];
    if (attr.type === 'relation' || attr.type === 'media') out[name] = identity(value);
    else if (attr.type === 'component') {
      const strip = (c: unknown) => (c ? reviewedContent(c as Record<string, unknown>, componentAttributes(attr.component!), componentAttributes) : null);
      out[name] = Array.isArray(value) ? value.map(strip) : strip(value);
    } else if (attr.type === 'dynamiczone') {
      out[name] = ((value ?? []) as (Record<string, unknown> & { __component: string })[]).map((c) => ({ __component: c.__component, ...reviewedContent(c, componentAttributes(c.__component), componentAttributes) }));
    } else out[name] = value ?? null;
  }
  return out;
};

/** SHA-256 of the stable JSON of reviewed content (the kernel's stableHash: keys sorted, undefined as null). */
export const hashContent = (content: Record<string, unknown>) => stableHash(content);
