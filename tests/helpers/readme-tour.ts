import fs from 'fs';
import path from 'path';

/**
 * Reads the README's API tour (the bash block(s) under "## A short tour of the API") into steps the
 * tour test replays: each `curl …` example with the `# → …` expectation written under it, and each
 * `NAME=$(curl … | jq -r '…')` assignment. The README is the only source: change an example there
 * and the test runs the changed one.
 */

export interface Curl {
  method: string;
  /** Path and query, relative to the demo's origin. */
  path: string;
  headers: Record<string, string>;
  body: string | null;
  /** `-o /dev/null -w '%{http_code}'`: the output is the status code. */
  statusOnly: boolean;
}

export type Pipe = { kind: 'jq'; filter: string; raw: boolean } | { kind: 'head'; lines: number } | null;

export interface Step {
  /** The example as written (continuation lines joined), for messages. */
  source: string;
  line: number;
  /** Set for `NAME=$(…)`. */
  assign: string | null;
  /** The command's words before any pipe, and the pipe, with variables not yet expanded. */
  command: string;
  expectation: Expectation | null;
}

export interface Expectation {
  status: number;
  checks: string[];
}

export const TOUR_HEADING = '## A short tour of the API';
export const ORIGIN = 'http://localhost:1337';

/** The tour section's bash code, as [line number, text] with `\` continuations joined. */
const tourLines = (readme: string): { line: number; text: string }[] => {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === TOUR_HEADING);
  if (start < 0) throw new Error(`README has no "${TOUR_HEADING}" section`);
  const out: { line: number; text: string }[] = [];
  let inBlock = false;
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i];
    if (!inBlock && /^## /.test(text)) break;
    if (/^```/.test(text)) {
      inBlock = !inBlock && /^```(bash|sh|shell)\s*$/.test(text);
      continue;
    }
    if (!inBlock) continue;
    const last = out[out.length - 1];
    if (last && /\\\s*$/.test(last.text)) last.text = `${last.text.replace(/\\\s*$/, '')} ${text.trim()}`;
    else out.push({ line: i + 1, text });
  }
  return out;
};

export const readTour = (readmePath = path.resolve(__dirname, '../../README.md')): Step[] => {
  const steps: Step[] = [];
  for (const { line, text } of tourLines(fs.readFileSync(readmePath, 'utf8'))) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const expectation = /^#\s*→\s*(.*)$/.exec(trimmed);
    if (expectation) {
      const last = steps[steps.length - 1];
      if (!last || last.expectation) throw new Error(`README line ${line}: "# →" without an example above it`);
      const [status, ...checks] = expectation[1].split(/;\s+/).map((s) => s.trim());
      if (!/^\d{3}$/.test(status)) throw new Error(`README line ${line}: "# →" must start with an HTTP status`);
      last.expectation = { status: Number(status), checks: checks.filter(Boolean) };
      continue;
    }
    if (trimmed.startsWith('#')) continue;
    const assignment = /^([A-Z_][A-Z0-9_]*)=\$\((.*)\)$/.exec(trimmed);
    if (assignment) steps.push({ source: trimmed, line, assign: assignment[1], command: assignment[2], expectation: null });
    else if (/^curl\s/.test(trimmed)) steps.push({ source: trimmed, line, assign: null, command: trimmed, expectation: null });
    else throw new Error(`README line ${line}: the tour test does not know how to run ${JSON.stringify(trimmed)}`);
  }
  return steps;
};

/**
 * Splits a shell command into words as bash would for what the README uses: single quotes
 * (literal), double quotes (`\"`, `\\`, `\$` and `$VAR` / `${VAR}` expanded), bare words with
 * variables, and `|` between commands. An unset variable is an error, not an empty string.
 */
export const shellWords = (command: string, vars: Record<string, string>): string[][] => {
  const commands: string[][] = [[]];
  let word: string | null = null;
  let i = 0;
  const variable = () => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(command.slice(i));
    if (!m) return null;
    i += m[0].length;
    const name = m[1] ?? m[2];
    if (vars[name] === undefined) throw new Error(`$${name} is not set (an earlier example should have set it)`);
    return vars[name];
  };
  const end = () => {
    if (word !== null) commands[commands.length - 1].push(word);
    word = null;
  };
  while (i < command.length) {
    const c = command[i];
    if (/\s/.test(c)) {
      end();
      i++;
    } else if (c === '|') {
      end();
      commands.push([]);
      i++;
    } else if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw new Error('unterminated single quote');
      word = (word ?? '') + command.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      word = word ?? '';
      i++;
      while (command[i] !== '"') {
        if (i >= command.length) throw new Error('unterminated double quote');
        if (command[i] === '\\' && '"\\$`'.includes(command[i + 1])) {
          word += command[i + 1];
          i += 2;
        } else if (command[i] === '$') {
          const value = variable();
          if (value === null) word += command[i++];
          else word += value;
        } else word += command[i++];
      }
      i++;
    } else if (c === '$') {
      const value = variable();
      word = (word ?? '') + (value ?? c);
      if (value === null) i++;
    } else if (c === '\\') {
      word = (word ?? '') + (command[i + 1] ?? '');
      i += 2;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  end();
  return commands;
};

/** curl's percent-encoding for `--data-urlencode name=content`: the content is encoded, the name is not. */
const urlencode = (spec: string) => {
  const at = spec.indexOf('=');
  if (at < 0) return encodeURIComponent(spec);
  return `${spec.slice(0, at)}=${encodeURIComponent(spec.slice(at + 1))}`;
};

/**
 * The request a curl command line makes, for the options the README uses (-s -S -g -G -X -H -d
 * --data-urlencode -o -w). Like curl, a URL with raw non-ASCII characters or spaces is refused by
 * the HTTP client, and brackets without -g are an error (curl's URL globbing).
 */
export const parseCurl = (words: string[]): Curl => {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`);
  let method: string | null = null;
  let url: string | null = null;
  let get = false;
  let glob = true;
  let statusOnly = false;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const next = () => {
      if (i + 1 >= words.length) throw new Error(`${w} needs a value`);
      return words[++i];
    };
    if (/^-[sSgG]+$/.test(w)) {
      if (w.includes('g')) glob = false;
      if (w.includes('G')) get = true;
    } else if (w === '--globoff') glob = false;
    else if (w === '--get') get = true;
    else if (w === '-X' || w === '--request') method = next();
    else if (w === '-H' || w === '--header') {
      const h = next();
      const at = h.indexOf(':');
      headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw') data.push(next());
    else if (w === '--data-urlencode') data.push(urlencode(next()));
    else if (w === '-o') {
      if (next() !== '/dev/null') throw new Error('only -o /dev/null is supported');
    } else if (w === '-w') {
      if (!/^%\{http_code\}/.test(next())) throw new Error("only -w '%{http_code}' is supported");
      statusOnly = true;
    } else if (w.startsWith('-')) throw new Error(`the tour test does not support curl option ${w}`);
    else if (url === null) url = w;
    else throw new Error(`a second URL: ${w}`);
  }
  if (!url) throw new Error('curl without a URL');
  if (!url.startsWith(`${ORIGIN}/`)) throw new Error(`the tour talks to ${ORIGIN}, not ${url}`);
  if (glob && /[[\]{}]/.test(url)) throw new Error(`curl globs brackets and braces in ${url}: use curl -g`);
  let target = url.slice(ORIGIN.length);
  let body: string | null = null;
  if (data.length && get) target += (target.includes('?') ? '&' : '?') + data.join('&');
  else if (data.length) body = data.join('&');
  if (/[^\x21-\x7e]/.test(target)) throw new Error(`raw non-ASCII or spaces in ${target}: curl sends them as they are and the server answers 400 with an empty body; pass them with -G --data-urlencode`);
  if (body !== null && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { method: method ?? (body !== null ? 'POST' : 'GET'), path: target, headers, body, statusOnly };
};

/** What the output of a command goes through: `jq [-r] 'filter'` or `head -N` (or nothing). */
export const parsePipe = (words: string[] | undefined): Pipe => {
  if (!words) return null;
  if (words[0] === 'jq') {
    const raw = words.includes('-r');
    const filter = words.filter((w, i) => i > 0 && !w.startsWith('-'));
    if (filter.length !== 1) throw new Error(`jq needs exactly one filter: ${words.join(' ')}`);
    return { kind: 'jq', filter: filter[0], raw };
  }
  if (words[0] === 'head') {
    const n = /^-(?:n\s*)?(\d+)$/.exec(words.slice(1).join(' '));
    return { kind: 'head', lines: n ? Number(n[1]) : 10 };
  }
  throw new Error(`the tour test does not know the command ${words[0]}`);
};
