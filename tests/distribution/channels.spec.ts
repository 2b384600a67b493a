import sharp from 'sharp';
import type { TestApp } from '../helpers/strapi';
import type { AdminSession } from '../helpers/auth';
import { ARTICLE, as, bootDistributionApp, deliveries, publishThroughReview, startReceiver, waitFor, type Received } from './lib';

/** WeChat Official Account and Weibo adapters against local fake servers that check every request. */
let app: TestApp;
let editor: AdminSession;
let reviewers: AdminSession[];

const BODY = '<h2>一、总体要求</h2><p style="color:red" class="x">以习近平新时代中国特色社会主义思想为指导，全面提升全州政务公开质量。</p><script>alert("x")</script><p onmouseover="steal()">二、主要任务</p><img src="javascript:alert(1)">';

/** The file part named `name` of a multipart body. */
const multipartFile = (req: Received, name: string) => {
  const boundary = /boundary=(.+)$/.exec(String(req.headers['content-type']))?.[1];
  if (!boundary) return null;
  const raw = req.body;
  const marker = Buffer.from(`name="${name}"`);
  const at = raw.indexOf(marker);
  if (at < 0) return null;
  const start = raw.indexOf(Buffer.from('\r\n\r\n'), at) + 4;
  const end = raw.indexOf(Buffer.from(`\r\n--${boundary}`), start);
  return { headers: raw.subarray(at, start).toString(), data: raw.subarray(start, end) };
};

const wechatLog: string[] = [];
let expireTokenOnce = true;
const wechatServer = () =>
  startReceiver((req) => {
    const url = new URL(req.url, 'http://x');
    wechatLog.push(url.pathname);
    const token = url.searchParams.get('access_token');
    if (url.pathname === '/cgi-bin/stable_token') {
      if (req.json?.appid !== 'wx-ganzi' || req.json?.secret !== 'wx-secret' || req.json?.grant_type !== 'client_credential') return { json: { errcode: 40125, errmsg: 'invalid appsecret' } };
      return { json: { access_token: `T${wechatLog.length}`, expires_in: 7200 } };
    }
    if (!token?.startsWith('T')) return { json: { errcode: 40001, errmsg: 'invalid credential' } };
    switch (url.pathname) {
      case '/cgi-bin/material/add_material': {
        const file = multipartFile(req, 'media');
        if (url.searchParams.get('type') !== 'image' || !file || !/image\/jpeg/.test(file.headers)) return { json: { errcode: 40004, errmsg: 'invalid media type' } };
        return { json: { media_id: `thumb-${file.data.length}`, url: 'http://mmbiz.qpic.cn/x' } };
      }
      case '/cgi-bin/draft/add': {
        if (expireTokenOnce) {
          expireTokenOnce = false;
          return { json: { errcode: 42001, errmsg: 'access_token expired' } };
        }
        const [article] = req.json?.articles ?? [];
        if (!article?.title || !article.thumb_media_id || !article.content) return { json: { errcode: 40007, errmsg: 'missing fields' } };
        return { json: { media_id: 'draft-1' } };
      }
      case '/cgi-bin/freepublish/submit':
        return { json: req.json?.media_id === 'draft-1' ? { errcode: 0, errmsg: 'ok', publish_id: '100000001' } : { errcode: 40007, errmsg: 'invalid media_id' } };
      case '/cgi-bin/freepublish/get':
        return { json: { publish_id: req.json?.publish_id, publish_status: 0, article_id: 'ARTICLE_1' } };
      case '/cgi-bin/freepublish/delete':
        return { json: req.json?.article_id === 'ARTICLE_1' && req.json?.index === 0 ? { errcode: 0, errmsg: 'ok' } : { errcode: 40007, errmsg: 'invalid article' } };
      default:
        return { status: 404 };
    }
  });

const weiboServer = () =>
  startReceiver((req) => {
    const form = new URLSearchParams(req.text);
    if (form.get('access_token') !== 'weibo-token') return { status: 400, json: { error: 'invalid_access_token', error_code: 21332, request: req.url } };
    if (req.url === '/2/statuses/share.json') return { json: { id: 4990000000000001, idstr: '4990000000000001', text: form.get('status') } };
    if (req.url === '/2/statuses/destroy.json') return form.get('id') === '4990000000000001' ? { json: { id: 4990000000000001 } } : { status: 400, json: { error: 'not found', error_code: 20101 } };
    return { status: 404 };
  });

let wechat: Awaited<ReturnType<typeof startReceiver>>;
let weibo: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  process.env.JIYUE_CHANNEL_TEST_WEIBO_TOKEN = 'weibo-token';
  ({ app, editor, reviewers } = await bootDistributionApp({
    'wechat-ganzi': { site: 'ganzi', appId: 'wx-ganzi', appSecret: 'env:JIYUE_CHANNEL_TEST_WX_SECRET' },
    'weibo-ganzi': { site: 'ganzi', accessToken: 'env:JIYUE_CHANNEL_TEST_WEIBO_TOKEN' },
  }));
  process.env.JIYUE_CHANNEL_TEST_WX_SECRET = 'wx-secret';
  wechat = await wechatServer();
  weibo = await weiboServer();
  // API origins are server config, not channel settings.
  app.strapi.config.set('plugin::distribution.wechat.baseUrl', wechat.url);
  app.strapi.config.set('plugin::distribution.weibo.baseUrl', weibo.url);
  expect((await as(app, editor).post('/distribution/channels', { site: 'ganzi', kind: 'wechat', credential: 'wechat-ganzi', settings: { author: '甘孜州人民政府' } })).status).toBe(201);
  expect((await as(app, editor).post('/distribution/channels', { site: 'ganzi', kind: 'weibo', credential: 'weibo-ganzi', settings: { maxChars: 60 } })).status).toBe(201);
});
afterAll(async () => {
  await wechat?.close();
  await weibo?.close();
  await app?.stop();
});

describe('WeChat Official Account and Weibo', () => {
  let id: string;

  it('publishes to WeChat (cover, draft, submit) with inline-styled HTML and no scripts, and to Weibo as short plain text with the link', async () => {
    id = await publishThroughReview(
      app,
      { editor, reviewers },
      { title: '甘孜州2024年政务公开工作要点', summary: '为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，进一步提升全州政务公开质量和实效，现就2024年政务公开工作提出以下要点。', body: BODY, ownerSite: 'ganzi' },
      { channels: ['wechat:ganzi', 'weibo:ganzi'] }
    );
    await waitFor(async () => (await deliveries(app, { itemDocumentId: id })).every((r) => r.status === 'delivered'));
    const rows = await deliveries(app, { itemDocumentId: id });
    expect(rows.find((r) => r.channelKind === 'wechat').receipt).toMatchObject({ draftMediaId: 'draft-1', publishId: '100000001' });
    expect(rows.find((r) => r.channelKind === 'weibo').receipt).toMatchObject({ id: '4990000000000001' });

    // The expired token was refreshed and the draft retried.
    expect(wechatLog.filter((p) => p === '/cgi-bin/stable_token').length).toBe(2);
    const upload = wechat.requests.find((r) => r.url.startsWith('/cgi-bin/material/add_material'))!;
    const cover = await sharp(multipartFile(upload, 'media')!.data).metadata();
    expect({ width: cover.width, height: cover.height, format: cover.format }).toEqual({ width: 900, height: 383, format: 'jpeg' });

    const draft = wechat.requests.filter((r) => r.url.startsWith('/cgi-bin/draft/add')).pop()!;
    const [article] = draft.json.articles;
    expect(article).toMatchObject({ title: '甘孜州2024年政务公开工作要点', author: '甘孜州人民政府', thumb_media_id: expect.stringMatching(/^thumb-/), need_open_comment: 0 });
    expect(article.content_source_url).toContain(id);
    expect(article.content).not.toMatch(/<script|onmouseover|javascript:|class=/i);
    expect(article.content).toMatch(/<p style="[^"]+">以习近平新时代中国特色社会主义思想为指导/);
    expect(article.content).toMatch(/<h2 style="[^"]+">一、总体要求<\/h2>/);
    expect([...article.digest].length).toBeLessThanOrEqual(120);

    const share = weibo.requests.find((r) => r.url === '/2/statuses/share.json')!;
    const status = new URLSearchParams(share.text).get('status')!;
    const [text, link] = status.split(' ');
    expect(link).toContain(id);
    expect([...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text)].length).toBeLessThanOrEqual(60 - 12 - 1);
    expect(text.startsWith('【甘孜州2024年政务公开工作要点】为深入贯彻落实')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('withdraws the WeChat article and the Weibo post on retraction', async () => {
    const res = await as(app, editor).post('/distribution/retractions', { uid: ARTICLE, documentId: id, scope: { site: 'ganzi', includeDescendants: true }, reason: '要点内容有误' });
    expect(res.status).toBe(201);
    const done = await waitFor(async () => {
      const r = await as(app, editor).get(`/distribution/retractions/${res.body.data.id}`);
      return r.body.data.status !== 'running' ? r.body.data : null;
    });
    expect(done.status).toBe('completed');
    expect(wechat.requests.filter((r) => r.url.startsWith('/cgi-bin/freepublish/delete'))).toHaveLength(1);
    expect(new URLSearchParams(weibo.requests.find((r) => r.url === '/2/statuses/destroy.json')!.text).get('id')).toBe('4990000000000001');
    const receipts = Object.fromEntries(done.receipts.map((r: any) => [r.target, r]));
    expect(receipts['wechat:ganzi'].receipt).toMatchObject({ withdrawnArticleId: 'ARTICLE_1' });
    expect(receipts['weibo:ganzi'].receipt).toMatchObject({ destroyedId: '4990000000000001' });
  });

  it('dead-letters a Weibo post refused for a bad token without retrying', async () => {
    process.env.JIYUE_CHANNEL_TEST_WEIBO_TOKEN = 'revoked';
    try {
      const other = await publishThroughReview(app, { editor, reviewers }, { title: '甘孜州关于开展安全生产大检查的通知', ownerSite: 'ganzi' }, { channels: ['weibo:ganzi'] });
      const [row] = await waitFor(async () => {
        const rows = await deliveries(app, { itemDocumentId: other });
        return rows[0]?.status === 'dead' ? rows : null;
      });
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/21332/);
    } finally {
      process.env.JIYUE_CHANNEL_TEST_WEIBO_TOKEN = 'weibo-token';
    }
  });
});

describe('channel rendering', () => {
  it('caches renditions: the second WeChat cover of the same image is read from the cache', async () => {
    const rendering = app.strapi.plugin('distribution').service('rendering');
    // A colour of its own, so an earlier run's cache cannot answer the first request.
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: `#${require('crypto').randomBytes(3).toString('hex')}` } }).jpeg().toBuffer();
    const first = await rendering.rendition(photo, 'wechat-cover');
    const second = await rendering.rendition(photo, 'wechat-cover');
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.buffer.equals(first.buffer)).toBe(true);
    const thumb = await sharp((await rendering.rendition(photo, 'wechat-thumb')).buffer).metadata();
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 200, height: 200 });
    const webp = await sharp((await rendering.rendition(photo, 'weibo-image')).buffer).metadata();
    expect(webp.format).toBe('webp');
  });

  it('never cuts a Tibetan syllable when shortening a Weibo post', async () => {
    const rendering = app.strapi.plugin('distribution').service('rendering');
    const title = 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ་མི་དམངས་སྲིད་གཞུང་གི་གསལ་བསྒྲགས།'.normalize('NFC');
    const status: string = rendering.weibo({ fields: { title }, url: 'https://www.gzz.gov.cn/ganzi/items/x' } as any, 40);
    const text = status.split(' ')[0].replace('…', '');
    expect(title.startsWith(text)).toBe(true);
    expect(text.endsWith('་')).toBe(true);
  });
});
