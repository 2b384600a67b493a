import { findPath } from './find-path';

/**
 * Keys that must never reach our code as data: they name Object.prototype members, so a body such as
 * `{"constructor": 1}` or `{"__proto__": {...}}` can shadow or pollute what code reads from plain
 * objects. Any JSON body or query holding one is refused with a 400 naming the key's path.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** The path of the first reserved key found in a parsed JSON value or query object, or null. */
export const findReservedKey = (value: unknown, path: (string | number)[] = []): (string | number)[] | null => findPath(value, { key: (key) => RESERVED_KEYS.has(key) }, path);

/**
 * The path of the first reserved key in a raw query string, as qs would nest it (`a[b][0]=1` →
 * `['a', 'b', 0]`). The parsed query is not enough: qs silently drops `__proto__` (so code never
 * sees it, but neither would a check of the parsed object) and Strapi's query cache is a plain
 * object keyed by the query string, so `?constructor` parses to `Object` itself.
 */
export const findReservedQueryKey = (querystring: string): (string | number)[] | null => {
  if (!querystring) return null;
  for (const pair of querystring.split('&')) {
    const eq = pair.indexOf('=');
    let key = eq === -1 ? pair : pair.slice(0, eq);
    try {
      key = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: qs keeps such a key as written, so check it as written.
    }
    const open = key.indexOf('[');
    const segments = open <= 0 ? [key] : [key.slice(0, open), ...[...key.slice(open).matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
    const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const at = path.findIndex((s) => typeof s === 'string' && RESERVED_KEYS.has(s));
    if (at !== -1) return path.slice(0, at + 1);
  }
  return null;
};
