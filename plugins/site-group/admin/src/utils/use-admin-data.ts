import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** The message of a failed admin request: the server's (it names the field or the site), else the client's. */
export const errorMessage = (error: unknown): string => {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e?.response?.data?.error?.message ?? e?.message ?? String(error);
};

/**
 * GETs an admin route of the suite and keeps `{ data, error, loading }`; `reload()` fetches again
 * (after a move). `url` null: nothing to fetch yet (e.g. an unsaved document).
 */
export const useAdminData = <T>(url: string | null) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: Boolean(url) });
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<{ data: T }>(url)
      .then((res) => live && setState({ data: res.data.data, error: null, loading: false }))
      .catch((error: unknown) => live && setState({ data: null, error: errorMessage(error), loading: false }));
    return () => {
      live = false;
    };
  }, [url, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
};
