import { excerptPair } from '@jiyue/kernel';
import type { SafePattern } from './safe-pattern';
import { textSegments } from './markup-free-segments';

/** How a field's value is searched: plain text, markdown/HTML with protected markup, or Strapi blocks JSON. */
export type FieldKind = 'plain' | 'richtext' | 'blocks';

export interface TextMatch {
  /** Where the text lives: the attribute name, then for blocks the path to the text node. */
  path: (string | number)[];
  start: number;
  end: number;
  found: string;
  replacement: string;
  before: string;
  after: string;
}

export class TooManyMatchesError extends Error {}

export interface MatchBudget {
  /** Matches left before the whole preview is refused. */
  left: number;
}

/** Matches of `pattern` in one string, only inside its text segments. */
const matchString = (value: string, richtext: boolean, pattern: SafePattern, path: (string | number)[], budget: MatchBudget, radius: number): TextMatch[] => {
  const out: TextMatch[] = [];
  for (const [from, to] of textSegments(value, richtext)) {
    const segment = from === 0 && to === value.length ? value : value.slice(from, to);
    pattern.find(segment, (start, end, replacement) => {
      if (--budget.left < 0) throw new TooManyMatchesError();
      const s = from + start;
      const e = from + end;
      out.push({ path, start: s, end: e, found: value.slice(s, e), replacement, ...excerptPair(value, s, e, replacement, radius) });
    });
  }
  return out;
};

/** The text nodes of a Strapi blocks value ({ type: 'text', text }), with their paths, depth first. */
export const blocksTextNodes = (blocks: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] => {
  const out: { path: (string | number)[]; text: string }[] = [];
  const walk = (value: unknown, at: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((child: unknown, i) => walk(child, [...at, i]));
    else if (value && typeof value === 'object') {
      const node = value as { type?: unknown; text?: unknown; children?: unknown };
      if (node.type === 'text' && typeof node.text === 'string') out.push({ path: [...at, 'text'], text: node.text });
      if (Array.isArray(node.children)) walk(node.children, [...at, 'children']);
    }
  };
  walk(blocks, path);
  return out;
};

/** Every match in one field's value. */
export const fieldMatches = (field: string, kind: FieldKind, value: unknown, pattern: SafePattern, budget: MatchBudget, radius: number): TextMatch[] => {
  if (kind === 'blocks') {
    if (!Array.isArray(value)) return [];
    return blocksTextNodes(value, [field]).flatMap((node) => matchString(node.text, false, pattern, node.path, budget, radius));
  }
  if (typeof value !== 'string' || !value) return [];
  return matchString(value, kind === 'richtext', pattern, [field], budget, radius);
};

/** `value` with the given matches (sorted, disjoint, all of one string) replaced. */
export const spliceMatches = (value: string, matches: { start: number; end: number; replacement: string }[]): string => {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += value.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + value.slice(at);
};

/** The field's new value with every match replaced (blocks: a copy with the text nodes changed). */
export const replacedValue = (kind: FieldKind, value: unknown, matches: TextMatch[]): unknown => {
  if (kind !== 'blocks') return spliceMatches(value as string, matches);
  const copy: unknown = structuredClone(value);
  const byNode = new Map<string, TextMatch[]>();
  for (const m of matches) {
    const key = JSON.stringify(m.path);
    byNode.set(key, [...(byNode.get(key) ?? []), m]);
  }
  for (const nodeMatches of byNode.values()) {
    const path = nodeMatches[0].path.slice(1, -1);
    const node = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | null | undefined)?.[key], copy) as { text?: unknown } | null | undefined;
    if (node && typeof node.text === 'string') node.text = spliceMatches(node.text, nodeMatches);
  }
  return copy;
};
