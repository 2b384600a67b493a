import type { Actor } from '../http/actor';
import type { DecoratedItem, ItemDecoratorRegistry } from './hooks';

/** Who acts, as site-group's scope rules see it (only admin users are scoped): the kernel's `Actor`. */
export type SiteActor = Actor;

export interface SiteRow {
  id: number;
  code: string;
  level?: string;
  parentId: number | null;
}

export interface SiteHierarchy {
  byId: Map<number, SiteRow>;
  byCode: Map<string, SiteRow>;
  /** The site and every site below it. */
  subtree(id: number): number[];
  /** Every site above it, nearest first. */
  ancestors(id: number): number[];
}

/** What a route-scope resolver is given: the request's parameters, query and body. */
export interface ScopeRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}
export type SiteResolver = (request: ScopeRequest) => Promise<string[]>;

export interface ItemPlacement {
  placementId: number;
  site: string | undefined;
  column: string | undefined;
  mode: 'reference' | 'copy';
  documentId: string;
  pinned: boolean;
  path: string;
}

export interface PlaceRequest {
  contentType: string;
  documentId: string;
  site: string;
  column: string;
  mode?: 'reference' | 'copy';
  pinned?: boolean;
  priority?: number;
  origin?: 'placed' | 'submitted' | 'pushed';
}

/** A site as seen by code that only needs to know it exists and where it sits. */
export interface SiteSummary {
  id: number;
  code: string;
}

export interface SiteGroupScopeService {
  registerResolver(name: string, resolver: SiteResolver): void;
  /** Throws unless the caller may write cluster-wide data (admins of the root site, Super Admins, code). */
  assertClusterWrite(what: string): Promise<void>;
  /** The site codes the user may see; `null` for every site (Super Admins). */
  visibleSites(user: { id: number; roles?: { code: string }[] } | undefined, descendants?: 'as-assigned' | 'always'): Promise<string[] | null>;
}

export interface SiteGroupLocaleService {
  primary(): string;
  codes(): Promise<string[]>;
  /** A locale the cluster knows (400 naming `locale` otherwise), or the primary one when absent. */
  resolve(locale?: string): Promise<string>;
}

export interface SiteGroupOwnershipService {
  ownerOf(uid: string, documentId: string): Promise<string | null>;
}

export interface SiteGroupOperationsService {
  /** Logs every change to rows of `uid` in the operations log, secrets masked. */
  track(uid: string, options: { subjectType: string; labelField?: string; secretFields?: string[] }): void;
}

/** One placement of an item as the Site panel shows it (only the fields other plugins read are typed). */
export interface PlacementSummary {
  site: { code: string } | null;
  column: { slug: string } | null;
  state: string;
}

export interface SiteGroupPlacementDeskService {
  /** Every placement of one item, all states, with its site and column. */
  forItem(uid: string, documentId: string, options?: { locale?: string }): Promise<PlacementSummary[]>;
}

export interface SiteGroupEditorScopeService {
  hierarchy(): Promise<SiteHierarchy>;
  siteCodes(userId: number, descendants?: 'as-assigned' | 'always'): Promise<string[]>;
  canActFor(actor: SiteActor, siteCode: string): Promise<boolean>;
  assertCanActFor(actor: SiteActor, siteCode: string, what: string): Promise<void>;
}

/** A page of a column's public items, as `GET /api/site-group/sites/:code/columns/:slug/items` answers it. */
export interface ColumnItemsPage {
  data: (DecoratedItem & { documentId: string; type: string; title?: string; path: string })[];
  meta: {
    site?: { code: string; name?: string; domain?: string | null; domains?: string[] };
    column?: { slug: string; name?: string };
    [field: string]: unknown;
  };
}

export interface SiteGroupSiteContentService {
  columnItems(input: { siteCode: string; slug: string; locale: string; page: number; pageSize: number }): Promise<ColumnItemsPage>;
  itemPlacements(documentId: string): Promise<ItemPlacement[]>;
  itemPlacementsOf(documentIds: string[]): Promise<Map<string, ItemPlacement[]>>;
}

export interface SiteGroupPlacementService {
  /** The site with this code; throws NotFoundError when there is none. */
  findSite(code: string): Promise<SiteSummary>;
  /** The column of a site; throws NotFoundError when there is none. */
  findColumn(siteId: number, slug: string, siteCode?: string): Promise<{ id: number; slug: string }>;
}

export interface SiteGroupPlacementFlowService {
  place(input: PlaceRequest, actor: SiteActor): Promise<{ id: number; state?: string; [field: string]: unknown }>;
  withdraw(placementId: number, actor: SiteActor): Promise<unknown>;
}

export interface SiteGroupTreeCacheService {
  revision(): Promise<string>;
}

export interface SiteTreeNode {
  id: number;
  code: string;
  name?: string;
  level?: string;
  children: SiteTreeNode[];
  [field: string]: unknown;
}

/** A column in the admin tree pickers (GET /site-group/tree): rule-filled and link columns take no placements. */
export interface AdminColumnNode {
  slug: string;
  name: string;
  kind: string;
  placeable: boolean;
  children: AdminColumnNode[];
}

/** A site in the admin tree pickers (GET /site-group/tree), named in the requested locale, with its columns nested. */
export interface AdminSiteNode {
  code: string;
  name: string;
  level: string;
  kind: string;
  /** Whether the current editor acts for this site. */
  mine: boolean;
  columns: AdminColumnNode[];
  children: AdminSiteNode[];
}

/** One placement as the admin screens show it (the Site panel, the placement inbox), sites and columns named. */
export interface PlacementView {
  id: number;
  contentType: string;
  documentId: string;
  title: string | null;
  ownerSite: string | null;
  /** The owning site named (where it is known). */
  owner: { code: string; name: string } | null;
  site: { code: string; name: string; level: string } | null;
  column: { slug: string; name: string; kind: string } | null;
  mode: 'reference' | 'copy';
  /** The copy's document, for a placement by copy. */
  copyDocumentId: string | null;
  state: 'active' | 'pending' | 'rejected' | 'withdrawn';
  origin: 'placed' | 'submitted' | 'pushed';
  pinned: boolean;
  priority: number;
  sitePublishedAt: string | null;
  itemPublished: boolean;
  placedBy: { id: number; name: string | null } | null;
  decidedBy: { id: number; name: string | null } | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
}

export interface SiteGroupSiteTreeService {
  tree(input: { locale: string; state?: string }): Promise<{ tree: SiteTreeNode[] }>;
}

/** Runs `publish` (the creation of a published copy) the way the registering plugin publishes trusted content. */
export type CopyPublisher = <T>(reason: string, publish: () => Promise<T>) => Promise<T>;

/**
 * Registration points of site-group for plugins above it:
 * - the copy publisher: how a copy of a published item is published (review-workflow: its trusted path);
 * - item decorators on the public column-items and site-item routes (bilingual: `alternates`).
 */
export interface SiteGroupHooksService extends ItemDecoratorRegistry {
  setCopyPublisher(publisher: CopyPublisher): void;
  /** Runs `publish` through the registered copy publisher, or directly when none is registered. */
  publishCopy<T>(reason: string, publish: () => Promise<T>): Promise<T>;
}

export interface SiteGroupServices {
  scope: SiteGroupScopeService;
  locale: SiteGroupLocaleService;
  ownership: SiteGroupOwnershipService;
  operations: SiteGroupOperationsService;
  'editor-scope': SiteGroupEditorScopeService;
  'placement-desk': SiteGroupPlacementDeskService;
  'site-content': SiteGroupSiteContentService;
  placement: SiteGroupPlacementService;
  'placement-flow': SiteGroupPlacementFlowService;
  'tree-cache': SiteGroupTreeCacheService;
  'site-tree': SiteGroupSiteTreeService;
  hooks: SiteGroupHooksService;
}
