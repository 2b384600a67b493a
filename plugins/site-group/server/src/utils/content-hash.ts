import crypto from 'crypto';

const SKIP = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'ownerSite']);

/** Stable JSON: object keys sorted, so the same content always hashes the same. */
const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

/** SHA-256 of an item's own content (not its bookkeeping fields), e.g. to tell that an origin changed since it was copied. */
export const contentHash = (row: Record<string, unknown>, attributes: Record<string, { type: string }>): string => {
  const content: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (SKIP.has(name) || attr.type === 'relation' || attr.type === 'media') continue;
    if (name in row) content[name] = row[name];
  }
  return crypto.createHash('sha256').update(stable(content)).digest('hex');
};
