import crypto from 'crypto';

/**
 * One key per (target, document, locale, operation, version): the same version delivered twice to
 * the same target carries the same key, so receivers (and our own outbox) drop the duplicate.
 */
export const idempotencyKey = (...parts: (string | number | null | undefined)[]): string =>
  crypto.createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('hex').slice(0, 48);

export const versionOf = (value: unknown): string =>
  crypto.createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex').slice(0, 24);
