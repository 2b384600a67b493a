import { DeliveryError } from '../utils/delivery-error';
import { pluginConfig } from '../utils/get-service';

/** A request with the configured timeout; network errors and 5xx/408/429 are retried, other 4xx are permanent. */
export const request = async (url: string, init: RequestInit & { expectJson?: boolean } = {}) => {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(pluginConfig<any>('dispatcher').requestTimeoutMs) });
  } catch (error: any) {
    throw new DeliveryError(`${new URL(url).host}: ${error?.cause?.code ?? error?.name ?? 'network error'} ${error?.message ?? ''}`.trim());
  }
  const text = await response.text();
  if (!response.ok) {
    const retriable = response.status >= 500 || [408, 425, 429].includes(response.status);
    throw new DeliveryError(`${new URL(url).host} answered ${response.status}: ${text.slice(0, 300)}`, { permanent: !retriable });
  }
  let json: any = null;
  if (init.expectJson !== false) {
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
  }
  return { status: response.status, text, json };
};
