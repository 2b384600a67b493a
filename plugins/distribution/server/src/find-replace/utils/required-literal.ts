/**
 * A literal that every match of an RE2 pattern must contain, found conservatively, or null. It lets
 * the database narrow a regex scan (`$contains`) before RE2 runs on the remaining rows.
 *
 * Only the top level of the pattern is read: a run of plain characters not followed by an
 * optional quantifier (`?`, `*`, `{0,…}`). Anything else (a group, a class, an escape class such as
 * \d, an anchor) ends the run. A top-level alternation, a flag group such as (?i), or anything not
 * understood gives null, which only means "scan every row".
 */
const META = new Set([...'.^$|?*+()[]{}\\']);
const LITERAL_ESCAPES = new Set([...'.^$|?*+()[]{}\\/-#&~"\'<>!@%=:;,`']);

export const requiredLiteral = (pattern: string): string | null => {
  if (/\(\?[a-zA-Z]/.test(pattern)) return null; // flags (case-insensitive, …) change what a literal means
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i];
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) return null;
      i += 1;
      if (depth === 0 && LITERAL_ESCAPES.has(next)) {
        if (optionalAfter(chars, i + 1)) {
          end();
          continue;
        }
        run += next;
      } else if (depth === 0) end();
      if (next === 'p' || next === 'P' || next === 'x') {
        // \p{Han}, \x{4E00}: skip the braces
        if (chars[i + 1] === '{') while (i < chars.length && chars[i] !== '}') i += 1;
        else if (next === 'x') i += 2;
        else i += 1;
      }
      continue;
    }
    if (c === '[') {
      if (depth === 0) end();
      // Skip the class: ']' first in a class is literal.
      i += 1;
      if (chars[i] === '^') i += 1;
      if (chars[i] === ']') i += 1;
      while (i < chars.length && chars[i] !== ']') i += chars[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      if (depth === 0) end();
      depth += 1;
      continue;
    }
    if (c === ')') {
      depth -= 1;
      if (depth < 0) return null;
      continue;
    }
    if (depth > 0) continue;
    if (c === '|') return null;
    if (c === '{') {
      end();
      while (i < chars.length && chars[i] !== '}') i += 1;
      continue;
    }
    if (META.has(c)) {
      end();
      continue;
    }
    if (optionalAfter(chars, i + 1)) {
      end();
      continue;
    }
    run += c;
  }
  end();
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 2 ? longest : null;
};

/** Whether the character before position `at` may be absent (`?`, `*`, `{0`) — then it is no part of a required run. */
const optionalAfter = (chars: string[], at: number) => chars[at] === '?' || chars[at] === '*' || (chars[at] === '{' && chars[at + 1] === '0');
