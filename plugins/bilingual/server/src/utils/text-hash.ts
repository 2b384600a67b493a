import crypto from 'crypto';

/**
 * SHA-256 of text fields in a canonical form (keys sorted, missing = null). Only used when
 * review-workflow is absent: with it, its content service's `hashOf` fingerprints the same fields.
 */
export const textHash = (fields: Record<string, unknown>): string => {
  const canonical = `{${Object.keys(fields).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(fields[k] ?? null)}`).join(',')}}`;
  return crypto.createHash('sha256').update(canonical).digest('hex');
};
