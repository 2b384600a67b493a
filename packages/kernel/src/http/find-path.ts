/** What `findPath` looks for: a key, or a string value, that `key` / `string` flags. */
export interface PathTest {
  key?: (key: string) => boolean;
  string?: (text: string) => boolean;
}

/**
 * The path of the first key or string value of a parsed JSON value (or query object) that `test`
 * flags, or null: own keys only (a literal `"__proto__"` key that JSON.parse creates is one), a key
 * checked before its value, nesting deeper than 64 levels not searched. One walk for the request
 * guards (`findNulByte`, `findReservedKey`).
 */
export const findPath = (value: unknown, test: PathTest, path: (string | number)[] = [], depth = 0): (string | number)[] | null => {
  if (typeof value === 'string') return test.string?.(value) ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findPath(value[i], test, [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (test.key?.(key)) return [...path, key];
    const found = findPath((value as Record<string, unknown>)[key], test, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
};
