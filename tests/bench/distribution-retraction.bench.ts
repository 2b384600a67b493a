import http from 'http';
import type { AddressInfo } from 'net';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { defineBench } from './lib/bench';
import { adminJwt } from './lib/http';

const ARTICLE = 'api::article.article';

/**
 * One fake receiver for every external channel: webhooks, the WeChat API (token, freepublish/get,
 * freepublish/delete) and the Weibo API (statuses/destroy). Answers at once, like a healthy platform.
 */
const fakePlatforms = async () => {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count += 1;
      const path = new URL(req.url!, 'http://x').pathname;
      const json =
        path === '/cgi-bin/stable_token' ? { access_token: 'T', expires_in: 7200 }
        : path === '/cgi-bin/freepublish/get' ? { publish_status: 0, article_id: 'A1' }
        : path.startsWith('/cgi-bin/') ? { errcode: 0, errmsg: 'ok' }
        : path.startsWith('/2/statuses/') ? { id: 1 }
        : {};
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => count, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
};

export default defineBench({
  name: 'distribution-retraction',
  description:
    'Retraction of one item placed in all 38 sites of the Garzê cluster with 6 targets per site (a column, WeChat, Weibo, 3 webhooks: 228 receipts) ' +
    'to local fake receivers, timed from POST /distribution/retractions until every receipt is done; baseline: the same 190 channel calls sent in a plain loop.',
  async run({ strapi, baseUrl, record }) {
    await seedDemoSites(strapi);
    const fake = await fakePlatforms();
    const credentials = strapi.config.get('plugin::distribution.credentials') as Record<string, unknown>;
    const sites = (await strapi.db.query('plugin::site-group.site').findMany({ select: ['code'] })).map((s: any) => s.code as string);
    Object.assign(credentials, { hook: { site: sites, secret: 'bench' }, wx: { site: sites, appId: 'wx', appSecret: 'wxs' }, wb: { site: sites, accessToken: 'wbt' } });
    // The fakes listen on loopback (allowed for the bench) and are the API origins (server config, not channel settings).
    strapi.config.set('plugin::distribution.outbound.allow', ['127.0.0.1']);
    strapi.config.set('plugin::distribution.wechat.baseUrl', fake.url);
    strapi.config.set('plugin::distribution.weibo.baseUrl', fake.url);
    const channelService = strapi.plugin('distribution').service('channels');
    const outbox = strapi.plugin('distribution').service('outbox');
    const dispatcher = strapi.plugin('distribution').service('dispatcher');
    for (const site of sites) {
      await channelService.create({ site, kind: 'wechat', credential: 'wx', settings: {} });
      await channelService.create({ site, kind: 'weibo', credential: 'wb', settings: {} });
      for (const n of [1, 2, 3]) await channelService.create({ key: `webhook:${site}-${n}`, site, kind: 'webhook', credential: 'hook', settings: { url: `${fake.url}/hook/${site}/${n}` } });
    }

    const doc = await strapi.plugin('review-workflow').service('publish-gate').withTrustedPublish('bench fixture', () =>
      strapi.documents(ARTICLE).create({ data: { title: '关于2024年全州机关事业单位公开招聘工作人员的公告', summary: '招聘公告', ownerSite: 'ganzi' } as any, status: 'published' })
    );
    // What a publish with these targets leaves behind: 38 placements and 190 delivered channel rows.
    const snapshot = await outbox.snapshot(ARTICLE, doc.documentId, 'zh-Hans');
    const rows: { target: { channelKey: string; channelKind: string; site: string; route?: { column: string; mode: string } } }[] = [];
    for (const site of sites) {
      rows.push({ target: { channelKey: `site-column:${site}/tzgg`, channelKind: 'site-column', site, route: { column: 'tzgg', mode: 'reference' } } });
      for (const key of [`wechat:${site}`, `weibo:${site}`, `webhook:${site}-1`, `webhook:${site}-2`, `webhook:${site}-3`]) rows.push({ target: { channelKey: key, channelKind: key.split(':')[0], site } });
    }
    await strapi.db.transaction(() => outbox.enqueue(rows.map((r) => ({ ...r, operation: 'create', uid: ARTICLE, documentId: doc.documentId, locale: 'zh-Hans', version: 'v1', payload: { snapshot } }))));
    dispatcher.kick();
    if (!(await dispatcher.drain(60_000))) throw new Error('the publish deliveries did not drain');
    const delivered = await strapi.db.query('plugin::distribution.delivery').count({ where: { status: 'delivered' } });
    record.note(`${delivered} deliveries of the publish delivered to ${sites.length} sites`);

    // Baseline: the 190 withdrawal calls alone, sent from a plain loop with the dispatcher's concurrency.
    const calls = sites.flatMap((site) => [`/cgi-bin/freepublish/delete?s=${site}`, `/2/statuses/destroy.json?s=${site}`, `/hook/${site}/1`, `/hook/${site}/2`, `/hook/${site}/3`]);
    const baselineStart = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => { while (next < calls.length) await fetch(`${fake.url}${calls[next++]}`, { method: 'POST', body: '{}' }); }));
    const baselineMs = performance.now() - baselineStart;

    const jwt = await adminJwt(strapi, baseUrl);
    const started = performance.now();
    const res = await fetch(new URL('/distribution/retractions', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ uid: ARTICLE, documentId: doc.documentId, scope: { site: 'ganzi', includeDescendants: true }, reason: '招聘人数有误' }),
    });
    const created = (await res.json()) as any;
    if (res.status !== 201) throw new Error(`retraction: ${res.status} ${JSON.stringify(created)}`);
    const accepted = performance.now() - started;
    let final: any;
    for (;;) {
      const r = await fetch(new URL(`/distribution/retractions/${created.data.id}`, baseUrl), { headers: { authorization: `Bearer ${jwt}` } });
      final = ((await r.json()) as any).data;
      if (final.status !== 'running' || performance.now() - started > 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const allDone = performance.now() - started;
    record.note(`receipts: ${JSON.stringify(final.counts)}, status ${final.status}`);
    record.figure('retraction request answered', accepted, 'ms', { details: { placements: sites.length } });
    record.figure('retraction: all receipts done (38 sites × 6 targets)', allDone, 'ms', {
      baseline: { name: '190 withdrawal calls in a plain loop', value: baselineMs },
      target: { kind: 'max', value: 2000 },
      details: { receipts: final.receipts.length, counts: final.counts },
    });
    record.figure('retraction receipts not done', final.counts.pending + final.counts.failed, 'receipts', { target: { kind: 'max', value: 0 } });
    await fake.close();
  },
});
