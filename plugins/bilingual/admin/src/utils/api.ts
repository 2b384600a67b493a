import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type LocaleStatus = 'source' | 'missing' | 'up-to-date' | 'outdated';

/** One locale of a document as `GET /bilingual/documents/:uid/:documentId/status` answers it (drafts). */
export interface LocaleState {
  locale: string;
  status: LocaleStatus;
  published: boolean;
  updatedAt: string | null;
  machineAssisted?: boolean;
  translatedAt?: string | null;
}

export interface DocumentStatus {
  uid: string;
  documentId: string;
  sourceLocale: string;
  locales: LocaleState[];
}

/** `GET|PUT /bilingual/documents/:uid/:documentId/translation`: declared once in the kernel's contracts. */
export type { TranslationField, TranslationView } from '@jiyue/kernel/contracts';

interface ServerError {
  response?: { data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } } } };
  message?: string;
}

/** The message of a failed admin request: the server's (it names the field or the site), else the client's. */
export const errorMessage = (error: unknown): string => {
  const e = error as ServerError;
  return e?.response?.data?.error?.message ?? e?.message ?? String(error);
};

/** The server's 400 per field of the body's `data` (`details.errors[].path = ['data', '<field>']`). */
export const fieldMessages = (error: unknown): Record<string, string> => {
  const list = (error as ServerError)?.response?.data?.error?.details?.errors ?? [];
  return Object.fromEntries(
    list.filter((e) => e.path?.[0] === 'data' && e.path[1]).map((e) => [String(e.path![1]), e.message ?? '']),
  );
};

/** The locales of one document (drafts); reloads when `revision` changes (the document was saved) or on `reload()`. */
export const useDocumentStatus = (uid: string, documentId: string | undefined, revision: unknown, enabled: boolean) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: DocumentStatus | null; error: string | null }>({ data: null, error: null });
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!documentId || !enabled) return undefined;
    let live = true;
    get<{ data: DocumentStatus }>(`/bilingual/documents/${uid}/${documentId}/status`)
      .then((res) => live && setState({ data: res.data.data, error: null }))
      .catch((error: unknown) => live && setState({ data: null, error: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [get, uid, documentId, revision, enabled, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
};
