import crypto from 'crypto';

/** Milliseconds of a stored timestamp, whatever the driver returns (Date, ISO string, epoch number or numeric string). */
export const timestampMs = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const s = String(value);
  const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * SHA-256 of the replaceable fields of a row, in field order. With the row's updatedAt it tells
 * whether an item changed between the preview and the apply, or between the apply and a rollback.
 */
export const textFingerprint = (row: Record<string, unknown>, fields: string[]): string => {
  const hash = crypto.createHash('sha256');
  for (const field of fields) {
    const value = row[field];
    hash.update(field).update('\u0000').update(value === null || value === undefined ? '\u0001' : typeof value === 'string' ? value : JSON.stringify(value)).update('\u0000');
  }
  return hash.digest('hex');
};
