import { DeliveryError } from '../utils/delivery-error';
import { getService } from '../utils/get-service';
import { thrown } from '../utils/thrown';
import { apiAccount, request } from './http';
import type { Adapter } from './types';

/** The fields of WeChat's JSON answers read here (each API documents its own). */
interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  media_id?: string;
  publish_id?: string;
  publish_status?: number;
  article_id?: string;
}

/** The steps of a delivery WeChat has accepted, recorded on the row (`delivery.remote`). */
type WechatDone = {
  withdrawn?: boolean;
  withdrawnArticleId?: string | null;
  thumbMediaId?: string;
  draftMediaId?: string;
  publishId?: string;
};

/** Access tokens per appId, with their expiry. stable_token lets several instances share one token without invalidating each other's. */
const tokens = new Map<string, { token: string; expiresAt: number }>();
const EXPIRED_TOKEN = new Set([40001, 40014, 42001]);
const TRANSIENT = new Set([-1, 45009, 45011]);

const check = (answer: unknown, what: string, appId: string): WechatAnswer => {
  const json = answer as WechatAnswer | null;
  if (json && json.errcode && json.errcode !== 0) {
    if (EXPIRED_TOKEN.has(json.errcode)) tokens.delete(appId);
    throw new DeliveryError(`WeChat ${what}: ${json.errcode} ${json.errmsg ?? ''}`.trim(), { permanent: !EXPIRED_TOKEN.has(json.errcode) && !TRANSIENT.has(json.errcode) });
  }
  return json ?? {};
};

const accessToken = async (base: string, appId: string, appSecret: string) => {
  const cached = tokens.get(appId);
  if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
  const { json: answer } = await request(`${base}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false }),
  });
  const json = check(answer, 'stable_token', appId);
  if (!json.access_token) throw new DeliveryError('WeChat stable_token: no access_token in the answer');
  tokens.set(appId, { token: json.access_token, expiresAt: Date.now() + Number(json.expires_in ?? 7200) * 1000 });
  return json.access_token as string;
};

const postJson = async (url: string, body: unknown, what: string, appId: string) => {
  const { json } = await request(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
  return check(json, what, appId);
};

/** freepublish/delete of an article that is no longer there: the withdrawal is already done. */
const GONE = new Set([53600]);

/**
 * WeChat Official Account (公众号): upload the cover (permanent material), add a draft, submit it
 * for publishing (freepublish). Withdrawal deletes the published article; an update withdraws the
 * old article and publishes the new version (the API cannot edit a published article).
 *
 * Every step the API accepts is recorded on the delivery row at once (`record`), before the next
 * one: a retry after a crash skips what is recorded — no second cover, draft or submission, no
 * second delete of the old article. An article WeChat reports as gone counts as withdrawn.
 */
export const wechat: Adapter = {
  needsChannel: true,
  needsPreviousReceipt: true,
  async deliver(input) {
    const { delivery, channel, previousReceipt, record, creds, base, done } = apiAccount<WechatDone>('wechat', input, ['appId', 'appSecret']);
    const step = async (values: WechatDone) => {
      Object.assign(done, values);
      await record(values);
    };
    let token: string | null = null;
    const q = async () => `access_token=${encodeURIComponent((token ??= await accessToken(base, creds.appId, creds.appSecret)))}`;

    const withdraw = async () => {
      if (done.withdrawn) return done.withdrawnArticleId ?? null;
      if (!previousReceipt?.publishId) return null;
      let articleId = previousReceipt.articleId as string | undefined;
      if (!articleId) {
        const status = await postJson(`${base}/cgi-bin/freepublish/get?${await q()}`, { publish_id: previousReceipt.publishId }, 'freepublish/get', creds.appId);
        if (status.publish_status === 1) throw new DeliveryError('WeChat is still publishing the previous version; retrying');
        articleId = status.article_id;
      }
      if (articleId) {
        try {
          await postJson(`${base}/cgi-bin/freepublish/delete?${await q()}`, { article_id: articleId, index: 0 }, 'freepublish/delete', creds.appId);
        } catch (error) {
          const code = Number(/WeChat freepublish\/delete: (-?\d+)/.exec(thrown(error).message ?? '')?.[1]);
          if (!GONE.has(code)) throw error;
        }
      }
      await step({ withdrawn: true, withdrawnArticleId: articleId ?? null });
      return articleId ?? null;
    };

    if (delivery.operation === 'delete') return { withdrawnArticleId: await withdraw() };
    const withdrawn = delivery.operation === 'update' ? await withdraw() : null;

    if (!done.publishId) {
      if (!done.draftMediaId) {
        const snapshot = delivery.payload.snapshot!;
        const rendering = getService('rendering');
        if (!done.thumbMediaId) {
          const cover = await rendering.coverFor(snapshot, 'wechat-cover');
          const form = new FormData();
          form.append('media', new Blob([new Uint8Array(cover.buffer)], { type: 'image/jpeg' }), `cover-${delivery.itemDocumentId}.jpg`);
          const { json: uploaded } = await request(`${base}/cgi-bin/material/add_material?${await q()}&type=image`, { method: 'POST', body: form });
          await step({ thumbMediaId: check(uploaded, 'material/add_material', creds.appId).media_id });
        }
        const text = rendering.wechat(snapshot, { author: channel.settings?.author });
        const draft = await postJson(
          `${base}/cgi-bin/draft/add?${await q()}`,
          {
            articles: [
              {
                title: text.title,
                author: text.author,
                digest: text.digest,
                content: text.content,
                content_source_url: snapshot.url,
                thumb_media_id: done.thumbMediaId,
                need_open_comment: channel.settings?.needOpenComment ? 1 : 0,
                only_fans_can_comment: 0,
              },
            ],
          },
          'draft/add',
          creds.appId
        );
        await step({ draftMediaId: draft.media_id });
      }
      const submitted = await postJson(`${base}/cgi-bin/freepublish/submit?${await q()}`, { media_id: done.draftMediaId }, 'freepublish/submit', creds.appId);
      await step({ publishId: submitted.publish_id });
    }
    return { thumbMediaId: done.thumbMediaId, draftMediaId: done.draftMediaId, publishId: done.publishId, ...(withdrawn ? { replacedArticleId: withdrawn } : {}) };
  },
};
