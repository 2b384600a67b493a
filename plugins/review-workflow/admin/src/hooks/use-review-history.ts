import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Finding, ReviewStage } from '@jiyue/admin-ui';
import type { ReviewApproval } from '@jiyue/kernel/contracts';
import { PLUGIN_ID, REVIEW_CHANGED_EVENT } from '../constants';

/** An approval on the state: the kernel contract's shape, shared with the server. */
export type Approval = ReviewApproval;

export interface ReviewState {
  stage: ReviewStage;
  approvals: Approval[] | null;
  lastComment: string | null;
  submittedById: number | null;
  lastEditorId: number | null;
  cycle: number;
  ownerSite: string | null;
}

export interface ReviewEvent {
  id: number;
  action: string;
  stage: string;
  actorId: number | null;
  actorName: string | null;
  comment: string | null;
  flagged: boolean;
  findings: Finding[] | null;
  createdAt: string;
}

/** Tells every review view of the page (panel, document actions) to reload. */
export const announceReviewChange = () => window.dispatchEvent(new Event(REVIEW_CHANGED_EVENT));

/**
 * The review state and history of one locale of a document (`GET /review-workflow/documents/:uid/:documentId/history`).
 * Reloads after any review action on the page and whenever `revision` (e.g. the document's updatedAt) changes.
 */
export const useReviewHistory = (model: string, documentId: string | undefined, locale: string | undefined, revision?: unknown) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<{ state: ReviewState | null; events: ReviewEvent[] } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [tick, setTick] = React.useState(0);

  React.useEffect(() => {
    const reload = () => setTick((t) => t + 1);
    window.addEventListener(REVIEW_CHANGED_EVENT, reload);
    return () => window.removeEventListener(REVIEW_CHANGED_EVENT, reload);
  }, []);

  React.useEffect(() => {
    if (!documentId || !locale) return;
    let live = true;
    get<{ data: { state: ReviewState | null; events: ReviewEvent[] } }>(`/${PLUGIN_ID}/documents/${model}/${documentId}/history`, { params: { locale } })
      .then((res) => {
        if (!live) return;
        setData(res.data.data);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [get, model, documentId, locale, revision, tick]);

  return { state: data?.state ?? null, events: data?.events ?? [], loaded: data !== null, error };
};

/** What changes when the Content Manager saves, publishes or unpublishes the document: the review state may have moved. */
export const revisionOf = (document?: object | null) => {
  const d = (document ?? {}) as { updatedAt?: unknown; status?: unknown; publishedAt?: unknown };
  return `${d.updatedAt ?? ''}|${d.status ?? ''}|${d.publishedAt ?? ''}`;
};

/** The server's error message from a useFetchClient failure (Strapi's `{ error: { message } }`). */
export const errorMessage = (e: unknown): string => {
  const response = (e as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (e instanceof Error ? e.message : String(e));
};
