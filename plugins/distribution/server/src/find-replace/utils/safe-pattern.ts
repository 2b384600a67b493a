import { RE2JS } from 're2js';
import { requiredLiteral } from './required-literal';
import { thrown } from '../../utils/thrown';

/**
 * What an editor's find-and-replace pattern compiles to: either a plain substring or an RE2
 * program. RE2 runs in time linear in the input whatever the pattern, so no pattern can hang the
 * server (the JS engine took 22.7 s on /(a+)+$/ against 29 characters). Patterns RE2 cannot
 * express (backreferences, lookahead, lookbehind) are refused, not emulated.
 */
export interface SafePattern {
  regex: boolean;
  /** Match ranges [start, end) of `text` in UTF-16 units, left to right, never empty, never overlapping. */
  find(text: string, onMatch: (start: number, end: number, replacement: string) => boolean | void): void;
}

export class UnsafePatternError extends Error {
  constructor(
    message: string,
    public readonly field: 'find' | 'replace'
  ) {
    super(message);
  }
}

/** Literal replacements in regex mode: `$1` … `$9`, `${name}`, and `$$` for a dollar sign. */
const TEMPLATE_TOKEN = /\$(?:(\d)|\{([A-Za-z_][A-Za-z0-9_]*)\}|(\$))/g;

interface TemplatePart {
  text?: string;
  group?: number | string;
}

const parseTemplate = (replace: string, groupCount: number, names: Set<string>): TemplatePart[] => {
  const parts: TemplatePart[] = [];
  let at = 0;
  TEMPLATE_TOKEN.lastIndex = 0;
  for (let m = TEMPLATE_TOKEN.exec(replace); m; m = TEMPLATE_TOKEN.exec(replace)) {
    if (m.index > at) parts.push({ text: replace.slice(at, m.index) });
    if (m[3]) parts.push({ text: '$' });
    else if (m[1] !== undefined) {
      const group = Number(m[1]);
      if (group > groupCount) throw new UnsafePatternError(`the replacement refers to group $${group} but the pattern has ${groupCount} group(s)`, 'replace');
      parts.push({ group });
    } else {
      if (!names.has(m[2])) throw new UnsafePatternError(`the replacement refers to group \${${m[2]}} which the pattern does not name`, 'replace');
      parts.push({ group: m[2] });
    }
    at = m.index + m[0].length;
  }
  if (at < replace.length) parts.push({ text: replace.slice(at) });
  return parts;
};

/**
 * Compiles `find` for a replacement. Throws UnsafePatternError with a message an editor can act on
 * when the pattern is too long, does not compile under RE2, or matches the empty string (a
 * replacement of nothing everywhere).
 */
export const compileSafePattern = (find: string, replace: string, { regex, maxLength }: { regex: boolean; maxLength: number }): SafePattern => {
  if (!find) throw new UnsafePatternError('find must not be empty', 'find');
  if (find.length > maxLength) throw new UnsafePatternError(`find is longer than ${maxLength} characters`, 'find');

  if (!regex) {
    return {
      regex: false,
      find(text, onMatch) {
        for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length)) {
          if (onMatch(at, at + find.length, replace) === false) return;
        }
      },
    };
  }

  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(find);
  } catch (error) {
    const detail = String(thrown(error).message ?? error).replace(/^error parsing regexp: /, '');
    const hint = /\\[1-9]|\(\?[=!]|\(\?<[=!]/.test(find)
      ? ' Backreferences (\\1) and lookaround ((?=…), (?!…), (?<=…), (?<!…)) are not supported: the linear-time engine (RE2) cannot run them.'
      : '';
    throw new UnsafePatternError(`find is not a valid RE2 regular expression: ${detail}.${hint}`, 'find');
  }
  if (compiled.matches('') || compiled.matcher('').find()) {
    throw new UnsafePatternError('find matches the empty string: it would insert the replacement everywhere', 'find');
  }
  const names = new Set(Object.keys(compiled.namedGroups()));
  const template = parseTemplate(replace, compiled.groupCount(), names);
  const literalReplacement = template.every((p) => p.text !== undefined) ? template.map((p) => p.text).join('') : null;
  // Text without the literal every match contains cannot match: skip RE2 for it (most fields of most rows).
  const mustContain = requiredLiteral(find);

  return {
    regex: true,
    find(text, onMatch) {
      if (mustContain && !text.includes(mustContain)) return;
      const matcher = compiled.matcher(text);
      let from = 0;
      while (from <= text.length && matcher.find(from)) {
        const start = matcher.start();
        const end = matcher.end();
        if (end === start) {
          // Cannot happen for a pattern that refuses the empty string, but never loop on one.
          from = end + 1;
          continue;
        }
        const replacement = literalReplacement ?? template.map((p) => (p.text !== undefined ? p.text : (matcher.group(p.group!) ?? ''))).join('');
        if (onMatch(start, end, replacement) === false) return;
        from = end;
      }
    },
  };
};
