/**
 * Aho–Corasick multi-pattern matching: built once from the dictionary, then every text is scanned
 * in one pass, O(text length + matches) whatever the number of terms. (A regex alternation of
 * 20,000 terms or a per-term indexOf loop grows with the dictionary; see the precheck bench.)
 *
 * The automaton works on UTF-16 code units, so offsets are plain JavaScript string indices.
 * That is exact for astral characters too (𠮷 is two units): a well-formed pattern can only match
 * where its surrogate pair stands, because a low surrogate never starts a character. Callers keep
 * lone surrogates out of the patterns (words.ts does).
 *
 * Layout, for speed on a CJK alphabet of thousands of characters: characters that occur in no
 * pattern map to class 0 (a reset to the root, no search); the root's transitions are a dense
 * array; every other state keeps its few transitions sorted in flat typed arrays (CSR).
 */

export interface AhoCorasickMatch {
  /** Index of the pattern in the array the automaton was built from. */
  pattern: number;
  /** UTF-16 offsets in the scanned text, end exclusive. */
  start: number;
  end: number;
}

export interface BuildOptions {
  /** Fold Latin letters (ASCII, Latin-1, full-width Ａ-Ｚ) to lower case on both sides. Default true. */
  caseInsensitive?: boolean;
}

export interface FindOptions {
  /** Of the matches starting at the same offset keep only the longest (e.g. a long official name over a short term it begins with). */
  longestAtStart?: boolean;
}

export interface AhoCorasick {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Distinct code units (after case folding) in all patterns. */
  readonly alphabetSize: number;
  /** Calls `onMatch` for every occurrence of every pattern, in order of their end offset. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void;
  /** All occurrences, sorted by start, longer first, then pattern index. */
  find(text: string, options?: FindOptions): AhoCorasickMatch[];
}

/** Lower-case partner of a Latin capital (one UTF-16 unit to one), or the unit itself. */
const foldLatin = (code: number): number => {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20; // A-Z
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 0x20; // À-Þ without ×
  if (code >= 0xff21 && code <= 0xff3a) return code + 0x20; // Ａ-Ｚ
  return code;
};

/** Inverse of foldLatin for the units that have a capital. */
const capitalOf = (code: number): number | undefined => {
  if (code >= 0x61 && code <= 0x7a) return code - 0x20;
  if (code >= 0xe0 && code <= 0xfe && code !== 0xf7) return code - 0x20;
  if (code >= 0xff41 && code <= 0xff5a) return code - 0x20;
  return undefined;
};

export const buildAhoCorasick = (patterns: readonly string[], options: BuildOptions = {}): AhoCorasick => {
  const fold = options.caseInsensitive === false ? (code: number) => code : foldLatin;

  // Character classes: 0 = in no pattern.
  const classOf = new Int32Array(0x10000);
  let alphabetSize = 0;
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i += 1) {
      const code = fold(pattern.charCodeAt(i));
      if (classOf[code] === 0) classOf[code] = ++alphabetSize;
    }
  }
  if (options.caseInsensitive !== false) {
    for (let code = 0; code < 0x10000; code += 1) {
      const capital = classOf[code] ? capitalOf(code) : undefined;
      if (capital !== undefined) classOf[capital] = classOf[code];
    }
  }
  const width = alphabetSize + 1;

  // The trie, with edges keyed parent * width + class while building.
  const edges = new Map<number, number>();
  const depthList: number[] = [0];
  const terminalList: number[] = [-1]; // first pattern ending in the state, or -1
  const nextSame = new Int32Array(patterns.length).fill(-1); // further patterns with the same (folded) text
  patterns.forEach((pattern, index) => {
    if (!pattern.length) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const key = state * width + classOf[fold(pattern.charCodeAt(i))];
      let child = edges.get(key);
      if (child === undefined) {
        child = depthList.length;
        depthList.push(depthList[state] + 1);
        terminalList.push(-1);
        edges.set(key, child);
      }
      state = child;
    }
    nextSame[index] = terminalList[state];
    terminalList[state] = index;
  });

  const stateCount = depthList.length;
  const depth = Int32Array.from(depthList);
  const terminal = Int32Array.from(terminalList);

  // Root transitions dense (0 = stay at the root), the others in CSR form sorted by class.
  const rootNext = new Int32Array(width);
  const childCount = new Int32Array(stateCount + 1);
  for (const [key, child] of edges) {
    const parent = Math.floor(key / width);
    if (parent === 0) rootNext[key % width] = child;
    else childCount[parent + 1] += 1;
  }
  const childStart = new Int32Array(stateCount + 1);
  for (let s = 1; s <= stateCount; s += 1) childStart[s] = childStart[s - 1] + childCount[s];
  const edgeClass = new Int32Array(childStart[stateCount]);
  const edgeTarget = new Int32Array(childStart[stateCount]);
  const fill = childStart.slice(0, stateCount);
  for (const [key, child] of edges) {
    const parent = Math.floor(key / width);
    if (parent === 0) continue;
    const at = fill[parent]++;
    edgeClass[at] = key % width;
    edgeTarget[at] = child;
  }
  for (let s = 1; s < stateCount; s += 1) {
    // Insertion sort: all but a few states have one or two children.
    for (let a = childStart[s] + 1; a < childStart[s + 1]; a += 1) {
      const cls = edgeClass[a];
      const target = edgeTarget[a];
      let b = a - 1;
      while (b >= childStart[s] && edgeClass[b] > cls) {
        edgeClass[b + 1] = edgeClass[b];
        edgeTarget[b + 1] = edgeTarget[b];
        b -= 1;
      }
      edgeClass[b + 1] = cls;
      edgeTarget[b + 1] = target;
    }
  }
  edges.clear();

  /** The child of `state` (≠ root) on `cls`, or -1. */
  const child = (state: number, cls: number): number => {
    let lo = childStart[state];
    let hi = childStart[state + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = edgeClass[mid];
      if (c === cls) return edgeTarget[mid];
      if (c < cls) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  // Failure links (longest proper suffix that is a trie state) and output links (nearest suffix
  // state where a pattern ends; 0 = none, the root ends no pattern), breadth first.
  const fail = new Int32Array(stateCount);
  const output = new Int32Array(stateCount);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let cls = 1; cls < width; cls += 1) if (rootNext[cls]) queue[tail++] = rootNext[cls];
  while (head < tail) {
    const state = queue[head++];
    const suffix = fail[state];
    output[state] = terminal[suffix] >= 0 ? suffix : output[suffix];
    for (let e = childStart[state]; e < childStart[state + 1]; e += 1) {
      const cls = edgeClass[e];
      let f = suffix;
      let next = -1;
      for (;;) {
        next = f === 0 ? rootNext[cls] : child(f, cls);
        if (next >= 0 || f === 0) break;
        f = fail[f];
      }
      fail[edgeTarget[e]] = Math.max(next, 0);
      queue[tail++] = edgeTarget[e];
    }
  }

  const scan = (text: string, onMatch: (pattern: number, start: number, end: number) => void) => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const cls = classOf[text.charCodeAt(i)];
      if (cls === 0) {
        state = 0;
        continue;
      }
      for (;;) {
        if (state === 0) {
          state = rootNext[cls];
          break;
        }
        const next = child(state, cls);
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state];
      }
      for (let out = terminal[state] >= 0 ? state : output[state]; out !== 0; out = output[out]) {
        for (let p = terminal[out]; p >= 0; p = nextSame[p]) onMatch(p, i + 1 - depth[out], i + 1);
      }
    }
  };

  const find = (text: string, findOptions: FindOptions = {}): AhoCorasickMatch[] => {
    const matches: AhoCorasickMatch[] = [];
    scan(text, (pattern, start, end) => matches.push({ pattern, start, end }));
    matches.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern - b.pattern);
    if (!findOptions.longestAtStart) return matches;
    // Sorted longer first, so the first match of each start sets the length to keep.
    let start = -1;
    let longestEnd = -1;
    return matches.filter((m) => {
      if (m.start !== start) {
        start = m.start;
        longestEnd = m.end;
      }
      return m.end === longestEnd;
    });
  };

  return { patternCount: patterns.length, stateCount, alphabetSize, scan, find };
};
