import { createHash } from 'crypto';
import { configure } from 'safe-stable-stringify';

/**
 * Stable JSON (safe-stable-stringify): object keys sorted at every depth, so the same content always
 * gives the same string and the same hash whatever order its keys were written in. Undefined values
 * count as null (a field that is missing and one that is empty hash alike); circular references and
 * BigInt throw instead of hashing something that is not the content.
 */
const stringify = configure({ deterministic: true, circularValue: Error, bigint: false, strict: false });

export const stableJson = (value: unknown): string => stringify(value, (_key, v: unknown) => (v === undefined ? null : v)) ?? 'null';

/** SHA-256 (hex) of the stable JSON of `value`: content fingerprints (review hashes, copy origins, translation sources). */
export const stableHash = (value: unknown): string => createHash('sha256').update(stableJson(value)).digest('hex');
