import type { FactDef, Registry } from './registry';

/**
 * The typed fact rows of a stored profile (`jiyue_pm_profile_facts`): one row per stored scalar fact,
 * one per tag of a tag-list. Numbers, years, booleans (0/1) and dates (days since 1970-01-01) go to
 * `v_num`; enum, region, industry and tag codes to `v_text`. A known but empty tag-list keeps one
 * row with `v_text` null, so "the list is known" (a Kleene FALSE of `eq`) is answered from the rows
 * as well as "it holds this tag". Derived and non-storable facts have no rows (they are never stored).
 */
export interface FactRow {
  fact: string;
  vNum: number | null;
  vText: string | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (the `v_num` of a date fact). */
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** Which column holds a fact of this type. */
export const factColumn = (def: Pick<FactDef, 'type'>): 'v_num' | 'v_text' =>
  def.type === 'enum' || def.type === 'region' || def.type === 'industry' || def.type === 'tag-list' ? 'v_text' : 'v_num';

/** A scalar as stored in its column (dates as day numbers, booleans 0/1). */
export const storedScalar = (def: Pick<FactDef, 'type'>, value: unknown): number | string | null => {
  if (value === null || value === undefined) return null;
  switch (def.type) {
    case 'date':
      return typeof value === 'string' ? dayNumber(value) : null;
    case 'boolean':
      return value === true ? 1 : value === false ? 0 : null;
    case 'integer':
    case 'number':
    case 'year':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    default:
      return typeof value === 'string' ? value : null;
  }
};

/** Whether a fact of the registry is kept in stored profiles (and so has rows). */
export const isStoredFact = (def: FactDef | undefined): def is FactDef => !!def && def.storable && !def.derived;

export const factRows = (registry: Registry, facts: Record<string, unknown>): FactRow[] => {
  const rows: FactRow[] = [];
  for (const [code, value] of Object.entries(facts)) {
    const def = registry.get(code);
    if (!isStoredFact(def) || value === null || value === undefined) continue;
    if (def.type === 'tag-list') {
      const tags = Array.isArray(value) ? [...new Set(value.filter((t): t is string => typeof t === 'string'))] : [];
      if (!tags.length) rows.push({ fact: code, vNum: null, vText: null });
      for (const tag of tags) rows.push({ fact: code, vNum: null, vText: tag });
      continue;
    }
    const stored = storedScalar(def, value);
    if (stored === null) continue;
    rows.push(factColumn(def) === 'v_num' ? { fact: code, vNum: stored as number, vText: null } : { fact: code, vNum: null, vText: stored as string });
  }
  return rows;
};

/** Fact codes of the registry grouped by how the backfill reads their JSON value. */
const backfillKinds = (registry: Registry) => {
  const out: { code: string; kind: 'num' | 'bool' | 'date' | 'text' | 'list' }[] = [];
  for (const def of registry.facts) {
    if (!isStoredFact(def)) continue;
    const kind = def.type === 'tag-list' ? 'list' : def.type === 'date' ? 'date' : def.type === 'boolean' ? 'bool' : factColumn(def) === 'v_num' ? 'num' : 'text';
    out.push({ code: def.code, kind });
  }
  return out;
};

export interface BackfillTarget {
  /** Quoted, schema-qualified table names. */
  profiles: string;
  facts: string;
  postgres: boolean;
  /** Only profiles with an id above this (the bench seeder fills in slices); default all. */
  afterId?: number;
  /** Only profiles up to this id. */
  uptoId?: number;
}

/**
 * One server-side statement (per dialect) that writes the fact rows of every profile from its
 * `facts` JSON — the upgrade from the column storage and the bench seeder. The caller deletes the
 * rows of the profiles it refills first. Returns the SQL and its bindings.
 */
export const backfillSql = (registry: Registry, t: BackfillTarget): { sql: string; bindings: unknown[] } => {
  const kinds = backfillKinds(registry);
  if (!kinds.length) return { sql: 'SELECT 1', bindings: [] };
  const defs = kinds.map(() => '(?, ?)').join(', ');
  const bindings: unknown[] = kinds.flatMap((k) => [k.code, k.kind]);
  const range: string[] = [];
  if (t.afterId !== undefined) {
    range.push('p.id > ?');
    bindings.push(t.afterId);
  }
  if (t.uptoId !== undefined) {
    range.push('p.id <= ?');
    bindings.push(t.uptoId);
  }
  const where = range.length ? ` AND ${range.join(' AND ')}` : '';
  if (t.postgres) {
    const sql = `WITH defs(fact, kind) AS (VALUES ${defs}),
      e AS (SELECT p.id, x.key, x.value, d.kind FROM ${t.profiles} p CROSS JOIN LATERAL jsonb_each(p.facts::jsonb) x JOIN defs d ON d.fact = x.key
            WHERE p.facts IS NOT NULL AND jsonb_typeof(p.facts::jsonb) = 'object' AND jsonb_typeof(x.value) <> 'null'${where})
      INSERT INTO ${t.facts} (profile_id, fact, v_num, v_text)
      SELECT id, key,
        CASE kind WHEN 'num' THEN CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::double precision END
                  WHEN 'bool' THEN CASE WHEN jsonb_typeof(value) = 'boolean' THEN CASE WHEN (value #>> '{}') = 'true' THEN 1 ELSE 0 END END
                  WHEN 'date' THEN CASE WHEN jsonb_typeof(value) = 'string' THEN ((value #>> '{}')::date - DATE '1970-01-01') END END,
        CASE WHEN kind = 'text' AND jsonb_typeof(value) = 'string' THEN value #>> '{}' END
      FROM e WHERE kind <> 'list'
      UNION ALL
      SELECT id, key, NULL, t.tag FROM e CROSS JOIN LATERAL (
        SELECT DISTINCT l AS tag FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END) l
        UNION ALL SELECT NULL WHERE jsonb_typeof(e.value) <> 'array' OR jsonb_array_length(e.value) = 0) t
      WHERE kind = 'list'`;
    return { sql, bindings };
  }
  const sql = `WITH defs(fact, kind) AS (VALUES ${defs}),
    e AS (SELECT p.id AS id, x.key AS key, x.value AS value, x.type AS type, d.kind AS kind FROM ${t.profiles} p, json_each(p.facts) x JOIN defs d ON d.fact = x.key
          WHERE p.facts IS NOT NULL AND json_valid(p.facts) AND json_type(p.facts) = 'object' AND x.type <> 'null'${where})
    INSERT INTO ${t.facts} (profile_id, fact, v_num, v_text)
    SELECT id, key,
      CASE kind WHEN 'num' THEN CASE WHEN type IN ('integer', 'real') THEN value END
                WHEN 'bool' THEN CASE type WHEN 'true' THEN 1 WHEN 'false' THEN 0 END
                WHEN 'date' THEN CASE WHEN type = 'text' THEN CAST(round(julianday(value) - 2440587.5) AS INTEGER) END END,
      CASE WHEN kind = 'text' AND type = 'text' THEN value END
    FROM e WHERE kind <> 'list'
    UNION ALL
    SELECT e.id, e.key, NULL, l.tag FROM e JOIN (
      SELECT e2.id AS id, e2.key AS key, j.value AS tag FROM e e2, json_each(CASE WHEN e2.type = 'array' THEN e2.value ELSE '[]' END) j GROUP BY e2.id, e2.key, j.value
      UNION ALL SELECT e3.id, e3.key, NULL FROM e e3 WHERE e3.type <> 'array' OR json_array_length(e3.value) = 0
    ) l ON l.id = e.id AND l.key = e.key
    WHERE e.kind = 'list'`;
  return { sql, bindings };
};
