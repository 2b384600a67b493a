import { isIP } from 'net';
import { decodeEntities, excerptAround, MARKDOWN_LINK } from '@jiyue/kernel';
import type { Finding } from './types';

/**
 * Links in a field (markdown, HTML or plain text), internal or external to the cluster. Every
 * external link is listed for the reviewer (外链检查); whether it still answers is a separate,
 * optional network step (checkReachability) that the caller runs off the request path.
 */

export type LinkSource = 'markdown' | 'markdown-image' | 'html' | 'autolink' | 'bare';

export interface ExtractedLink {
  /** The URL as written (HTML character references decoded, as a browser reads an attribute). */
  url: string;
  /** UTF-16 offsets of the URL in the raw text. */
  start: number;
  end: number;
  source: LinkSource;
}

export type LinkClass = 'internal' | 'external' | 'malformed' | 'other';

// <a href>, <area href>, <img src>, <iframe src>, <embed src>, <source src>, <video src>, <audio src>.
// Attribute text stops at the next < or > (quoted values included), so one unclosed tag can't
// make the scan quadratic.
const HTML_URL_ATTR = /<(?:a|area|img|iframe|embed|source|video|audio)\s(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*?\b(?:href|src)\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>`=]+))/gi;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/gi;
// A bare URL runs until whitespace, markup, quotes, or CJK / full-width punctuation (、。《》，（）…).
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;


/** Drops sentence punctuation after a bare URL, and a closing parenthesis it does not open. */
const trimBareUrl = (url: string): string => {
  let out = url.replace(TRAILING_PUNCTUATION, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return out;
};

export const extractLinks = (text: string): ExtractedLink[] => {
  const links: ExtractedLink[] = [];
  const covered: [number, number][] = [];
  const add = (url: string, start: number, end: number, source: LinkSource, decode = false) => {
    if (!url.trim()) return;
    links.push({ url: decode ? decodeEntities(url, { attribute: true }) : url, start, end, source });
    covered.push([start, end]);
  };

  MARKDOWN_LINK.lastIndex = 0;
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const url = m[3] ?? m[4] ?? '';
    const at = m.index! + m[0].indexOf(url, m[1].length + m[2].length + 2);
    add(url, at, at + url.length, m[1] ? 'markdown-image' : 'markdown');
  }
  for (const m of text.matchAll(HTML_URL_ATTR)) {
    const url = m[1] ?? m[2] ?? m[3] ?? '';
    const at = m.index! + m[0].length - url.length - (m[3] === undefined ? 1 : 0);
    add(url, at, at + url.length, 'html', true);
  }
  for (const m of text.matchAll(AUTOLINK)) add(m[1], m.index! + 1, m.index! + 1 + m[1].length, 'autolink');
  // Bare URLs last, skipping the ones already found inside markup.
  for (const m of text.matchAll(BARE_URL)) {
    const url = trimBareUrl(m[0]);
    const start = m.index!;
    if (covered.some(([s, e]) => start < e && s < start + url.length)) continue;
    add(url, start, start + url.length, 'bare');
  }
  return links.sort((a, b) => a.start - b.start);
};

/** A domain list as hostnames: lower case, punycode, no scheme, port or trailing dot. */
export const normalizeDomains = (domains: readonly string[]): string[] =>
  domains
    .map((d) => {
      const text = d.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\*\./, '');
      try {
        return new URL(`http://${text}`).hostname.replace(/\.$/, '');
      } catch {
        return '';
      }
    })
    .filter(Boolean);

/**
 * internal: relative, or the host is a cluster domain or a subdomain of one (gzz.gov.cn covers
 * www.gzz.gov.cn and kangding.gzz.gov.cn, not evilgzz.gov.cn); external: any other http(s) host;
 * malformed: looks like an http(s) URL but does not parse; other: mailto:, tel:, javascript: …
 */
export const classifyLink = (url: string, clusterHosts: readonly string[]): { class: LinkClass; host?: string } => {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { class: 'other' };
  if (!scheme && !trimmed.startsWith('//')) return { class: 'internal' }; // /path, ./x, #anchor, ?q
  let host: string;
  try {
    host = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed).hostname.replace(/\.$/, '');
  } catch {
    return { class: 'malformed' };
  }
  if (!host) return { class: 'malformed' };
  const internal = clusterHosts.some((d) => host === d || host.endsWith(`.${d}`));
  return { class: internal ? 'internal' : 'external', host };
};

export interface CheckLinksOptions {
  /** Hostnames of the cluster (e.g. ['gzz.gov.cn']); subdomains count as internal. */
  clusterDomains?: readonly string[];
  /** Per field, a same-length copy of the text to cut excerpts from (personal data masked). */
  excerptSources?: Record<string, string>;
}

/** One info finding per external link occurrence, one warning per malformed http(s) link. */
export const checkLinks = (fields: Record<string, string>, options: CheckLinksOptions = {}): Finding[] => {
  const hosts = normalizeDomains(options.clusterDomains ?? []);
  const findings: Finding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text || !/https?:|\/\/|href|src/i.test(text)) continue;
    for (const link of extractLinks(text)) {
      const verdict = classifyLink(link.url, hosts);
      if (verdict.class !== 'external' && verdict.class !== 'malformed') continue;
      const external = verdict.class === 'external';
      findings.push({
        check: 'link',
        rule: external ? 'external-link' : 'malformed-link',
        field,
        offset: link.start,
        length: link.end - link.start,
        excerpt: excerptAround(options.excerptSources?.[field] ?? text, link.start, link.end),
        severity: external ? 'info' : 'warning',
        message: external ? `外部链接：${verdict.host}` : `链接地址无效：${link.url}`,
        ...(external ? { category: 'external' } : {}),
      });
    }
  }
  return findings;
};

// ---------------------------------------------------------------------------------------------
// Reachability (optional, network)
// ---------------------------------------------------------------------------------------------

export type Reachability = 'ok' | 'broken' | 'unknown';

export interface ReachabilityResult {
  url: string;
  status: Reachability;
  /** The HTTP status the verdict rests on, when one came back. */
  httpStatus?: number;
  method?: 'HEAD' | 'GET';
  /** Why the status is 'unknown' (timeout, network error, blocked address …). */
  reason?: string;
}

export interface ReachabilityOptions {
  /** Per request. Default 5000 ms. */
  timeoutMs?: number;
  /** Default: the global fetch. Injected in tests. */
  fetchImpl?: typeof fetch;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /**
   * Allow loopback, private and link-local IP literals (127.0.0.1, 10.x, 169.254.x …). Off by
   * default: the URLs come from editors, and a reachability probe must not become a way to make the
   * server call into its own network. Hostnames are not resolved here; a caller that checks links
   * on a server with an internal network should also route the probe through an egress proxy.
   */
  allowPrivateAddresses?: boolean;
}

const isPrivateAddress = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  const family = isIP(bare);
  if (family === 4) {
    const [a, b] = bare.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (family === 6) return bare === '::' || bare === '::1' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || bare.startsWith('::ffff:');
  return false;
};

// Statuses that say nothing about the link itself: HEAD not supported (405, 501), rate limiting (429).
const INCONCLUSIVE = new Set([405, 429, 501]);

type Attempt = { httpStatus: number } | { error: string };

type ProbeSettings = Required<Pick<ReachabilityOptions, 'timeoutMs' | 'fetchImpl' | 'allowPrivateAddresses'>>;

const MAX_REDIRECTS = 5;

/**
 * One request, following redirects by hand (at most 5) so that every hop passes the same address
 * check as the first: a public URL must not redirect the probe into the private network.
 */
const attempt = async (url: URL, method: 'HEAD' | 'GET', options: ProbeSettings): Promise<Attempt> => {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (!options.allowPrivateAddresses && isPrivateAddress(current.hostname)) return { error: 'redirected to a private or loopback address' };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    let response: Response;
    try {
      response = await options.fetchImpl(current.href, { method, redirect: 'manual', signal: controller.signal, headers: { 'user-agent': 'jiyue-link-check/1.0' } });
      // Only the status matters: do not download a body.
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      if (controller.signal.aborted) return { error: `timeout after ${options.timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string } })?.cause?.code;
      return { error: cause ?? (error instanceof Error ? error.message : String(error)) };
    } finally {
      clearTimeout(timer);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { httpStatus: response.status };
    try {
      current = new URL(location, current);
    } catch {
      return { error: `invalid redirect location "${location}"` };
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return { error: `redirect to ${current.protocol}` };
  }
  return { error: `more than ${MAX_REDIRECTS} redirects` };
};

/**
 * HEAD, then GET when HEAD did not give a plain success. 'broken' needs a real 4xx/5xx answer
 * (other than the inconclusive 405/429/501); a timeout, a refused connection or a DNS failure is
 * 'unknown', never 'broken': the site may be down for a minute, or unreachable only from here.
 * After a timeout or a network error the GET is not tried: it would wait on the same host again.
 * Redirects are followed (and checked hop by hop); a redirect loop or a redirect into the private
 * network is 'unknown'.
 */
const probe = async (url: string, options: ProbeSettings): Promise<ReachabilityResult> => {
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return { url, status: 'unknown', reason: 'not a valid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url, status: 'unknown', reason: `not an http(s) URL` };
  if (!options.allowPrivateAddresses && isPrivateAddress(parsed.hostname)) return { url, status: 'unknown', reason: 'private or loopback address not probed' };

  const head = await attempt(parsed, 'HEAD', options);
  if ('error' in head) return { url, status: 'unknown', method: 'HEAD', reason: head.error };
  if (head.httpStatus < 400) return { url, status: 'ok', httpStatus: head.httpStatus, method: 'HEAD' };

  const get = await attempt(parsed, 'GET', options);
  if ('httpStatus' in get) {
    if (get.httpStatus < 400) return { url, status: 'ok', httpStatus: get.httpStatus, method: 'GET' };
    if (INCONCLUSIVE.has(get.httpStatus)) return { url, status: 'unknown', httpStatus: get.httpStatus, method: 'GET', reason: `HTTP ${get.httpStatus}` };
    return { url, status: 'broken', httpStatus: get.httpStatus, method: 'GET' };
  }
  // GET failed on the network after HEAD got an answer: HEAD's answer is the evidence there is.
  if (!INCONCLUSIVE.has(head.httpStatus)) return { url, status: 'broken', httpStatus: head.httpStatus, method: 'HEAD' };
  return { url, status: 'unknown', httpStatus: head.httpStatus, method: 'GET', reason: get.error };
};

/** One result per distinct URL, in the order given. */
export const checkReachability = async (urls: readonly string[], options: ReachabilityOptions = {}): Promise<ReachabilityResult[]> => {
  const settings = {
    timeoutMs: options.timeoutMs ?? 5000,
    fetchImpl: options.fetchImpl ?? fetch,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
  };
  const distinct = [...new Set(urls)];
  const results: ReachabilityResult[] = new Array(distinct.length);
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const index = next++;
      results[index] = await probe(distinct[index], settings);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, distinct.length)) }, worker));
  return results;
};
