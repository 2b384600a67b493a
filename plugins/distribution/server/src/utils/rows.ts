/**
 * The rows of distribution's own tables as the Query Engine returns them (it types every row as
 * untyped): each service names the row it reads with one of these, instead of reading `any`.
 */
import type { Snapshot } from '../services/outbox';

export type ChannelKind = 'webhook' | 'wechat' | 'weibo' | 'feed' | 'policy-library';

/** One rule of a policy library: policies of this level and theme file into this column. */
export interface PolicyLibraryRule {
  level?: string;
  theme?: string;
  column: string;
}

/** A channel's settings, by kind (validated by the channels service: only a kind's own keys are stored). */
export interface ChannelSettings {
  /** webhook */
  url?: string;
  events?: string[];
  /** wechat */
  author?: string;
  needOpenComment?: boolean;
  /** weibo */
  maxChars?: number;
  /** feed */
  title?: string;
  description?: string;
  columns?: string[];
  /** policy-library */
  includeDescendants?: boolean;
  rules?: PolicyLibraryRule[];
}

export interface ChannelRow {
  id: number;
  key: string;
  site: string;
  kind: ChannelKind;
  name: string | null;
  enabled: boolean;
  autoDeliver: boolean;
  credential: string | null;
  settings: ChannelSettings;
}

export type DeliveryOperation = 'create' | 'update' | 'delete' | 'notify';
export type DeliveryStatus = 'pending' | 'in_flight' | 'delivered' | 'dead' | 'cancelled';

/** What an outbox row carries to its adapter. */
export interface DeliveryPayload {
  /** create / update: the published version. */
  snapshot?: Snapshot;
  /** Placements and policy libraries: where the item goes. */
  route?: { column?: string; mode?: 'reference' | 'copy' };
  /** notify: the event and its data. */
  event?: string;
  data?: Record<string, unknown>;
  /** delete: an unpublish (`withdraw`) or a deletion. */
  withdrawal?: 'withdraw' | 'delete';
  reason?: string;
  retractionId?: number;
}

export interface DeliveryRow {
  id: number;
  contentType: string | null;
  itemDocumentId: string | null;
  itemLocale: string | null;
  version: string | null;
  operation: DeliveryOperation;
  channelKey: string;
  channelKind: string;
  site: string | null;
  orderingKey: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number | string | null;
  leaseUntil: number | string | null;
  claimToken: string | null;
  idempotencyKey: string;
  payload: DeliveryPayload;
  receipt: Record<string, unknown> | null;
  /** Steps the remote side has accepted (their ids), recorded before the outcome. */
  remote: Record<string, unknown> | null;
  lastError: string | null;
  deliveredAt: Date | string | null;
  retractionId: number | null;
  reason: string | null;
  createdAt?: Date | string;
  updatedAt?: Date | string;
}

/** One receipt of a retraction's placements (and of the unpublish). */
export interface PlacementReceipt {
  target: string;
  kind: 'site-column' | 'unpublish';
  site: string | null;
  status: 'done' | 'failed';
  at?: string;
  error?: string;
}

export interface RetractionRow {
  id: number;
  contentType: string;
  itemDocumentId: string;
  scope: { site: string; includeDescendants: boolean } | null;
  reason: string;
  status: 'running' | 'completed' | 'failed';
  actorId: number | null;
  actorEmail: string | null;
  placementReceipts: PlacementReceipt[] | null;
  completedAt: Date | string | null;
  createdAt?: Date | string;
}

/** An item row of a distributed content type: the columns distribution reads, the rest by name. */
export interface ItemRow {
  id: number;
  documentId: string;
  locale?: string | null;
  ownerSite?: string | null;
  publishedAt?: Date | string | null;
  updatedAt?: Date | string | number | null;
  /** The kernel's disclosure field (政务公开 types only). */
  disclosure?: unknown;
  [field: string]: unknown;
}
