import { findPath } from './find-path';

const hasNul = (text: string) => text.includes('\u0000');

/**
 * A NUL character (U+0000) in any string of a JSON body or query: PostgreSQL cannot store it in text
 * columns (`invalid byte sequence for encoding "UTF8": 0x00`), so a write holding one failed with a
 * 500 after validation had passed. No field of the suite takes one; the request is refused with a
 * 400 naming the field before any route runs. Keys are checked too.
 */
export const findNulByte = (value: unknown, path: (string | number)[] = []): (string | number)[] | null => findPath(value, { key: hasNul, string: hasNul }, path);
