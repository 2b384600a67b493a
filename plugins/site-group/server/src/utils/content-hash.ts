import { stableHash } from '@jiyue/kernel';

const SKIP = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'ownerSite']);

/** SHA-256 of an item's own content (not its bookkeeping fields), e.g. to tell that an origin changed since it was copied. */
export const contentHash = (row: Record<string, unknown>, attributes: Record<string, { type: string }>): string => {
  const content: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (SKIP.has(name) || attr.type === 'relation' || attr.type === 'media') continue;
    if (name in row) content[name] = row[name];
  }
  return stableHash(content);
};
