/**
 * What the admin routes answer (see the plugin README, "Admin API"): the kernel contract's shapes,
 * the ones the server builds them with (services/placement-desk.ts).
 */
import type { AdminColumnNode, AdminSiteNode, PlacementView } from '@jiyue/kernel/contracts';

export type ColumnNode = AdminColumnNode;
export type SiteNode = AdminSiteNode;
export type Placement = PlacementView;
