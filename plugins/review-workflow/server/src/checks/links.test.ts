import http from 'http';
import type { AddressInfo } from 'net';
import { domainToASCII } from 'url';
import { checkLinks, checkReachability, classifyLink, extractLinks, normalizeDomains } from './links';

const CLUSTER = normalizeDomains(['gzz.gov.cn']);
const urls = (text: string) => extractLinks(text).map((l) => [l.source, l.url, text.slice(l.start, l.end)]);

describe('extractLinks', () => {
  it('finds markdown links and images with their raw offsets', () => {
    const text = '见[通知](https://www.gzz.gov.cn/a_(1).html "标题")与![图](<https://img.example.com/a b.png>)';
    expect(urls(text)).toEqual([
      ['markdown', 'https://www.gzz.gov.cn/a_(1).html', 'https://www.gzz.gov.cn/a_(1).html'],
      ['markdown-image', 'https://img.example.com/a b.png', 'https://img.example.com/a b.png'],
    ]);
  });

  it('finds HTML href and src in any quoting, decoding &amp;', () => {
    const text = `<a class="x" href="https://a.example.com/?x=1&amp;y=2">甲</a><img alt='src=no' src='https://b.example.com/i.png'><a href=https://c.example.com/p>丙</a>`;
    expect(urls(text)).toEqual([
      ['html', 'https://a.example.com/?x=1&y=2', 'https://a.example.com/?x=1&amp;y=2'],
      ['html', 'https://b.example.com/i.png', 'https://b.example.com/i.png'],
      ['html', 'https://c.example.com/p', 'https://c.example.com/p'],
    ]);
  });

  it('finds bare URLs and stops at Chinese punctuation and sentence ends', () => {
    const text = '详见http://www.sc.gov.cn/10462/zfwj.shtml。另见（https://example.com/a）和 https://en.wikipedia.org/wiki/Foo_(bar), 以及<https://auto.example.com/x>';
    expect(urls(text).map(([source, url]) => [source, url])).toEqual([
      ['bare', 'http://www.sc.gov.cn/10462/zfwj.shtml'],
      ['bare', 'https://example.com/a'],
      ['bare', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
      ['autolink', 'https://auto.example.com/x'],
    ]);
  });

  it('does not list a URL twice when markup contains it', () => {
    expect(extractLinks('<a href="https://a.example.com/">https://a.example.com/</a>')).toHaveLength(2); // the href and the visible text
    expect(extractLinks('[https://a.example.com/](https://a.example.com/)')).toHaveLength(1);
  });
});

describe('classifyLink', () => {
  it.each([
    ['https://gzz.gov.cn/a', 'internal'],
    ['https://www.gzz.gov.cn/a', 'internal'],
    ['http://KANGDING.GZZ.GOV.CN./x', 'internal'],
    ['//luding.gzz.gov.cn/x', 'internal'],
    ['/column/notice', 'internal'],
    ['#top', 'internal'],
    ['https://evilgzz.gov.cn/', 'external'],
    ['https://gzz.gov.cn.example.com/', 'external'],
    ['https://www.sc.gov.cn/', 'external'],
    ['mailto:office@gzz.gov.cn', 'other'],
    ['tel:0836-2822345', 'other'],
    ['javascript:void(0)', 'other'],
    ['http://exa mple.com/', 'malformed'],
    ['http://', 'malformed'],
  ])('%s → %s', (url, expected) => {
    expect(classifyLink(url, CLUSTER).class).toBe(expected);
  });

  it('normalizes configured domains', () => {
    const idn = normalizeDomains(['https://GZZ.gov.cn/', '*.sc.gov.cn', '甘孜.中国', '']);
    expect(idn).toEqual(['gzz.gov.cn', 'sc.gov.cn', domainToASCII('甘孜.中国')]);
    expect(classifyLink('https://www.甘孜.中国/政务公开', idn).class).toBe('internal'); // IDN links compare in punycode
  });
});

describe('checkLinks', () => {
  it('lists every external link occurrence as info and malformed ones as warnings', () => {
    const body = '[省政府](https://www.sc.gov.cn/) 与 [本站](https://www.gzz.gov.cn/) 及 https://www.sc.gov.cn/ 和 <a href="http://bad host/">坏</a>';
    const findings = checkLinks({ body }, { clusterDomains: ['gzz.gov.cn'] });
    expect(findings.map((f) => [f.rule, f.severity, body.slice(f.offset, f.offset + f.length)])).toEqual([
      ['external-link', 'info', 'https://www.sc.gov.cn/'],
      ['external-link', 'info', 'https://www.sc.gov.cn/'],
      ['malformed-link', 'warning', 'http://bad host/'],
    ]);
    expect(findings[0]).toMatchObject({ check: 'link', field: 'body', category: 'external', message: '外部链接：www.sc.gov.cn' });
  });
});

describe('checkReachability (local servers on 127.0.0.1 only)', () => {
  let server: http.Server;
  let silent: http.Server;
  let base = '';
  let silentBase = '';
  let refusedBase = '';
  const requests: string[] = [];

  const listen = (s: http.Server) => new Promise<string>((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const status: Record<string, number> = { '/ok': 200, '/missing': 404, '/gone': 410, '/error': 500, '/busy': 429 };
      if (req.url === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end('body');
      if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      res.writeHead(status[req.url ?? ''] ?? 404).end(req.method === 'HEAD' ? undefined : 'x'.repeat(100_000));
    });
    silent = http.createServer(() => undefined); // accepts the connection, never answers
    base = await listen(server);
    silentBase = await listen(silent);
    const closed = http.createServer();
    refusedBase = await listen(closed);
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
  });

  afterAll(async () => {
    for (const s of [server, silent]) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  });

  it('tells ok, broken and unknown apart', async () => {
    const results = await checkReachability(
      [`${base}/ok`, `${base}/moved`, `${base}/no-head`, `${base}/missing`, `${base}/gone`, `${base}/error`, `${base}/busy`, `${silentBase}/hang`, `${refusedBase}/x`],
      { timeoutMs: 300, allowPrivateAddresses: true }
    );
    expect(results.map((r) => [r.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''), r.status, r.httpStatus ?? null, r.method ?? null])).toEqual([
      ['/ok', 'ok', 200, 'HEAD'],
      ['/moved', 'ok', 200, 'HEAD'], // redirect followed
      ['/no-head', 'ok', 200, 'GET'], // HEAD not allowed, GET works
      ['/missing', 'broken', 404, 'GET'],
      ['/gone', 'broken', 410, 'GET'],
      ['/error', 'broken', 500, 'GET'],
      ['/busy', 'unknown', 429, 'GET'], // rate limited says nothing about the link
      ['/hang', 'unknown', null, 'HEAD'], // a timeout is never "broken"
      ['/x', 'unknown', null, 'HEAD'], // neither is a refused connection
    ]);
    expect(results[7].reason).toMatch(/timeout/);
    expect(requests).toContain('HEAD /missing');
    expect(requests).toContain('GET /missing');
  });

  it('gives up on a redirect loop', async () => {
    const [result] = await checkReachability([`${base}/loop`], { timeoutMs: 300, allowPrivateAddresses: true });
    expect(result).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/redirects/) });
  });

  it('does not follow a redirect into the private network', async () => {
    const seen: string[] = [];
    const fetchImpl = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    }) as typeof fetch;
    const [result] = await checkReachability(['https://a.example.com/'], { fetchImpl });
    expect(result).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/private/) });
    expect(seen).toEqual(['https://a.example.com/']);
  });

  it('does not probe loopback or private addresses unless allowed', async () => {
    const before = requests.length;
    const [result] = await checkReachability([`${base}/ok`], { timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/private/) });
    expect(requests.length).toBe(before);
  });

  it('uses the injected fetch, checks each distinct URL once, and treats a thrown error as unknown', async () => {
    const seen: string[] = [];
    const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push(`${init?.method} ${String(url)}`);
      if (String(url).includes('down')) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const results = await checkReachability(['https://a.example.com/', 'https://a.example.com/', 'https://down.example.com/'], { fetchImpl });
    expect(results.map((r) => [r.status, r.reason ?? null])).toEqual([
      ['ok', null],
      ['unknown', 'ENOTFOUND'],
    ]);
    expect(seen).toEqual(['HEAD https://a.example.com/', 'HEAD https://down.example.com/']);
  });
});
