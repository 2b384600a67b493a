import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import Database from 'better-sqlite3';
import { segmentForIndex } from '../utils/segment';
import { normalizeText } from '../utils/normalize';
import { ftsExpression } from './fts-expression';
import type { EngineQuery, EngineResult, FacetValue, IndexBuilder, IndexDoc, SearchEngine, SynonymGroup } from './types';

type DB = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  uid TEXT NOT NULL,
  type TEXT NOT NULL,
  document_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  locales TEXT NOT NULL,
  title_norm TEXT NOT NULL,
  region TEXT,
  theme TEXT,
  authority TEXT,
  doc_key TEXT,
  idx_key TEXT,
  publish_date TEXT,
  year INTEGER,
  service_norm TEXT,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_document ON docs(document_id, locale);
CREATE INDEX IF NOT EXISTS docs_doc_key ON docs(doc_key) WHERE doc_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS docs_idx_key ON docs(idx_key) WHERE idx_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS docs_date ON docs(publish_date);
CREATE INDEX IF NOT EXISTS docs_title ON docs(title_norm);
CREATE INDEX IF NOT EXISTS docs_service ON docs(service_norm) WHERE service_norm IS NOT NULL;
CREATE TABLE IF NOT EXISTS doc_sites (
  site TEXT NOT NULL,
  direct INTEGER NOT NULL,
  doc_id INTEGER NOT NULL,
  PRIMARY KEY (site, direct, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_sites_doc ON doc_sites(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, summary, body, extra, bg,
  tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
);
CREATE TABLE IF NOT EXISTS changes (uid TEXT NOT NULL, document_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
`;

/** Column weights for bm25: a hit in the title counts most, the bigram fallback least. */
const BM25 = 'bm25(fts, 10.0, 4.0, 1.0, 5.0, 0.5)';

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

const open = (file: string): DB => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS hits (id INTEGER PRIMARY KEY, score REAL, exact INTEGER, tier INTEGER)');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS matches (id INTEGER PRIMARY KEY, score REAL, exact INTEGER)');
  return db;
};

const insertDoc = (db: DB) => {
  const docStmt = db.prepare(`INSERT INTO docs (key, uid, type, document_id, locale, locales, title_norm, region, theme, authority, doc_key, idx_key, publish_date, year, service_norm, payload)
    VALUES (@key, @uid, @type, @documentId, @locale, @locales, @titleNorm, @region, @theme, @authority, @documentNumberKey, @indexNumberKey, @publishDate, @year, @serviceNorm, @payload)`);
  const siteStmt = db.prepare('INSERT OR IGNORE INTO doc_sites (site, direct, doc_id) VALUES (?, ?, ?)');
  const ftsStmt = db.prepare('INSERT INTO fts (rowid, title, summary, body, extra, bg) VALUES (?, ?, ?, ?, ?, ?)');
  return (doc: IndexDoc) => {
    const { lastInsertRowid: id } = docStmt.run({
      ...doc,
      locales: ` ${doc.locales.join(' ')} `,
      titleNorm: normalizeText(doc.title),
      serviceNorm: doc.serviceName ? normalizeText(doc.serviceName) : null,
      payload: JSON.stringify(doc),
    });
    for (const site of doc.sites) siteStmt.run(site, 1, id);
    for (const site of doc.scopeSites) if (!doc.sites.includes(site)) siteStmt.run(site, 0, id);
    const title = segmentForIndex(doc.title);
    const summary = segmentForIndex(doc.summary);
    const body = segmentForIndex(doc.body);
    const extra = segmentForIndex(doc.extra);
    ftsStmt.run(id, title.words, summary.words, body.words, extra.words, [title.bigrams, summary.bigrams, body.bigrams, extra.bigrams].join(' '));
  };
};

const deleteDocument = (db: DB) => {
  const ids = db.prepare('SELECT id FROM docs WHERE uid = ? AND document_id = ?');
  const delFts = db.prepare('DELETE FROM fts WHERE rowid = ?');
  const delSites = db.prepare('DELETE FROM doc_sites WHERE doc_id = ?');
  const delDoc = db.prepare('DELETE FROM docs WHERE id = ?');
  return (uid: string, documentId: string) => {
    for (const { id } of ids.all(uid, documentId) as { id: number }[]) {
      delFts.run(id);
      delSites.run(id);
      delDoc.run(id);
    }
  };
};

/**
 * The embedded engine: SQLite FTS5 in its own file through better-sqlite3, beside whatever
 * database Strapi uses. Documents arrive pre-segmented (Chinese words and bigrams, Tibetan
 * syllables) so FTS5's unicode61 tokenizer only splits at the spaces we put in.
 */
export const createEmbeddedEngine = (options: EmbeddedOptions): SearchEngine => {
  const pointerFile = path.join(options.dir, `${options.name}.current`);
  let db: DB | null = null;
  let current: Pointer | null = null;
  let pointerMtime = 0;
  let switching: Promise<void> | null = null;
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

  const filters = (q: EngineQuery, params: Record<string, unknown>) => {
    const where: string[] = [];
    if (q.scope) {
      where.push(`d.id IN (SELECT doc_id FROM doc_sites WHERE site = @scopeSite${q.scope.field === 'sites' ? ' AND direct = 1' : ''})`);
      params.scopeSite = q.scope.site;
    }
    if (q.locale && q.fallbackLocale) {
      where.push(`(d.locale = @locale OR (d.locale = @fallback AND d.locales NOT LIKE @localeLike))`);
      Object.assign(params, { locale: q.locale, fallback: q.fallbackLocale, localeLike: `% ${q.locale} %` });
    } else if (q.locale) {
      where.push('d.locale = @locale');
      params.locale = q.locale;
    }
    const list = (column: string, values: string[], name: string) => {
      if (!values.length) return;
      where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
      values.forEach((v, i) => (params[`${name}${i}`] = v));
    };
    list('d.type', q.types, 'type');
    list('d.theme', q.themes, 'theme');
    list('d.authority', q.authorities, 'authority');
    if (q.from) {
      where.push('d.publish_date >= @from');
      params.from = q.from;
    }
    if (q.to) {
      where.push('d.publish_date <= @to');
      params.to = q.to;
    }
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  };

  const tierExpression = (tiers: string[], params: Record<string, unknown>) => {
    if (!tiers.length) return 'NULL';
    tiers.forEach((r, i) => (params[`region${i}`] = r));
    return `CASE d.region ${tiers.map((_, i) => `WHEN @region${i} THEN ${i}`).join(' ')} ELSE NULL END`;
  };

  const facet = (db: DB, sql: string): FacetValue[] =>
    (db.prepare(sql).all() as { value: string | number; count: number }[])
      .filter((r) => r.value !== null && r.value !== '')
      .map((r) => ({ value: String(r.value), count: r.count }));

  const engine: SearchEngine = {
    name: 'embedded',

    async init() {
      ensureCurrent();
    },

    async replaceDocument(uid, documentId, docs) {
      const handle = ensureCurrent();
      const remove = deleteDocument(handle);
      const insert = insertDoc(handle);
      handle.transaction(() => {
        remove(uid, documentId);
        for (const doc of docs) insert(doc);
        handle.prepare('INSERT INTO changes (uid, document_id, at) VALUES (?, ?, ?)').run(uid, documentId, Date.now());
      })();
    },

    async search(q) {
      const handle = ensureCurrent();
      const params: Record<string, unknown> = {};
      const expression = ftsExpression(q.groups);
      const where = filters(q, params);
      const tier = tierExpression(q.regionTiers, params);
      handle.exec('DELETE FROM temp.matches; DELETE FROM temp.hits');
      let source = 'docs';
      if (expression) {
        // Matches first, on their own: bm25() only works in a plain scan of the FTS table.
        handle.prepare(`INSERT INTO temp.matches (id, score, exact) SELECT rowid, ${BM25}, 0 FROM fts WHERE fts MATCH ?`).run(expression);
        source = 'temp.matches';
      }
      if (q.identifierKey) {
        handle
          .prepare(`INSERT INTO temp.matches (id, score, exact) SELECT id, -1e9, 1 FROM docs WHERE doc_key = @ident OR idx_key = @ident
                    ON CONFLICT(id) DO UPDATE SET score = -1e9, exact = 1`)
          .run({ ident: q.identifierKey });
        if (!expression) source = 'temp.matches';
      }
      const columns = source === 'docs' ? 'd.id, 0, 0' : 'd.id, m.score, m.exact';
      const join = source === 'docs' ? 'docs d' : 'temp.matches m JOIN docs d ON d.id = m.id';
      handle.prepare(`INSERT INTO temp.hits (id, score, exact, tier) SELECT ${columns}, ${tier} FROM ${join} ${where}`).run(params);
      const total = (handle.prepare('SELECT count(*) AS n FROM temp.hits').get() as { n: number }).n;
      const order =
        q.sort === 'date:desc'
          ? 'd.publish_date DESC, h.id DESC'
          : q.sort === 'date:asc'
            ? 'd.publish_date ASC, h.id ASC'
            : 'h.exact DESC, h.tier IS NULL, h.tier ASC, h.score ASC, d.publish_date DESC';
      const rows = handle
        .prepare(`SELECT d.payload, h.score, h.exact, h.tier FROM temp.hits h JOIN docs d ON d.id = h.id ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(q.limit, q.offset) as { payload: string; score: number; exact: number; tier: number | null }[];
      const grouped = (column: string) =>
        facet(handle, `SELECT ${column} AS value, count(*) AS count FROM temp.hits h JOIN docs d ON d.id = h.id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`);
      const facets = {
        type: grouped('d.type'),
        theme: grouped('d.theme'),
        authority: grouped('d.authority'),
        year: grouped('d.year'),
        site: facet(handle, 'SELECT s.site AS value, count(*) AS count FROM temp.hits h JOIN doc_sites s ON s.doc_id = h.id AND s.direct = 1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50'),
      };
      return {
        total,
        hits: rows.map((r) => ({ doc: JSON.parse(r.payload) as IndexDoc, score: r.score, exact: r.exact === 1, regionTier: r.tier })),
        facets,
      } satisfies EngineResult;
    },

    async completions(prefix, limit, locale) {
      const handle = ensureCurrent();
      const p = normalizeText(prefix);
      if (!p) return [];
      const upper = `${p}\uffff`;
      const localeClause = locale ? 'AND locale = @locale' : '';
      const rows = handle
        .prepare(
          `SELECT text FROM (
             SELECT json_extract(payload, '$.serviceName') AS text, 0 AS k FROM docs WHERE service_norm >= @p AND service_norm < @upper ${localeClause}
             UNION ALL SELECT json_extract(payload, '$.title') AS text, 1 AS k FROM docs WHERE title_norm >= @p AND title_norm < @upper ${localeClause}
           ) GROUP BY text ORDER BY MIN(k), length(text) LIMIT @limit`
        )
        .all({ p, upper, limit, ...(locale ? { locale } : {}) }) as { text: string }[];
      return rows.map((r) => r.text);
    },

    async findByKeys(keys) {
      if (!keys.length) return [];
      const handle = ensureCurrent();
      const rows = handle.prepare(`SELECT payload FROM docs WHERE key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as { payload: string }[];
      return rows.map((r) => JSON.parse(r.payload));
    },

    async setSynonyms(groups) {
      // The embedded engine expands queries in the search service; it only keeps the list for stats.
      synonymGroups = groups;
    },

    async beginRebuild() {
      fs.mkdirSync(options.dir, { recursive: true });
      const file = newGenerationFile();
      const startedAt = Date.now();
      const target = open(path.join(options.dir, file));
      target.pragma('journal_mode = OFF');
      target.pragma('synchronous = OFF');
      const insert = insertDoc(target);
      const remove = (f: string) => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(options.dir, f + suffix), { force: true });
      };
      return {
        async add(docs) {
          target.transaction(() => {
            for (const doc of docs) insert(doc);
          })();
        },
        async finish() {
          target.exec("INSERT INTO fts(fts) VALUES ('optimize')");
          target.pragma('journal_mode = WAL');
          target.close();
          writeAtomically(pointerFile, JSON.stringify({ file, startedAt }));
          ensureCurrent();
          if (switching) await switching;
        },
        async abort() {
          target.close();
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
