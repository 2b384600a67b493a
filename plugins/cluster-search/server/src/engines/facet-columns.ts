import type Database from 'better-sqlite3';
import type { EngineResult, FacetValue } from './types';

type Facets = EngineResult['facets'];
const FIELDS = ['type', 'theme', 'authority', 'year'] as const;
type Field = (typeof FIELDS)[number];

/** Facet values are listed up to this many per facet, most frequent first. */
const FACET_LIMIT = 50;

/** The facet fields and the first direct site: the codes of one document, side by side. */
const STRIDE = FIELDS.length + 1;
const SITE = FIELDS.length;

/**
 * `array`, or a copy at least twice as long when the `stride` slots of `id` are past its end (new
 * slots hold `empty`).
 */
const withRoomFor = <T extends Int32Array | Float64Array>(array: T, id: number, empty: number, stride = 1): T => {
  if ((id + 1) * stride <= array.length) return array;
  let size = array.length;
  while (size < (id + 1) * stride) size *= 2;
  const grown = new (array.constructor as new (length: number) => T)(size);
  if (empty !== 0) grown.fill(empty);
  grown.set(array);
  return grown;
};

/** The values of one facet field, numbered from 1 (0: none) in the order first seen. */
class Column {
  readonly values: string[] = [''];
  private readonly codeOf = new Map<string, number>();

  code(value: string | number | null | undefined): number {
    if (value === null || value === undefined || value === '') return 0;
    const key = String(value);
    let code = this.codeOf.get(key);
    if (code === undefined) {
      code = this.values.push(key) - 1;
      this.codeOf.set(key, code);
    }
    return code;
  }

  /** Each code's place among the values in sorted order, computed again when values were added. */
  private places = new Int32Array(0);

  /**
   * The `limit` most frequent values, ties in value order. Ties are broken by each value's place
   * rather than by comparing strings: a common word's hits spread over a thousand sites.
   */
  top(tallied: Int32Array, limit: number): FacetValue[] {
    if (this.places.length !== this.values.length) {
      const byValue = this.values.map((_, code) => code).sort((a, b) => (this.values[a] < this.values[b] ? -1 : this.values[a] > this.values[b] ? 1 : 0));
      this.places = new Int32Array(this.values.length);
      byValue.forEach((code, place) => (this.places[code] = place));
    }
    const places = this.places;
    const codes: number[] = [];
    for (let code = 1; code < tallied.length; code += 1) if (tallied[code]) codes.push(code);
    codes.sort((a, b) => tallied[b] - tallied[a] || places[a] - places[b]);
    return codes.slice(0, limit).map((code) => ({ value: this.values[code], count: tallied[code] }));
  }
}

/**
 * The facet fields and the publish date of every indexed document, in memory and keyed by row id:
 * counting facets over thousands of hits is then a loop in JavaScript instead of a temporary table
 * and five grouped joins (about 1 ms of a 5 ms search), and a listed hit list is put in date order
 * without a join. A document's five codes lie side by side, so counting a hit reads one cache line
 * instead of five arrays (2,313 hits: 0.09 ms instead of 0.3). A document costs about 30 bytes here
 * (1M documents: ~30 MB).
 *
 * Another connection (a second Strapi process on the same index file) may write too: SQLite's
 * `data_version` tells, and the columns are then reloaded before the next count.
 */
export class FacetColumns {
  private readonly columns = Object.fromEntries(FIELDS.map((f) => [f, new Column()])) as Record<Field, Column>;
  /** A document's first direct site; `moreSites` holds the rest for the few placed in several. */
  private readonly site = new Column();
  /** STRIDE codes per row id: the FIELDS in order, then the first direct site. */
  private codes = new Int32Array(1024 * STRIDE);
  private readonly moreSites = new Map<number, number[]>();
  /** Publish time (ms) by row id, -Infinity for none (SQLite sorts NULL first): date order without a join. */
  private dates = new Float64Array(1024).fill(-Infinity);
  private loadedVersion: number | null = null;

  constructor(private readonly db: Database.Database) {}

  /** Forgets what was loaded: the next count reads every document again. */
  invalidate() {
    this.loadedVersion = null;
  }

  /** Loads the columns now (at start-up or after a swap) rather than in the first search. */
  warm() {
    this.ensureLoaded();
  }

  /** Reads every document's facet fields if this process has not, or another process wrote since. */
  private ensureLoaded() {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.loadedVersion) return;
    this.codes.fill(0);
    this.moreSites.clear();
    this.dates.fill(-Infinity);
    const rows = this.db.prepare('SELECT id, type, theme, authority, year, publish_date FROM docs').raw().iterate() as IterableIterator<
      [number, string, string | null, string | null, number | null, string | null]
    >;
    for (const [id, type, theme, authority, year, publishDate] of rows) this.setFields(id, { type, theme, authority, year }, publishDate);
    const sites = this.db.prepare('SELECT doc_id, site FROM doc_sites WHERE direct = 1 ORDER BY doc_id').raw().iterate() as IterableIterator<[number, string]>;
    for (const [id, site] of sites) this.addSite(id, site);
    this.loadedVersion = version;
  }

  private setFields(id: number, fields: Record<Field, string | number | null>, publishDate: string | null) {
    this.codes = withRoomFor(this.codes, id, 0, STRIDE);
    FIELDS.forEach((field, at) => (this.codes[id * STRIDE + at] = this.columns[field].code(fields[field])));
    this.dates = withRoomFor(this.dates, id, -Infinity);
    const time = publishDate ? Date.parse(publishDate) : NaN;
    this.dates[id] = Number.isNaN(time) ? -Infinity : time;
  }

  private addSite(id: number, site: string) {
    const code = this.site.code(site);
    this.codes = withRoomFor(this.codes, id, 0, STRIDE);
    const first = id * STRIDE + SITE;
    if (!this.codes[first]) {
      this.codes[first] = code;
      return;
    }
    if (this.codes[first] === code) return;
    const more = this.moreSites.get(id) ?? [];
    if (!more.includes(code)) more.push(code);
    this.moreSites.set(id, more);
  }

  /** Records a document written by this connection (its own writes do not change `data_version`). */
  added(id: number, fields: Record<Field, string | number | null>, publishDate: string | null, directSites: string[]) {
    if (this.loadedVersion === null) return;
    this.setFields(id, fields, publishDate);
    for (const site of directSites) this.addSite(id, site);
  }

  removed(id: number) {
    if (this.loadedVersion === null) return;
    if ((id + 1) * STRIDE <= this.codes.length) this.codes.fill(0, id * STRIDE, (id + 1) * STRIDE);
    if (id < this.dates.length) this.dates[id] = -Infinity;
    this.moreSites.delete(id);
  }

  /**
   * The slice [offset, offset + limit) of `ids` in publish-date order, ties by row id, as SQLite
   * orders `publish_date, id`: for a hit list already read, this replaces a join and a sort.
   */
  byDate(ids: number[], direction: 'ASC' | 'DESC', limit: number, offset: number): number[] {
    this.ensureLoaded();
    const dates = this.dates;
    const date = (id: number) => (id < dates.length ? dates[id] : -Infinity);
    const ascending = direction === 'ASC';
    const before = (a: number, b: number) => {
      const da = date(a);
      const db = date(b);
      if (da !== db) return ascending ? da < db : da > db;
      return ascending ? a < b : a > b;
    };
    const wanted = offset + limit;
    if (wanted > 64) return [...ids].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(offset, wanted);
    // A first page: keep the best `wanted` in order while passing over the list once.
    const best: number[] = [];
    for (const id of ids) {
      if (best.length === wanted && !before(id, best[wanted - 1])) continue;
      let at = best.length === wanted ? wanted - 1 : best.length;
      while (at > 0 && before(id, best[at - 1])) {
        best[at] = best[at - 1];
        at -= 1;
      }
      best[at] = id;
    }
    return best.slice(offset);
  }

  /** Facet counts over the row ids of the given lists (taken as they are: no id twice). */
  count(...idLists: number[][]): Facets {
    this.ensureLoaded();
    // Plain arrays in the loop (not records keyed by field name): it runs once per hit.
    const columns = [...FIELDS.map((f) => this.columns[f]), this.site];
    const tallies = columns.map((column) => new Int32Array(column.values.length));
    const siteTally = tallies[SITE];
    const codes = this.codes;
    const known = codes.length / STRIDE;
    const severalSites = this.moreSites.size > 0;
    for (const ids of idLists) {
      for (let i = 0; i < ids.length; i += 1) {
        const id = ids[i];
        if (id >= known) continue;
        for (let c = 0; c < STRIDE; c += 1) tallies[c][codes[id * STRIDE + c]] += 1;
        const more = severalSites ? this.moreSites.get(id) : undefined;
        if (more) for (const code of more) siteTally[code] += 1;
      }
    }
    const counts = Object.fromEntries(FIELDS.map((f, c) => [f, tallies[c]])) as Record<Field, Int32Array>;
    const sites = siteTally;
    const listed = (column: Column, tallied: Int32Array) => column.top(tallied, FACET_LIMIT);
    return {
      type: listed(this.columns.type, counts.type),
      theme: listed(this.columns.theme, counts.theme),
      authority: listed(this.columns.authority, counts.authority),
      year: listed(this.columns.year, counts.year),
      site: listed(this.site, sites),
    };
  }
}
