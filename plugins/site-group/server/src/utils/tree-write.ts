import { relationTarget } from './relation-target';
import { fieldProblem, type FieldError } from '@jiyue/kernel';

/** A site as the cycle check sees it. `id` -1 stands for a site being created. */
export interface TreeNode {
  id: number;
  documentId: string;
  parentId: number | null;
}

export const NEW_SITE = -1;

type Ref = { id?: number; documentId?: string };

const toRef = (value: unknown): Ref | null => {
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'string') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (value && typeof value === 'object') {
    const ref = value as { id?: unknown; documentId?: unknown };
    if (typeof ref.documentId === 'string' && ref.documentId) return { documentId: ref.documentId };
    if (ref.id !== undefined && ref.id !== null && /^\d+$/.test(String(ref.id))) return { id: Number(ref.id) };
  }
  return null;
};

const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** What a write does to a to-many relation: replace it (`set`) or add and remove some (`connect`/`disconnect`). */
const childrenChange = (value: unknown): { set?: unknown[]; connect: unknown[]; disconnect: unknown[] } | null => {
  if (value === undefined) return null;
  if (value === null) return { set: [], connect: [], disconnect: [] };
  if (Array.isArray(value) || typeof value !== 'object' || 'id' in (value as object) || 'documentId' in (value as object)) {
    return { set: asList(value), connect: [], disconnect: [] };
  }
  const ops = value as { set?: unknown; connect?: unknown; disconnect?: unknown };
  return {
    set: 'set' in ops ? asList(ops.set) : undefined,
    connect: asList(ops.connect),
    disconnect: asList(ops.disconnect),
  };
};

/** The first site found twice on its own way up, if the tree has a cycle through one of `from`. */
const findCycle = (parents: Map<number, number | null>, from: Iterable<number>): number | null => {
  for (const start of from) {
    const seen = new Set<number>();
    let at: number | null | undefined = start;
    while (at !== null && at !== undefined) {
      if (seen.has(at)) return at;
      seen.add(at);
      at = parents.get(at);
    }
  }
  return null;
};

/**
 * Applies a site write (`parent` and `children` in every form Strapi accepts: an id, a documentId,
 * `{ id }`, `{ documentId }`, an array, `{ connect, disconnect, set }` with positional arguments) to
 * the current tree in memory and returns the problems: a site under itself or under one of its own
 * descendants, named by the field that caused it, or a relation to a site that does not exist.
 */
export const checkTreeWrite = (nodes: TreeNode[], selfIds: number[], data: Record<string, unknown>): FieldError[] => {
  const parentChange = relationTarget(data.parent);
  const children = childrenChange(data.children);
  if (parentChange.change === 'none' && !children) return [];

  const parents = new Map<number, number | null>(nodes.map((n) => [n.id, n.parentId]));
  const byDocumentId = new Map(nodes.map((n) => [n.documentId, n.id]));
  const resolve = (ref: Ref | null): number | undefined => {
    if (!ref) return undefined;
    if (ref.documentId) return byDocumentId.get(ref.documentId);
    return ref.id !== undefined && parents.has(ref.id) ? ref.id : undefined;
  };
  for (const self of selfIds) if (!parents.has(self)) parents.set(self, null);

  if (parentChange.change !== 'none') {
    let parentId: number | null = null;
    if (parentChange.change === 'set') {
      const resolved = resolve(parentChange);
      if (resolved === undefined) return [fieldProblem(['parent'], 'parent site not found', data.parent)];
      parentId = resolved;
    }
    for (const self of selfIds) parents.set(self, parentId);
    if (findCycle(parents, selfIds) !== null) {
      return [fieldProblem(['parent'], 'a site cannot be placed under itself or one of its own descendants', data.parent)];
    }
  }

  if (children) {
    // A to-many write names one owner: with several matched rows (a bulk update) each gets the same children.
    const owner = selfIds[0];
    const ids = (list: unknown[]) => list.map((v) => ({ value: v, id: resolve(toRef(v)) }));
    const unknown = [...ids(children.set ?? []), ...ids(children.connect)].find((c) => c.id === undefined);
    if (unknown) return [fieldProblem(['children'], 'child site not found', unknown.value)];
    const changed = new Set<number>();
    if (children.set) {
      for (const [id, parentId] of parents) if (parentId === owner) parents.set(id, null);
      for (const c of ids(children.set)) changed.add(c.id!);
    }
    for (const c of ids(children.disconnect)) if (c.id !== undefined && parents.get(c.id) === owner) parents.set(c.id, null);
    for (const c of ids(children.connect)) changed.add(c.id!);
    for (const id of changed) parents.set(id, owner);
    if (findCycle(parents, [...changed, owner]) !== null) {
      return [fieldProblem(['children'], 'a site cannot be placed under itself or one of its own descendants', data.children)];
    }
  }
  return [];
};
