import http from 'http';
import https from 'https';
import net from 'net';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * The one outbound HTTP client of the suite. Every request that leaves the server for an address a
 * user could influence (webhooks, channel APIs, fetched images, link checks) goes through
 * `outboundFetch`, which refuses private, loopback, link-local, multicast, reserved and unspecified
 * targets — IPv4 and IPv6, IPv4-mapped IPv6 included — unless the address is on the allow list.
 *
 * How: Node's global fetch (undici) takes no `http.Agent`, so requests go through `http(s).request`
 * with request-filtering-agent's agents (maintained, used by e.g. textlint and Misskey). The agent
 * checks an IP literal before connecting and every DNS answer inside the socket's own `lookup`, so
 * the address checked is the address connected to: a name that resolves to a public address for a
 * pre-check and to 127.0.0.1 a moment later (DNS rebinding) is still refused. Redirects are never
 * followed (a 3xx comes back as the answer), so a public URL cannot bounce the request inward.
 */

export interface OutboundOptions {
  /** IP addresses or CIDR ranges that may be reached although private (e.g. `127.0.0.1`, `10.20.0.0/16`). */
  allow?: readonly string[];
  /** Largest response body read, in bytes (default 10 MiB); a larger answer fails the request. */
  maxResponseBytes?: number;
}

/** The request was refused before it left: the target is not a public address, or the URL is not http(s). */
export class OutboundRefusedError extends Error {
  readonly code = 'EOUTBOUND_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads an allow list from config or an environment value (`"127.0.0.1, 10.0.0.0/8"` or a list).
 * Throws a readable error for an entry that is neither an IP address nor a CIDR range, so a typo
 * fails the boot instead of silently allowing nothing (or everything).
 */
export const parseAllowList = (value: string | readonly string[] | null | undefined): string[] => {
  const entries = (typeof value === 'string' ? value.split(',') : [...(value ?? [])]).map((e) => String(e).trim()).filter(Boolean);
  for (const entry of entries) {
    const [ip, bits, extra] = entry.split('/');
    const family = net.isIP(ip);
    const maxBits = family === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !validBits || extra !== undefined) throw new Error(`outbound allow list: "${entry}" is not an IP address or CIDR range`);
  }
  return entries;
};

const agents = new Map<string, http.Agent>();
/** One filtering agent per (protocol, allow list): agents are cheap but hold their socket pools. */
const agentFor = (protocol: 'http:' | 'https:', allow: readonly string[]): http.Agent => {
  const key = `${protocol}|${allow.join(',')}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: false, allowPrivateIPAddress: false, allowMetaIPAddress: false, allowIPAddressList: [...allow] };
    agent = protocol === 'https:' ? new RequestFilteringHttpsAgent(options) : new RequestFilteringHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
};

/** The message request-filtering-agent gives a refused address. */
const REFUSED = /is not allowed\. Because/;

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * Like `fetch(url, init)`, through the filtering agent. Bodies: string, Buffer, URLSearchParams,
 * FormData, Blob (encoded as fetch would, content type included). `init.signal` aborts (timeouts).
 * Rejects with `OutboundRefusedError` for a refused target; network errors keep their `code`.
 */
export const outboundFetch = async (url: string | URL, init: RequestInit = {}, options: OutboundOptions = {}): Promise<Response> => {
  let target: URL;
  try {
    target = new URL(String(url));
  } catch {
    throw new OutboundRefusedError(`not a URL: ${JSON.stringify(String(url))}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundRefusedError(`only http(s) URLs may be requested, not ${target.protocol}`);
  if (target.username || target.password) throw new OutboundRefusedError('URLs with credentials in them are refused');
  const allow = parseAllowList(options.allow);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;

  // Let the platform encode the body exactly as fetch would (multipart boundary, charset).
  const method = (init.method ?? 'GET').toUpperCase();
  const prepared = new Request(target, { method, headers: init.headers, body: init.body ?? null });
  const body = method === 'GET' || method === 'HEAD' ? null : Buffer.from(await prepared.arrayBuffer());
  const headers: Record<string, string> = {};
  prepared.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body) headers['content-length'] = String(body.length);

  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const req = transport.request(
      target,
      { method, headers, agent: agentFor(target.protocol as 'http:' | 'https:', allow), signal: init.signal ?? undefined },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy(new Error(`${target.host}: answer larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          resolve(new Response(NULL_BODY_STATUS.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
        });
      }
    );
    req.on('error', (error: Error & { code?: string }) => {
      if (REFUSED.test(error?.message ?? '')) reject(new OutboundRefusedError(`${target.host}: ${error.message}`));
      else reject(error);
    });
    req.end(body ?? undefined);
  });
};
