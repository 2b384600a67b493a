/** What a write does to a to-one relation, whatever shape the caller used. */
export type RelationTarget =
  | { change: 'none' }
  | { change: 'clear' }
  | { change: 'set'; id?: number; documentId?: string };

const toRef = (value: unknown): RelationTarget => {
  if (value === null) return { change: 'clear' };
  if (typeof value === 'number') return { change: 'set', id: value };
  if (typeof value === 'string') {
    return /^\d+$/.test(value) ? { change: 'set', id: Number(value) } : { change: 'set', documentId: value };
  }
  if (typeof value === 'object') {
    const ref = value as { id?: number | string; documentId?: string };
    if (ref.documentId) return { change: 'set', documentId: ref.documentId };
    if (ref.id !== undefined) return { change: 'set', id: Number(ref.id) };
  }
  return { change: 'none' };
};

/**
 * Reads a to-one relation value as Strapi 5 accepts it: a documentId, an id, `{ documentId }`,
 * an array, or `{ connect, disconnect, set }` as the Content Manager sends it.
 */
export const relationTarget = (value: unknown): RelationTarget => {
  if (value === undefined) return { change: 'none' };
  if (Array.isArray(value)) return value.length ? toRef(value[value.length - 1]) : { change: 'clear' };
  if (value && typeof value === 'object') {
    const ops = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] };
    if ('set' in ops) return relationTarget(ops.set ?? []);
    if (Array.isArray(ops.connect) && ops.connect.length) return toRef(ops.connect[ops.connect.length - 1]);
    if (Array.isArray(ops.disconnect) && ops.disconnect.length) return { change: 'clear' };
    if ('connect' in ops || 'disconnect' in ops) return { change: 'none' };
  }
  return toRef(value);
};
