import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID, REVIEW_CHANGED_EVENT } from '../constants';

/** A channel the owning site's editor may choose (`targets.available` on the server). */
export interface ChoosableChannel {
  key: string;
  kind: 'webhook' | 'wechat' | 'weibo';
  site: string;
  name: string;
  /** Delivers every publish of the site anyway: shown ticked, not a choice. */
  autoDeliver: boolean;
}

export interface Placement {
  site: string;
  column: string;
  mode?: 'reference' | 'copy';
}

export interface Available {
  ownerSite: string | null;
  channels: ChoosableChannel[];
  policyLibraries: { key: string; site: string; name: string }[];
  feeds: { site: string; column: string; rss: string; json: string }[];
  chosen: { placements: Placement[]; channels: string[] } | null;
}

export type DeliveryStatus = 'pending' | 'in_flight' | 'delivered' | 'dead' | 'cancelled';

export interface Delivery {
  id: number;
  operation: 'create' | 'update' | 'delete' | 'notify';
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number | null;
  receipt: Record<string, unknown> | null;
  lastError: string | null;
  deliveredAt: string | null;
  retractionId: number | null;
  idempotencyKey: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** One target of the item (a channel key) with its newest delivery first (`deliveries.forItem`). */
export interface TargetDeliveries {
  channelKey: string;
  channelKind: string;
  site: string | null;
  latest: Delivery;
  history: Delivery[];
}

/** The server's error message from a useFetchClient failure (Strapi's `{ error: { message } }`). */
export const errorMessage = (e: unknown): string => {
  const response = (e as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (e instanceof Error ? e.message : String(e));
};

/** Reloads on every review action of the page (the review stage decides whether targets may change). */
const useReviewTick = () => {
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    const reload = () => setTick((t) => t + 1);
    window.addEventListener(REVIEW_CHANGED_EVENT, reload);
    return () => window.removeEventListener(REVIEW_CHANGED_EVENT, reload);
  }, []);
  return tick;
};

const UNSETTLED: DeliveryStatus[] = ['pending', 'in_flight'];
const POLL_MS = 2_000;
const MAX_POLLS = 60;

/**
 * Everything the Distribution panel shows for one locale of a document: what may be chosen (and what
 * follows read-only), the deliveries per target, and the review stage (null when review-workflow is
 * not readable for this admin). `revision` (the document's updatedAt/status) reloads it after a save
 * or publish; while a published item's deliveries are still queued, they are polled.
 */
export const useDistribution = (model: string, documentId: string | undefined, locale: string | undefined, revision: string, published: boolean) => {
  const { get } = useFetchClient();
  const reviewTick = useReviewTick();
  const [tick, setTick] = React.useState(0);
  const [available, setAvailable] = React.useState<Available | null>(null);
  const [deliveries, setDeliveries] = React.useState<TargetDeliveries[] | null>(null);
  const [stage, setStage] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const polls = React.useRef(0);

  const base = documentId ? `/${PLUGIN_ID}/documents/${model}/${documentId}` : null;

  React.useEffect(() => {
    polls.current = 0;
  }, [revision]);

  React.useEffect(() => {
    if (!base || !locale) return undefined;
    let live = true;
    const params = { locale };
    Promise.all([
      get<{ data: Available }>(`${base}/targets`, { params }),
      get<{ data: TargetDeliveries[] }>(`${base}/deliveries`, { params }),
      get<{ data: { state: { stage?: string } | null } }>(`/review-workflow/documents/${model}/${documentId}/history`, { params }).then(
        (res) => res.data.data.state?.stage ?? 'draft',
        () => null,
      ),
    ])
      .then(([targets, items, reviewStage]) => {
        if (!live) return;
        setAvailable(targets.data.data);
        setDeliveries(items.data.data);
        setStage(reviewStage);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [get, base, model, documentId, locale, revision, reviewTick, tick]);

  // After publish the dispatcher delivers in the background: follow it until every target settled.
  const unsettled = published && deliveries !== null && (deliveries.length === 0 || deliveries.some((t) => UNSETTLED.includes(t.latest.status)));
  React.useEffect(() => {
    if (!unsettled || polls.current >= MAX_POLLS) return undefined;
    const timer = setTimeout(() => {
      polls.current += 1;
      setTick((t) => t + 1);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [unsettled, deliveries]);

  return { available, deliveries, stage, error, reload: () => setTick((t) => t + 1) };
};
