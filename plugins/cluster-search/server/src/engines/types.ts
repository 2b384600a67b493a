import type { Run } from '@jiyue/kernel';

/** One locale of one published document, as both engines store it. */
export interface IndexDoc {
  /** `<uid>:<documentId>:<locale>` */
  key: string;
  uid: string;
  /** The short type name (article, policy, service-guide…), used in facets and the `type` filter. */
  type: string;
  documentId: string;
  locale: string;
  /** Every locale of this document that is indexed (for locale fallback). */
  locales: string[];
  title: string;
  summary: string;
  body: string;
  /** Searchable metadata: issuing authority, document and index numbers, aliases, subject words. */
  extra: string;
  ownerSite: string;
  /** The owner and every site the item is placed in. */
  sites: string[];
  /** `sites` plus all their ancestors: a subtree search for S finds what any site under S shows. */
  scopeSites: string[];
  /** `<site>/<column>` of each placement. */
  columns: string[];
  /** Region code (GB/T 2260) of the owning site. */
  region: string | null;
  theme: string | null;
  authority: string | null;
  documentNumber: string | null;
  indexNumber: string | null;
  documentNumberKey: string | null;
  indexNumberKey: string | null;
  publishDate: string | null;
  year: number | null;
  validity: string | null;
  /** Service guides: name and aliases, for knowledge cards and suggestions. */
  serviceName: string | null;
  aliases: string[];
}

/** One search term: alternatives (a word and its synonyms), each a sequence of script runs. */
export type TermGroup = Run[][];

export type SortOrder = 'relevance' | 'date:desc' | 'date:asc';

export interface EngineQuery {
  /** AND of groups; OR inside a group. Empty: browse by filters. */
  groups: TermGroup[];
  identifierKey: string | null;
  scope: { field: 'sites' | 'scopeSites'; site: string } | null;
  locale: string | null;
  /** With `locale`: documents without that locale come from this one. */
  fallbackLocale: string | null;
  types: string[];
  themes: string[];
  authorities: string[];
  from: string | null;
  to: string | null;
  /** Region tiers for ordering: [0] the region itself, then its ancestors, nearest first. */
  regionTiers: string[];
  sort: SortOrder;
  offset: number;
  limit: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface EngineResult {
  total: number;
  /** Facets were counted over the best hits only (the query had more than the engine counts exactly). */
  facetsSampled?: boolean;
  hits: { doc: IndexDoc; score: number; exact: boolean; regionTier: number | null }[];
  facets: Record<'type' | 'site' | 'theme' | 'year' | 'authority', FacetValue[]>;
}

/** Writes a complete new index beside the serving one; `finish` swaps it in atomically. */
export interface IndexBuilder {
  add(docs: IndexDoc[]): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

export interface SynonymGroup {
  id: string;
  terms: string[];
}

export interface SearchEngine {
  readonly name: 'embedded' | 'typesense';
  init(): Promise<void>;
  /** True when the index was written by an older layout and was emptied: the plugin then rebuilds it. */
  needsRebuild?(): Promise<boolean>;
  /** Replaces every indexed locale of the document with `docs` (empty: removes the document). */
  replaceDocument(uid: string, documentId: string, docs: IndexDoc[]): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Titles and service names beginning with the prefix (normalised). */
  completions(prefix: string, limit: number, locale: string | null): Promise<string[]>;
  findByKeys(keys: string[]): Promise<IndexDoc[]>;
  setSynonyms(groups: SynonymGroup[]): Promise<void>;
  beginRebuild(): Promise<IndexBuilder>;
  stats(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}
