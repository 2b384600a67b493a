export interface HierarchyRow {
  id: number;
  code: string;
  level?: string;
  parentId: number | null;
}

export interface Hierarchy {
  byId: Map<number, HierarchyRow>;
  byCode: Map<string, HierarchyRow>;
  /** The site and every site below it. */
  subtree(id: number): number[];
  /** Ancestors of a site, nearest first. */
  ancestors(id: number): number[];
}

/** An in-memory index of the site tree for scope and subtree questions (one query, no recursion in SQL). */
export const buildHierarchy = (rows: HierarchyRow[]): Hierarchy => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id]);
  }
  return {
    byId,
    byCode,
    subtree(id) {
      const out: number[] = [];
      const stack = [id];
      const seen = new Set<number>();
      while (stack.length) {
        const next = stack.pop()!;
        if (seen.has(next) || !byId.has(next)) continue;
        seen.add(next);
        out.push(next);
        stack.push(...(children.get(next) ?? []));
      }
      return out;
    },
    ancestors(id) {
      const out: number[] = [];
      const seen = new Set<number>([id]);
      let parent = byId.get(id)?.parentId ?? null;
      while (parent !== null && !seen.has(parent)) {
        out.push(parent);
        seen.add(parent);
        parent = byId.get(parent)?.parentId ?? null;
      }
      return out;
    },
  };
};
