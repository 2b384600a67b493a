export interface GlossaryEntry {
  zh: string;
  bo: string;
}

export interface Substitution {
  zh: string;
  bo: string;
  count: number;
}

/** Tibetan names end with a shad (།); inside a sentence the name is written without it. */
const stem = (bo: string) => bo.replace(/\u0F0B?[\u0F0D\u0F0E]$/u, '');
const SENTENCE_END = /^[。！？；\n]|^$/u;

/**
 * Replaces every occurrence of a glossary term in `text`, longest term first at each position (so
 * 甘孜藏族自治州人民政府 wins over 甘孜州 or 甘孜县 starting at the same place), in one left-to-right pass:
 * a substituted name is never matched again. At the end of a sentence the name keeps its shad.
 */
export const applyGlossary = (text: string, entries: GlossaryEntry[]): { text: string; substitutions: Substitution[] } => {
  const byFirst = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    if (!entry.zh || !entry.bo) continue;
    const first = String.fromCodePoint(entry.zh.codePointAt(0)!);
    byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.zh.length - a.zh.length);

  const counts = new Map<string, Substitution>();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const first = String.fromCodePoint(text.codePointAt(i)!);
    const match = byFirst.get(first)?.find((e) => text.startsWith(e.zh, i));
    if (!match) {
      out += first;
      i += first.length;
      continue;
    }
    const rest = text.slice(i + match.zh.length);
    const bo = match.bo.normalize('NFC');
    out += SENTENCE_END.test(rest) ? bo : stem(bo);
    const seen = counts.get(match.zh) ?? { zh: match.zh, bo, count: 0 };
    seen.count += 1;
    counts.set(match.zh, seen);
    i += match.zh.length;
  }
  return { text: out, substitutions: [...counts.values()] };
};
