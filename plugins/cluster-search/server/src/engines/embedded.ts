import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import Database from 'better-sqlite3';
import { foldForSearch } from '@jiyue/kernel';
import { ftsExpression, soleToken } from './fts-expression';
import { FacetColumns } from './facet-columns';
import { ALL, LAYOUT, countedTokens, deleteDocument, indexRow, layoutOf, open, rowWriter, tag, unpackPayload, type DB } from './index-file';
import { startRebuildWriter } from './rebuild-writer';
import type { EngineQuery, EngineResult, IndexBuilder, IndexDoc, SearchEngine, SynonymGroup } from './types';

/**
 * Column weights for bm25: a hit in the title counts most, the bigram fallback least. Called
 * explicitly in ORDER BY: FTS5's configured `rank` column costs 1.7× as much per hit.
 */
const BM25 = 'bm25(fts, 10.0, 4.0, 1.0, 5.0, 1.0, 0.0, 10.0)';

/**
 * Facets are exact up to this many hits: listing the hits' row ids and counting them in memory
 * costs less than ranking a sample (0.4 ms for 4,000 hits, where bm25 over them costs 1.6 ms).
 * Above it, they are counted over the hits of the first segments that fit (`facetsSampled`).
 */
const FACET_EXACT = 10_000;
/** A sample smaller than this takes part of the next segment too. */
const FACET_SAMPLE = 500;
/** Above this many hits, a segment is ranked as title matches first (newest first), then the rest. */
const LARGE_SEGMENT = 1000;
/**
 * Up to this many hits, a date-ordered segment is listed and put in order in memory (FacetColumns
 * holds every publish date; the list then serves the facets too). Above it, the page walks the date
 * index and stops after the page instead of joining and sorting every hit.
 */
const DATE_IN_MEMORY_MAX = 10_000;

/**
 * One rowid lookup of an FTS5 expression costs about as much as listing this many hits into a
 * temporary index (measured at 100k documents: 9 µs against 0.3 µs).
 */
const PROBE_COST = 30;

/** The order within one segment of the ranked list. */
type Order = 'bm25' | 'ASC' | 'DESC';

/** A part of the ranked list: an FTS5 expression, its number of hits (exact hits left out) and its order. */
interface Segment {
  expression: string;
  count: number;
  order: Order;
}

export interface EmbeddedOptions {
  /** Directory of the index files. */
  dir: string;
  /** Base name: `<name>.current` points at the serving `<name>.<generation>.sqlite`. */
  name: string;
  /** Called after this process switched to an index rebuilt elsewhere, with the documents changed meanwhile. */
  onSwitch?: (changed: { uid: string; documentId: string }[]) => Promise<void>;
}

interface Pointer {
  file: string;
  startedAt: number;
}

const writeAtomically = (file: string, content: string) => {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
};

/**
 * The embedded engine: SQLite FTS5 in its own file through better-sqlite3, beside whatever
 * database Strapi uses. Documents are segmented before FTS5 sees them (`indexRow`: Chinese words
 * and bigrams, Tibetan syllables, each token letters and digits only) and normalised, so FTS5's
 * ascii tokenizer, which takes every non-ASCII character as part of a token, only splits at the
 * spaces we put in.
 */
export const createEmbeddedEngine = (options: EmbeddedOptions): SearchEngine => {
  const pointerFile = path.join(options.dir, `${options.name}.current`);
  let db: DB | null = null;
  let current: Pointer | null = null;
  let pointerMtime = 0;
  let switching: Promise<void> | null = null;
  /** The pointer named a file of an older layout: it was set aside and an empty one serves until rebuilt. */
  let outdated = false;
  let synonymGroups: SynonymGroup[] = [];

  const readPointer = (): Pointer | null => {
    try {
      return JSON.parse(fs.readFileSync(pointerFile, 'utf8')) as Pointer;
    } catch {
      return null;
    }
  };

  const newGenerationFile = () => `${options.name}.${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}.sqlite`;

  /** Opens the generation the pointer names; after a rebuild elsewhere, replays what changed here meanwhile. */
  const ensureCurrent = (): DB => {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(pointerFile);
    } catch {
      stat = null;
    }
    if (db && stat && stat.mtimeMs === pointerMtime) return db;
    if (!stat) {
      fs.mkdirSync(options.dir, { recursive: true });
      writeAtomically(pointerFile, JSON.stringify({ file: newGenerationFile(), startedAt: Date.now() }));
      stat = fs.statSync(pointerFile);
    }
    const pointer = readPointer()!;
    pointerMtime = stat.mtimeMs;
    if (db && current && pointer.file === current.file) return db;
    const previous = db;
    const previousFile = current?.file;
    db = open(path.join(options.dir, pointer.file));
    current = pointer;
    if (layoutOf(db) !== LAYOUT) {
      // Queries are written for the current layout: an older file cannot serve them. Start an empty
      // generation; the plugin rebuilds it at start-up (needsRebuild).
      db.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(options.dir, pointer.file + suffix), { force: true });
      current = { file: newGenerationFile(), startedAt: Date.now() };
      writeAtomically(pointerFile, JSON.stringify(current));
      pointerMtime = fs.statSync(pointerFile).mtimeMs;
      db = open(path.join(options.dir, current.file));
      outdated = true;
    }
    if (previous) {
      const changed = previous
        .prepare('SELECT DISTINCT uid, document_id AS documentId FROM changes WHERE at >= ?')
        .all(pointer.startedAt) as { uid: string; documentId: string }[];
      previous.close();
      if (previousFile) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(options.dir, previousFile + suffix), { force: true });
      if (changed.length && options.onSwitch) switching = options.onSwitch(changed).finally(() => (switching = null));
    }
    return db;
  };

  /** One `make(handle)` per open index, dropped with the handle after a swap. */
  const perHandle = <T>(make: (handle: DB) => T) => {
    const made = new WeakMap<DB, T>();
    return (handle: DB): T => {
      if (!made.has(handle)) made.set(handle, make(handle));
      return made.get(handle)!;
    };
  };

  // Compiled statements (a search runs a dozen; compiling each time costs more than running it).
  const statements = perHandle((handle) => {
    const cache = new Map<string, Database.Statement>();
    return (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = handle.prepare(sql);
        if (cache.size < 500) cache.set(sql, statement);
      }
      return statement;
    };
  });

  const facetColumns = perHandle((handle) => new FacetColumns(handle));
  // Which tokens have a row in term_docs is settled when a file is rebuilt.
  const countedTerms = perHandle(countedTokens);

  const engine: SearchEngine = {
    name: 'embedded',

    async init() {
      // A million documents' facet fields take about 2 s to read: at start-up, not in a search.
      facetColumns(ensureCurrent()).warm();
    },

    async needsRebuild() {
      ensureCurrent();
      return outdated;
    },

    async replaceDocument(uid, documentId, docs) {
      const handle = ensureCurrent();
      const companions = { facets: facetColumns(handle), counted: countedTerms(handle) };
      const remove = deleteDocument(handle, companions);
      const write = rowWriter(handle, companions);
      const rows = docs.map(indexRow);
      try {
        handle.transaction(() => {
          remove(uid, documentId);
          for (const row of rows) write(row);
          handle.prepare('INSERT INTO changes (uid, document_id, at) VALUES (?, ?, ?)').run(uid, documentId, Date.now());
        })();
      } catch (error) {
        // Rolled back: the facet columns may hold the half-done change; read them again.
        facetColumns(handle).invalidate();
        throw error;
      }
    },

    async search(q) {
      const handle = ensureCurrent();
      const prepare = statements(handle);
      const match = ftsExpression(q.groups);
      const filterParts: string[] = [];
      if (q.scope) filterParts.push(`tags : ${tag(q.scope.field === 'sites' ? 'st' : 'sc', q.scope.site)}`);
      if (q.locale && q.fallbackLocale) {
        filterParts.push(`(tags : ${tag('lo', q.locale)} OR (tags : ${tag('lo', q.fallbackLocale)} NOT tags : ${tag('hl', q.locale)}))`);
      } else if (q.locale) filterParts.push(`tags : ${tag('lo', q.locale)}`);
      const anyOf = (kind: string, values: string[]) => (values.length ? `(${values.map((v) => `tags : ${tag(kind, v)}`).join(' OR ')})` : null);
      for (const part of [anyOf('ty', q.types), anyOf('th', q.themes), anyOf('au', q.authorities)]) if (part) filterParts.push(part);
      const filtersOnly = [`tags : ${ALL}`, ...filterParts].join(' AND ');
      const base = [match ? `(${match})` : `tags : ${ALL}`, ...filterParts].join(' AND ');

      // Date bounds are not tokens: they join the compact docs table (FTS5 stays the outer loop).
      const dateParams: Record<string, string> = {};
      const dateClauses: string[] = [];
      if (q.from) {
        dateClauses.push('d.publish_date >= @from');
        dateParams.from = q.from;
      }
      if (q.to) {
        dateClauses.push('d.publish_date <= @to');
        dateParams.to = q.to;
      }
      // The order within a segment: bm25 for a relevance query with words; browsing by filters alone
      // has no words for bm25 to weigh (it would read every document for nothing), so it lists newest first.
      const order: Order = q.sort === 'date:asc' ? 'ASC' : q.sort === 'date:desc' || !match ? 'DESC' : 'bm25';
      const dateWhere = dateClauses.length ? `AND ${dateClauses.join(' AND ')}` : '';
      // The docs table is joined for date bounds only (FTS5 stays the outer loop).
      const from = dateClauses.length ? 'fts CROSS JOIN docs d ON d.id = fts.rowid' : 'fts';
      const countSql = `SELECT count(*) FROM ${from} WHERE fts MATCH @e ${dateWhere}`;
      const count = (expression: string) => prepare(countSql).pluck().get({ e: expression, ...dateParams }) as number;
      // A query of one token over the whole index (the common "search the cluster for a word") has
      // as many hits as documents hold the token: kept in term_docs for common tokens, otherwise
      // counted in FTS5's vocabulary (the same walk over the token's list, without a row per hit for
      // SQL to count: 52,774 hits took 1.4 ms there, 4.5 ms as count(*)).
      const token = !filterParts.length && !dateClauses.length ? soleToken(q.groups) : null;
      const documentsWith = (term: string) =>
        ((prepare('SELECT docs FROM term_docs WHERE term = ?').pluck().get(term) ??
          prepare('SELECT doc FROM temp.fts_terms WHERE term = ?').pluck().get(term)) as number | undefined) ?? 0;
      const among = (expression: string, ids: number[]) =>
        ids.length
          ? new Set(
              prepare(`SELECT fts.rowid FROM ${from} WHERE fts MATCH @e ${dateWhere} AND fts.rowid IN (${ids.map(Number).join(',')})`)
                .pluck()
                .all({ e: expression, ...dateParams }) as number[]
            )
          : new Set<number>();

      // Exact document or index number: those documents first (when they pass the filters); the
      // segments below leave them out.
      const exactCandidates = q.identifierKey
        ? (prepare('SELECT id FROM docs WHERE doc_key = ? OR idx_key = ?').all(q.identifierKey, q.identifierKey) as { id: number }[]).map((r) => r.id)
        : [];
      const exact = [...among(filtersOnly, exactCandidates)];
      const notExact = exact.length ? `AND fts.rowid NOT IN (${exact.join(',')})` : '';

      /** The hits of an expression (`tail` may leave some out): one joined string costs less than a row per hit. */
      const rowidsOf = (expression: string, tail = '', params: Record<string, number> = {}) => {
        const sql = `SELECT group_concat(id) FROM (SELECT fts.rowid AS id FROM ${from} WHERE fts MATCH @e ${dateWhere} ${tail})`;
        const joined = prepare(sql).pluck().get({ e: expression, ...dateParams, ...params }) as string | null;
        return joined ? joined.split(',').map(Number) : [];
      };
      /**
       * Up to `limit` of a segment's hits in no particular order: all of them, or the most recently
       * indexed (FTS5 reads a list backwards at a cost, so only when some are left out). 2,313 hits:
       * 0.39 ms, where a row per hit in reverse order took 0.94.
       */
      const listed = ({ expression, count: size }: Segment, limit: number) =>
        limit < size ? rowidsOf(expression, `${notExact} ORDER BY fts.rowid DESC LIMIT @limit`, { limit }) : rowidsOf(expression, notExact);
      /** All of a segment's hits, read once per search (the page and the facets may both want them). */
      const segmentIds = new Map<Segment, number[]>();
      const allOf = (segment: Segment) => {
        let ids = segmentIds.get(segment);
        if (!ids) segmentIds.set(segment, (ids = listed(segment, segment.count)));
        return ids;
      };
      /** One page of a segment's hits in its order (without the exact hits). */
      const ranked = (segment: Segment, limit: number, offset: number): number[] => {
        const { expression, order: o, count: size } = segment;
        if (o === 'bm25') {
          const sql = `SELECT fts.rowid FROM ${from} WHERE fts MATCH @e ${dateWhere} ${notExact} ORDER BY ${BM25} LIMIT @limit OFFSET @offset`;
          return prepare(sql).pluck().all({ e: expression, limit, offset, ...dateParams }) as number[];
        }
        if (size <= DATE_IN_MEMORY_MAX) return facetColumns(handle).byDate(allOf(segment), o, limit, offset);
        // The page walks the date index. When the hits are a large share of the index, each row of the
        // walk is checked against the expression (a rowid lookup in FTS5) and the walk stops after
        // the page: about (offset + limit) / share lookups. Otherwise SQLite first lists the hits
        // into a temporary index (IN), which costs per hit.
        const documents = (prepare('SELECT max(id) FROM docs').pluck().get() as number | null) ?? 0;
        const lookups = ((offset + limit) * documents) / Math.max(1, size);
        const hit = lookups * PROBE_COST < size ? 'EXISTS (SELECT 1 FROM fts WHERE fts MATCH @e AND fts.rowid = d.id)' : 'd.id IN (SELECT rowid FROM fts WHERE fts MATCH @e)';
        const sql = `SELECT d.id FROM docs d INDEXED BY docs_date WHERE ${hit} ${dateWhere} ${notExact.replace('fts.rowid', 'd.id')} ORDER BY d.publish_date ${o}, d.id ${o} LIMIT @limit OFFSET @offset`;
        return prepare(sql).pluck().all({ e: expression, limit, offset, ...dateParams }) as number[];
      };

      // The ranked list is: exact hits, then one segment per region tier, then everything else.
      // A tier of more than LARGE_SEGMENT hits is split: title matches, newest first, then the rest.
      // bm25 over tens of thousands of hits is the cost of a common word, and within the title
      // matches of such a word it weighs little more than document length; newest first is what
      // Typesense does too (its text-match ties fall back to the publish date). Title matches are
      // looked up on the marked title words with the filters only: a title word implies the text
      // query (title words are in the title column too), so the query's long lists are never read
      // for that part.
      const titleWords = match && q.sort === 'relevance' ? ftsExpression(q.groups, true) : null;
      const regionTag = (region: string) => `tags : ${tag('rg', region)}`;
      const tierSegments = q.sort === 'relevance' && q.regionTiers.length
        ? [
            ...q.regionTiers.map((region) => ({ and: [regionTag(region)], not: '' })),
            { and: [], not: ` NOT (${q.regionTiers.map(regionTag).join(' OR ')})` },
          ]
        : [{ and: [] as string[], not: '' }];
      const segments: Segment[] = [];
      const push = (expression: string, n: number, o: Order) => segments.push({ expression, count: n - among(expression, exact).size, order: o });
      for (const tier of tierSegments) {
        const expression = `(${[base, ...tier.and].join(') AND (')})${tier.not}`;
        const n = token && !tier.and.length && !tier.not ? documentsWith(token) : count(expression);
        if (!titleWords || n <= LARGE_SEGMENT) {
          push(expression, n, order);
          continue;
        }
        const inTitle = `((${[...filterParts, ...tier.and, titleWords].join(') AND (')}))${tier.not}`;
        const nInTitle = count(inTitle);
        push(inTitle, nInTitle, 'DESC');
        push(`(${expression}) NOT (${titleWords})`, n - nInTitle, order);
      }
      const total = exact.length + segments.reduce((sum, segment) => sum + segment.count, 0);

      const pageIds: number[] = exact.slice(q.offset, q.offset + q.limit);
      let skip = Math.max(0, q.offset - exact.length);
      for (const segment of segments) {
        if (pageIds.length >= q.limit) break;
        if (skip >= segment.count) {
          skip -= segment.count;
          continue;
        }
        pageIds.push(...ranked(segment, q.limit - pageIds.length, skip));
        skip = 0;
      }

      // Facets over all hits; above FACET_EXACT hits, over the hits of the first segments (whole,
      // in ranked order of segments) up to FACET_EXACT: for a common word, its title matches.
      const sampled = total > FACET_EXACT;
      // Segments are disjoint and leave out the exact hits: their lists are counted as they come.
      const facetLists: number[][] = [];
      if (!sampled && segments.length === 1) {
        // One segment: its list (maybe already read for a date-ordered page) and the exact hits are all the hits.
        facetLists.push(allOf(segments[0]), exact);
      } else if (!sampled) {
        const all = rowidsOf(base);
        facetLists.push(all, exact.filter((id) => !all.includes(id)));
      } else {
        facetLists.push(exact);
        let size = exact.length;
        for (const segment of segments) {
          if (!segment.count) continue;
          const fits = segment.count <= FACET_EXACT - size;
          // A segment that does not fit ends the sample; part of it fills a sample still smaller than FACET_SAMPLE.
          if (!fits && size >= FACET_SAMPLE) break;
          const ids = fits ? allOf(segment) : listed(segment, FACET_SAMPLE - size);
          facetLists.push(ids);
          size += ids.length;
          if (!fits) break;
        }
      }
      const facets = facetColumns(handle).count(...facetLists);

      const payloads = pageIds.length
        ? new Map(
            (prepare(`SELECT id, payload FROM payloads WHERE id IN (${pageIds.join(',')})`).all() as { id: number; payload: string }[]).map((r) => [
              r.id,
              unpackPayload(r.payload),
            ])
          )
        : new Map<number, IndexDoc>();
      const tierOf = (doc: IndexDoc) => {
        if (!q.regionTiers.length) return null;
        const at = q.regionTiers.indexOf(doc.region ?? '');
        return at === -1 ? null : at;
      };
      return {
        total,
        facetsSampled: sampled,
        hits: pageIds
          .filter((id) => payloads.has(id))
          .map((id) => ({ doc: payloads.get(id)!, score: 0, exact: exact.includes(id), regionTier: tierOf(payloads.get(id)!) })),
        facets,
      } satisfies EngineResult;
    },

    async completions(prefix, limit, locale) {
      const handle = ensureCurrent();
      const p = foldForSearch(prefix);
      if (!p) return [];
      const upper = `${p}\uffff`;
      const localeClause = locale ? 'AND locale = @locale' : '';
      const rows = handle
        .prepare(
          `SELECT text FROM (
             SELECT service_name AS text, 0 AS k FROM docs WHERE service_norm >= @p AND service_norm < @upper ${localeClause}
             UNION ALL SELECT title AS text, 1 AS k FROM docs WHERE title_norm >= @p AND title_norm < @upper ${localeClause}
           ) GROUP BY text ORDER BY MIN(k), length(text) LIMIT @limit`
        )
        .all({ p, upper, limit, ...(locale ? { locale } : {}) }) as { text: string }[];
      return rows.map((r) => r.text);
    },

    async findByKeys(keys) {
      if (!keys.length) return [];
      const handle = ensureCurrent();
      const rows = handle.prepare(`SELECT p.payload FROM docs d JOIN payloads p ON p.id = d.id WHERE d.key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as { payload: string }[];
      return rows.map((r) => unpackPayload(r.payload));
    },

    async setSynonyms(groups) {
      // The embedded engine expands queries in the search service; it only keeps the list for stats.
      synonymGroups = groups;
    },

    async beginRebuild() {
      fs.mkdirSync(options.dir, { recursive: true });
      const file = newGenerationFile();
      const startedAt = Date.now();
      const writer = startRebuildWriter(path.join(options.dir, file));
      const remove = (f: string) => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(options.dir, f + suffix), { force: true });
      };
      return {
        async add(docs) {
          await writer.write(docs.map(indexRow));
        },
        async finish() {
          await writer.finish();
          outdated = false;
          writeAtomically(pointerFile, JSON.stringify({ file, startedAt }));
          facetColumns(ensureCurrent()).warm();
          if (switching) await switching;
        },
        async abort() {
          await writer.abort();
          remove(file);
        },
      } satisfies IndexBuilder;
    },

    async stats() {
      const handle = ensureCurrent();
      const file = path.join(options.dir, current!.file);
      const size = (f: string) => {
        try {
          return fs.statSync(f).size;
        } catch {
          return 0;
        }
      };
      return {
        engine: 'embedded',
        file,
        documents: (handle.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n,
        bytes: size(file) + size(`${file}-wal`),
        synonymGroups: synonymGroups.length,
      };
    },

    async close() {
      db?.close();
      db = null;
      current = null;
      pointerMtime = 0;
    },
  };
  return engine;
};
