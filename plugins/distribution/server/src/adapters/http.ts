import { OutboundRefusedError, outboundFetch } from '@jiyue/kernel';
import { DeliveryError } from '../utils/delivery-error';
import { pluginConfig } from '../utils/get-service';

/** Outbound requests of this plugin: the kernel's filtering client with the configured allow list. */
export const fetchOutbound = (url: string, init: RequestInit = {}) => outboundFetch(url, init, { allow: pluginConfig<{ allow: string[] }>('outbound')?.allow ?? [] });

/**
 * A request with the configured timeout, through the kernel's outbound agent (private, loopback and
 * link-local targets refused — for good: a refused address is not retried). Network errors and
 * 5xx/408/429 are retried, other 4xx are permanent. Redirects are not followed.
 */
export const request = async (url: string, init: RequestInit & { expectJson?: boolean } = {}) => {
  let response: Response;
  const { expectJson, ...requestInit } = init;
  try {
    response = await fetchOutbound(url, { ...requestInit, signal: AbortSignal.timeout(pluginConfig<any>('dispatcher').requestTimeoutMs) });
  } catch (error: any) {
    if (error instanceof OutboundRefusedError) throw new DeliveryError(`refused: ${error.message}`, { permanent: true });
    throw new DeliveryError(`${new URL(url).host}: ${error?.code ?? error?.cause?.code ?? error?.name ?? 'network error'} ${error?.message ?? ''}`.trim());
  }
  const text = await response.text();
  if (!response.ok) {
    const retriable = response.status >= 500 || [408, 425, 429].includes(response.status);
    throw new DeliveryError(`${new URL(url).host} answered ${response.status}: ${text.slice(0, 300)}`, { permanent: !retriable });
  }
  let json: any = null;
  if (expectJson !== false) {
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
  }
  return { status: response.status, text, json };
};
