/**
 * The part of jq the README's examples use, so the tour test evaluates each example's own filter
 * (a wrong path such as `.locales` for `.data.locales` yields null and fails): paths (`.a.b`,
 * `.[0]`, `.a[]`, `.a[:3]`, `.a["k"]`), pipes, `(…)`, array and object construction (`{a, b: .c}`),
 * strings with interpolation (`"\(.a)/\(.b)"`), numbers, `null`, `length`, `keys`, and `a // b`.
 * Like jq, a filter yields a stream of values. Anything else throws, so an example using more of jq
 * makes the test fail until this grows.
 */

type Node =
  | { t: 'identity' }
  | { t: 'field'; of: Node; name: string }
  | { t: 'index'; of: Node; index: Node }
  | { t: 'slice'; of: Node; from: number | null; to: number | null }
  | { t: 'each'; of: Node }
  | { t: 'pipe'; left: Node; right: Node }
  | { t: 'alt'; left: Node; right: Node }
  | { t: 'array'; body: Node | null }
  | { t: 'object'; entries: { key: string | Node; value: Node }[] }
  | { t: 'literal'; value: unknown }
  | { t: 'string'; parts: (string | Node)[] }
  | { t: 'call'; name: 'length' | 'keys' };

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.pipe();
    this.space();
    if (this.i < this.src.length) throw this.error('unexpected input');
    return node;
  }

  private error(message: string) {
    return new Error(`mini-jq: ${message} at ${this.i} in ${JSON.stringify(this.src)}`);
  }
  private space() {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }
  private peek(s: string) {
    this.space();
    return this.src.startsWith(s, this.i);
  }
  private eat(s: string) {
    if (!this.peek(s)) return false;
    this.i += s.length;
    return true;
  }
  private expect(s: string) {
    if (!this.eat(s)) throw this.error(`expected ${s}`);
  }
  private ident() {
    this.space();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return m[0];
  }
  private number() {
    this.space();
    const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.src.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return Number(m[0]);
  }

  private pipe(): Node {
    let left = this.alt();
    while (this.eat('|')) left = { t: 'pipe', left, right: this.alt() };
    return left;
  }
  private alt(): Node {
    let left = this.postfix();
    while (this.eat('//')) left = { t: 'alt', left, right: this.postfix() };
    return left;
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      this.space();
      if (this.src[this.i] === '.' && /[A-Za-z_]/.test(this.src[this.i + 1] ?? '')) {
        this.i++;
        node = { t: 'field', of: node, name: this.ident()! };
      } else if (this.src[this.i] === '[' || (this.src[this.i] === '.' && this.src[this.i + 1] === '[')) {
        if (this.src[this.i] === '.') this.i++;
        node = this.bracket(node);
      } else return node;
    }
  }

  /** After a term: `[]`, `[n]`, `["k"]`, `[a:b]`. */
  private bracket(of: Node): Node {
    this.expect('[');
    if (this.eat(']')) return { t: 'each', of };
    if (this.peek(':')) {
      this.expect(':');
      const to = this.number();
      this.expect(']');
      return { t: 'slice', of, from: null, to };
    }
    const start = this.i;
    const from = this.number();
    if (from !== null && this.eat(':')) {
      const to = this.number();
      this.expect(']');
      return { t: 'slice', of, from, to };
    }
    this.i = start;
    const index = this.pipe();
    this.expect(']');
    return { t: 'index', of, index };
  }

  private primary(): Node {
    this.space();
    const c = this.src[this.i];
    if (c === '.') {
      this.i++;
      const name = /[A-Za-z_]/.test(this.src[this.i] ?? '') ? this.ident() : null;
      if (name) return { t: 'field', of: { t: 'identity' }, name };
      if (this.src[this.i] === '[') return this.bracket({ t: 'identity' });
      return { t: 'identity' };
    }
    if (c === '(') {
      this.i++;
      const inner = this.pipe();
      this.expect(')');
      return inner;
    }
    if (c === '[') {
      this.i++;
      if (this.eat(']')) return { t: 'array', body: null };
      const body = this.pipe();
      this.expect(']');
      return { t: 'array', body };
    }
    if (c === '{') {
      this.i++;
      const entries: { key: string | Node; value: Node }[] = [];
      while (!this.eat('}')) {
        if (entries.length) this.expect(',');
        const key = this.peek('"') ? this.string() : this.ident();
        if (key === null) throw this.error('expected an object key');
        if (this.eat(':')) entries.push({ key: typeof key === 'string' ? key : key, value: this.alt() });
        else if (typeof key === 'string') entries.push({ key, value: { t: 'field', of: { t: 'identity' }, name: key } });
        else throw this.error('a string key needs a value');
      }
      return { t: 'object', entries };
    }
    if (c === '"') return this.string();
    const n = this.number();
    if (n !== null) return { t: 'literal', value: n };
    const word = this.ident();
    if (word === 'null') return { t: 'literal', value: null };
    if (word === 'length' || word === 'keys') return { t: 'call', name: word };
    throw this.error(`unsupported ${word ? `function ${word}` : 'syntax'}`);
  }

  /** A JSON-style string with `\(…)` interpolation. */
  private string(): Node {
    this.expect('"');
    const parts: (string | Node)[] = [];
    let text = '';
    while (this.src[this.i] !== '"') {
      if (this.i >= this.src.length) throw this.error('unterminated string');
      const ch = this.src[this.i++];
      if (ch !== '\\') {
        text += ch;
        continue;
      }
      const next = this.src[this.i++];
      if (next === '(') {
        if (text) parts.push(text);
        text = '';
        parts.push(this.pipe());
        this.expect(')');
      } else text += JSON.parse(`"\\${next}"`);
    }
    this.i++;
    if (text || !parts.length) parts.push(text);
    return { t: 'string', parts };
  }
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const evaluate = (node: Node, input: unknown): unknown[] => {
  switch (node.t) {
    case 'identity':
      return [input];
    case 'literal':
      return [node.value];
    case 'field':
      return evaluate(node.of, input).map((v) => {
        if (v === null || v === undefined) return null;
        if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`mini-jq: cannot index ${typeName(v)} with "${node.name}"`);
        return (v as Record<string, unknown>)[node.name] ?? null;
      });
    case 'index':
      return evaluate(node.of, input).flatMap((v) =>
        evaluate(node.index, input).map((k) => {
          if (v === null || v === undefined) return null;
          if (typeof k === 'number') {
            if (!Array.isArray(v)) throw new Error(`mini-jq: cannot index ${typeName(v)} with a number`);
            return v[k < 0 ? v.length + k : k] ?? null;
          }
          return (v as Record<string, unknown>)[String(k)] ?? null;
        })
      );
    case 'slice':
      return evaluate(node.of, input).map((v) => {
        if (v === null) return null;
        if (!Array.isArray(v) && typeof v !== 'string') throw new Error(`mini-jq: cannot slice ${typeName(v)}`);
        return v.slice(node.from ?? 0, node.to ?? undefined);
      });
    case 'each':
      return evaluate(node.of, input).flatMap((v) => {
        if (Array.isArray(v)) return v;
        if (v && typeof v === 'object') return Object.values(v);
        throw new Error(`mini-jq: cannot iterate over ${typeName(v)}`);
      });
    case 'pipe':
      return evaluate(node.left, input).flatMap((v) => evaluate(node.right, v));
    case 'alt': {
      const left = evaluate(node.left, input).filter((v) => v !== null && v !== false);
      return left.length ? left : evaluate(node.right, input);
    }
    case 'array':
      return [node.body ? evaluate(node.body, input) : []];
    case 'object': {
      let results: Record<string, unknown>[] = [{}];
      for (const { key, value } of node.entries) {
        const keys = typeof key === 'string' ? [key] : evaluate(key, input).map(String);
        const values = evaluate(value, input);
        results = results.flatMap((r) => keys.flatMap((k) => values.map((v) => ({ ...r, [k]: v }))));
      }
      return results;
    }
    case 'string': {
      let results = [''];
      for (const part of node.parts) {
        const values = typeof part === 'string' ? [part] : evaluate(part, input).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
        results = results.flatMap((r) => values.map((v) => r + v));
      }
      return results;
    }
    case 'call':
      if (node.name === 'length') {
        if (input === null) return [0];
        if (Array.isArray(input) || typeof input === 'string') return [input.length];
        if (typeof input === 'object') return [Object.keys(input as object).length];
        if (typeof input === 'number') return [Math.abs(input)];
        throw new Error(`mini-jq: ${typeName(input)} has no length`);
      }
      if (!input || typeof input !== 'object') throw new Error(`mini-jq: ${typeName(input)} has no keys`);
      return [Array.isArray(input) ? input.map((_, i) => i) : Object.keys(input).sort()];
  }
};

/** Runs a jq filter over one JSON input; returns the stream of outputs. */
export const jq = (filter: string, input: unknown): unknown[] => evaluate(new Parser(filter).parse(), input);
