/** What the admin routes answer (see the plugin README, "Admin API"). */
export interface ColumnNode {
  slug: string;
  name: string;
  kind: string;
  placeable: boolean;
  children: ColumnNode[];
}

export interface SiteNode {
  code: string;
  name: string;
  level: string;
  kind: string;
  /** Whether the current editor acts for this site. */
  mine: boolean;
  columns: ColumnNode[];
  children: SiteNode[];
}

export interface Placement {
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
