export interface TreeRow {
  id: number;
  parentId: number | null;
  sortOrder?: number | null;
  code?: string;
  slug?: string;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

const byOrder = (a: TreeRow, b: TreeRow) =>
  (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || String(a.code ?? a.slug ?? '').localeCompare(String(b.code ?? b.slug ?? ''));

/**
 * Nests flat rows by `parentId`, siblings ordered by sortOrder then code. A row whose parent is
 * not among the rows becomes a root, so a filtered list still renders as a forest.
 */
export const buildTree = <T extends TreeRow>(rows: T[], toNode: (row: T) => object = (row) => row): TreeNode<object>[] => {
  const sorted = [...rows].sort(byOrder);
  const nodes = new Map<number, TreeNode<object>>();
  for (const row of sorted) nodes.set(row.id, { ...toNode(row), children: [] });
  const roots: TreeNode<object>[] = [];
  for (const row of sorted) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId !== null ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
};
