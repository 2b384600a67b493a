/**
 * The events the plugins emit on `strapi.eventHub`, named `<plugin>.<noun>.<verb>`, with their
 * payloads. Listeners must be idempotent: an event may be seen twice. Use `emitEvent` / `onEvent`
 * so a payload and its listener agree on the shape.
 */
export interface EventPayloads {
  /** A placement was made, moved between states or removed (`removed`: how many went with a deleted item). */
  'site-group.placement.changed': { uid: string; documentId: string; site?: string; column?: string; state?: string; removed?: number };
  /** A file used by published items was replaced, updated or deleted (the items kept pointing at it). */
  'site-group.media.changed': {
    action: 'replace' | 'update' | 'delete';
    fileIds: number[];
    documents: { uid: string; documentId: string; locale: string | null; ownerSite: string | null }[];
    actorId?: number | null;
  };
  /** One locale of a document moved between review stages. */
  'review-workflow.stage.changed': {
    uid: string;
    documentId: string;
    locale: string;
    site?: string | null;
    from: string;
    to: string;
    external?: boolean;
    emergency?: boolean;
  };
  /** The final approval of one locale (the publish that follows delivers to the chosen targets). */
  'review-workflow.approved': { uid: string; documentId: string; locale: string; site?: string | null; contentHash?: string };
  /** Submission targets of one locale were chosen or changed. */
  'distribution.targets.changed': { uid: string; documentId: string; locale: string; placements: number; channels: number };
  /** A cluster-wide retraction finished (`failed`: deliveries that could not be withdrawn). */
  'distribution.retraction.completed': { uid: string; documentId: string; retractionId: number; failed: number };
  'distribution.replacement.previewed': { id: number; items: number; matches: number };
  'distribution.replacement.applied': { id: number; applied: number; skipped: number; failed: number };
  'distribution.replacement.rolled-back': { id: number; restored: number; skipped: number; failed: number };
  /** A policy's eligibility rules changed or were removed. */
  'policy-match.eligibility.changed': { uid: string; documentId: string; removed?: boolean };
  /** Matching profiles were notified of a newly published policy. */
  'policy-match.audience.notified': { uid: string; documentId: string; notified: number; [status: string]: unknown };
  'policy-match.comment.approved': { uid: string; documentId: string; commentId: number };
  'policy-match.comment.rejected': { uid: string; documentId: string; commentId: number };
}

export type EventName = keyof EventPayloads;

/** The part of `strapi.eventHub` used here (structural: the kernel does not import Strapi). */
export interface EventHubLike {
  emit(name: string, payload?: unknown): Promise<unknown> | unknown;
  // any: Strapi's own listener type takes `...args: any[]`.
  on(name: string, listener: (...args: any[]) => unknown): unknown;
}

export const emitEvent = <N extends EventName>(hub: EventHubLike, name: N, payload: EventPayloads[N]) => hub.emit(name, payload);

export const onEvent = <N extends EventName>(hub: EventHubLike, name: N, listener: (payload: EventPayloads[N]) => unknown) =>
  hub.on(name, listener as (...args: unknown[]) => unknown);
