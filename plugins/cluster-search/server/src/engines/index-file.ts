import crypto from 'crypto';
import Database from 'better-sqlite3';
import { foldForSearch, segmentFields, segmentForIndex } from '@jiyue/kernel';
import { titleTokens } from './fts-expression';
import type { FacetColumns } from './facet-columns';
import type { IndexDoc } from './types';

/**
 * One embedded index file: its layout, and how a document becomes rows in it. Shared by the engine
 * (live writes and searches) and the rebuild writer, which fills a new file on a worker thread.
 */

export type DB = Database.Database;

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
  title TEXT NOT NULL,
  service_name TEXT
);
CREATE TABLE IF NOT EXISTS payloads (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
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
  title, summary, body, extra, bg, tags, tw,
  tokenize = 'ascii', content = '', contentless_delete = 1
);
CREATE TABLE IF NOT EXISTS term_docs (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS changes (uid TEXT NOT NULL, document_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
`;

/**
 * Bumped when the layout of an index file or the segmentation changes: documents and queries must be
 * cut alike, and a removed document's tokens are found by segmenting it again (`deleteDocument`).
 * 3: the `ascii` tokenizer (unicode61 cut Tibetan syllables at every vowel sign and subjoined
 * letter, which it counts as separators: སྐད was indexed as ས and ད), payloads as plain JSON, and
 * `term_docs`.
 * 4: rich text read by the kernel's richTextToText (entities decoded: `&amp;` no longer gives the
 * token amp; image alt text kept).
 */
const SCHEMA_VERSION = '4';

/**
 * What a file's tokens depend on: our layout and the ICU data Intl.Segmenter cuts Chinese with (a
 * Node upgrade may bring new data). A file recorded with another is set aside and rebuilt.
 */
export const LAYOUT = `${SCHEMA_VERSION} icu ${process.versions.icu ?? 'none'}`;

/**
 * Filters live in the FTS table too, as opaque tokens in the `tags` column (weight 0), so a
 * filtered, region-tiered query is answered by FTS5's own doclist intersection in C instead of a
 * join over every hit.
 */
export const tag = (kind: string, value: string | number) => `${kind}${crypto.createHash('sha1').update(String(value)).digest('hex').slice(0, 12)}`;
export const ALL = 'alldocs';

const tagsOf = (doc: IndexDoc) =>
  [
    ALL,
    tag('ty', doc.type),
    tag('lo', doc.locale),
    ...doc.locales.map((l) => tag('hl', l)),
    ...doc.sites.map((site) => tag('st', site)),
    ...doc.scopeSites.map((site) => tag('sc', site)),
    ...(doc.region ? [tag('rg', doc.region)] : []),
    ...(doc.theme ? [tag('th', doc.theme)] : []),
    ...(doc.authority ? [tag('au', doc.authority)] : []),
  ].join(' ');

/**
 * Stored documents are read for the page and by key only. They are kept as plain JSON: deflated,
 * they took 44 % less space, but compressing cost 97 µs a document when indexing (a tenth of the
 * write) and inflating 31 µs a hit when searching.
 */
const packPayload = (doc: IndexDoc) => JSON.stringify(doc);
export const unpackPayload = (payload: string): IndexDoc => JSON.parse(payload) as IndexDoc;

export const open = (file: string): DB => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  const existed = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'docs'").get();
  db.exec(SCHEMA);
  // The index's vocabulary, for this connection only (nothing is stored): the engine counts a
  // one-token query there.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'fts', 'row')");
  if (!existed) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(LAYOUT);
  return db;
};

export const layoutOf = (db: DB) => (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? null;

/**
 * A token held by at least this many documents has its number of documents kept in `term_docs`
 * (filled at the end of a rebuild, then kept in step by every write): counting a common word's hits
 * is then one lookup instead of a walk over its whole list, whose cost grows with the hits (52,774
 * documents: 1.4–1.9 ms). Below it, the walk costs under 0.03 ms.
 */
const COUNTED_FROM = 1000;

/** The distinct tokens a row puts in FTS5 (the ascii tokenizer splits at our spaces only). */
const tokensOf = (row: IndexRow) => new Set(row.fts.join(' ').split(' ').filter(Boolean));

/**
 * What the serving index keeps beside FTS5 and every write must keep in step: the facet columns
 * and the counted tokens (the tokens with a row in `term_docs`). A rebuild's new file has neither
 * until it serves.
 */
export interface Companions {
  facets: FacetColumns;
  counted: Set<string>;
}

export const countedTokens = (db: DB) => new Set(db.prepare('SELECT term FROM term_docs').pluck().all() as string[]);

/**
 * A new file for a rebuild: nothing reads it until it is finished, so it is written without a
 * journal, and FTS5 merges its segments once at the end instead of while loading.
 */
export const openForRebuild = (file: string): DB => {
  const db = open(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.prepare("INSERT INTO fts (fts, rank) VALUES ('automerge', 0)").run();
  return db;
};

/** Merges a rebuilt file's segments and makes it ready to serve (see `openForRebuild`). */
export const finishRebuild = (db: DB) => {
  db.exec("INSERT INTO fts(fts) VALUES ('optimize')");
  db.prepare('INSERT INTO term_docs (term, docs) SELECT term, doc FROM temp.fts_terms WHERE doc >= ?').run(COUNTED_FROM);
  db.prepare("INSERT INTO fts (fts, rank) VALUES ('automerge', 4)").run();
  db.pragma('journal_mode = WAL');
};

/** A document ready to be written: every value computed, so writing it is SQL only (see `rowWriter`). */
export interface IndexRow {
  doc: Record<string, string | number | null>;
  payload: string;
  sites: string[];
  /** Ancestor sites that are not direct sites. */
  scopeOnly: string[];
  facets: { type: string; theme: string | null; authority: string | null; year: number | null };
  publishDate: string | null;
  /** title, summary, body, extra, bg, tags, tw */
  fts: string[];
}

/** Segments and serialises a document (the CPU-heavy part of indexing, apart from FTS5's own). */
export const indexRow = (doc: IndexDoc): IndexRow => {
  const [title, summary, extra] = segmentFields([doc.title, doc.summary, doc.extra]);
  const body = segmentForIndex(doc.body, { dictionary: false });
  return {
    doc: {
      key: doc.key,
      uid: doc.uid,
      type: doc.type,
      documentId: doc.documentId,
      locale: doc.locale,
      locales: ` ${doc.locales.join(' ')} `,
      titleNorm: foldForSearch(doc.title),
      region: doc.region,
      theme: doc.theme,
      authority: doc.authority,
      documentNumberKey: doc.documentNumberKey,
      indexNumberKey: doc.indexNumberKey,
      publishDate: doc.publishDate,
      year: doc.year,
      serviceNorm: doc.serviceName ? foldForSearch(doc.serviceName) : null,
      title: doc.title,
      serviceName: doc.serviceName,
    },
    payload: packPayload(doc),
    sites: doc.sites,
    scopeOnly: doc.scopeSites.filter((site) => !doc.sites.includes(site)),
    facets: { type: doc.type, theme: doc.theme, authority: doc.authority, year: doc.year },
    publishDate: doc.publishDate,
    fts: [
      title.words,
      summary.words,
      body.words,
      extra.words,
      [title.bigrams, summary.bigrams, body.bigrams, extra.bigrams].join(' '),
      tagsOf(doc),
      titleTokens(title.words),
    ],
  };
};

/** Adds one to (or, with -1, takes one from) the count of each counted token of a row. */
const termCounter = (db: DB, counted: Set<string>) => {
  const countStmt = db.prepare('UPDATE term_docs SET docs = docs + ? WHERE term = ?');
  return (row: IndexRow, change: 1 | -1) => {
    if (!counted.size) return;
    for (const token of tokensOf(row)) if (counted.has(token)) countStmt.run(change, token);
  };
};

/** Writes prepared rows (keeping `companions` in step, when writing to the serving index). */
export const rowWriter = (db: DB, companions?: Companions) => {
  const countTerms = companions ? termCounter(db, companions.counted) : null;
  const docStmt = db.prepare(`INSERT INTO docs (key, uid, type, document_id, locale, locales, title_norm, region, theme, authority, doc_key, idx_key, publish_date, year, service_norm, title, service_name)
    VALUES (@key, @uid, @type, @documentId, @locale, @locales, @titleNorm, @region, @theme, @authority, @documentNumberKey, @indexNumberKey, @publishDate, @year, @serviceNorm, @title, @serviceName)`);
  const payloadStmt = db.prepare('INSERT INTO payloads (id, payload) VALUES (?, ?)');
  const siteStmt = db.prepare('INSERT OR IGNORE INTO doc_sites (site, direct, doc_id) VALUES (?, ?, ?)');
  const ftsStmt = db.prepare('INSERT INTO fts (rowid, title, summary, body, extra, bg, tags, tw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return (row: IndexRow) => {
    const id = Number(docStmt.run(row.doc).lastInsertRowid);
    payloadStmt.run(id, row.payload);
    for (const site of row.sites) siteStmt.run(site, 1, id);
    for (const site of row.scopeOnly) siteStmt.run(site, 0, id);
    companions?.facets.added(id, row.facets, row.publishDate, row.sites);
    ftsStmt.run(id, ...row.fts);
    countTerms?.(row, 1);
  };
};

export const deleteDocument = (db: DB, companions: Companions) => {
  const countTerms = termCounter(db, companions.counted);
  // A document's tokens are read back from its payload: indexRow gives the same tokens as when it was
  // written (a change to segmentation is a new layout version, and so a rebuild).
  const payload = db.prepare('SELECT payload FROM payloads WHERE id = ?').pluck();
  const ids = db.prepare('SELECT id FROM docs WHERE uid = ? AND document_id = ?');
  const delFts = db.prepare('DELETE FROM fts WHERE rowid = ?');
  const delSites = db.prepare('DELETE FROM doc_sites WHERE doc_id = ?');
  const delDoc = db.prepare('DELETE FROM docs WHERE id = ?');
  const delPayload = db.prepare('DELETE FROM payloads WHERE id = ?');
  return (uid: string, documentId: string) => {
    for (const { id } of ids.all(uid, documentId) as { id: number }[]) {
      if (companions.counted.size) countTerms(indexRow(unpackPayload(payload.get(id) as string)), -1);
      delFts.run(id);
      delSites.run(id);
      delDoc.run(id);
      delPayload.run(id);
      companions.facets.removed(id);
    }
  };
};
