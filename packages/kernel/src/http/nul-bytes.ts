/**
 * A NUL character (U+0000) in any string of a JSON body or query: PostgreSQL cannot store it in text
 * columns (`invalid byte sequence for encoding "UTF8": 0x00`), so a write holding one failed with a
 * 500 after validation had passed. No field of the suite takes one; the request is refused with a
 * 400 naming the field before any route runs. Keys are checked too.
 */
export const findNulByte = (value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNulByte(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNulByte((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
};
