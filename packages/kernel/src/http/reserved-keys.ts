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
export const findReservedKey = (value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null => {
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findReservedKey(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  // Own keys only, including a literal "__proto__" key that JSON.parse creates as an own property.
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return [...path, key];
    const found = findReservedKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
};
