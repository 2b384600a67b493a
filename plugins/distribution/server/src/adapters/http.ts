import { OutboundRefusedError, outboundFetch } from '@jiyue/kernel';
import { DeliveryError } from '../utils/delivery-error';
import { getService, pluginConfig } from '../utils/get-service';
import { thrown } from '../utils/thrown';
import { channelOf, type DeliverInput } from './types';

/** Outbound requests of this plugin: the kernel's filtering client with the configured allow list. */
export const fetchOutbound = (url: string, init: RequestInit = {}) => outboundFetch(url, init, { allow: pluginConfig('outbound')?.allow ?? [] });

/**
 * A request with the configured timeout, through the kernel's outbound agent (private, loopback and
 * link-local targets refused — for good: a refused address is not retried). Network errors and
 * 5xx/408/429 are retried, other 4xx are permanent. Redirects are not followed.
 */
export const request = async (url: string, init: RequestInit & { expectJson?: boolean } = {}) => {
  let response: Response;
  const { expectJson, ...requestInit } = init;
  try {
    response = await fetchOutbound(url, { ...requestInit, signal: AbortSignal.timeout(pluginConfig('dispatcher').requestTimeoutMs) });
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw new DeliveryError(`refused: ${error.message}`, { permanent: true });
    const e = thrown(error);
    throw new DeliveryError(`${new URL(url).host}: ${e.code ?? e.cause?.code ?? e.name ?? 'network error'} ${e.message ?? ''}`.trim());
  }
  const text = await response.text();
  if (!response.ok) {
    const retriable = response.status >= 500 || [408, 425, 429].includes(response.status);
    throw new DeliveryError(`${new URL(url).host} answered ${response.status}: ${text.slice(0, 300)}`, { permanent: !retriable });
  }
  // The answer's JSON, unread: each adapter reads the fields its API documents.
  let json: unknown = null;
  if (expectJson !== false) {
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
  }
  return { status: response.status, text, json };
};

/**
 * The account of a WeChat or Weibo channel: its credential (resolved for the channel's site, with
 * every field in `needs`), the API origin (server config only: a channel row cannot send the token
 * elsewhere) and the steps a previous attempt recorded (`delivery.remote`), with the rest of the input.
 */
export const apiAccount = <Done extends object>(kind: 'wechat' | 'weibo', input: DeliverInput, needs: string[]) => {
  const { delivery } = input;
  const channel = channelOf(input);
  const resolved = getService('channels').resolveCredential(channel.credential, channel.site);
  const creds = resolved.ok ? resolved.values : null;
  if (!creds || needs.some((field) => !creds[field])) throw new DeliveryError(`credential "${channel.credential}": ${resolved.ok ? `lacks ${needs.join('/')}` : resolved.message}`, { permanent: true });
  const base = String(pluginConfig(kind).baseUrl).replace(/\/$/, '');
  const done = { ...(delivery.remote ?? {}) } as Done;
  return { ...input, channel, creds, base, done };
};
