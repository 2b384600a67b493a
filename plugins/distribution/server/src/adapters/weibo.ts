import { DeliveryError } from '../utils/delivery-error';
import { getService, pluginConfig } from '../utils/get-service';
import { thrown } from '../utils/thrown';
import { apiAccount, request } from './http';
import type { Adapter } from './types';

/** The fields of Weibo's JSON answers read here. */
interface WeiboAnswer {
  error_code?: number;
  error?: string;
  id?: number;
  idstr?: string;
}

/** The steps of a delivery Weibo has accepted, recorded on the row (`delivery.remote`). */
type WeiboDone = { destroyed?: boolean; destroyedId?: string | null; id?: string };

const GONE = new Set([20101, 20112]); // the post no longer exists / is not visible: nothing left to delete
const TRANSIENT = new Set([10001, 10009, 10022, 10023, 10024]);

const call = async (url: string, params: Record<string, string>): Promise<(WeiboAnswer & { gone?: boolean; code?: number }) | null> => {
  let result;
  try {
    result = await request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams(params).toString() });
  } catch (error) {
    // Weibo answers errors with HTTP 400 and a JSON body; read the code to decide.
    const message = thrown(error).message;
    const match = /"error_code"\s*:\s*(\d+)/.exec(message ?? '');
    if (match) {
      const code = Number(match[1]);
      if (GONE.has(code)) return { gone: true, code };
      throw new DeliveryError(message!, { permanent: !TRANSIENT.has(code) });
    }
    throw error;
  }
  const json = result.json as WeiboAnswer | null;
  if (json?.error_code) {
    if (GONE.has(json.error_code)) return { gone: true, code: json.error_code };
    throw new DeliveryError(`Weibo: ${json.error_code} ${json.error}`, { permanent: !TRANSIENT.has(json.error_code) });
  }
  return json;
};

/**
 * Weibo: statuses/share (plain text within the limit plus the item's link; the link must be on a
 * domain registered as the app's safe domain) and statuses/destroy for withdrawals. Weibo cannot
 * edit a post, so an update replaces it. The new post's id and the old post's removal are each
 * recorded on the delivery row as soon as Weibo accepts them, so a retry after a crash neither posts
 * twice nor deletes again; a post Weibo reports as gone counts as deleted.
 */
export const weibo: Adapter = {
  needsChannel: true,
  needsPreviousReceipt: true,
  async deliver(input) {
    const { delivery, channel, previousReceipt, record, creds, base, done } = apiAccount<WeiboDone>('weibo', input, ['accessToken']);
    const destroy = async () => {
      if (done.destroyed) return done.destroyedId ?? null;
      if (!previousReceipt?.id) return null;
      await call(`${base}/2/statuses/destroy.json`, { access_token: creds.accessToken, id: String(previousReceipt.id) });
      const values: WeiboDone = { destroyed: true, destroyedId: String(previousReceipt.id) };
      Object.assign(done, values);
      await record(values);
      return values.destroyedId;
    };
    if (delivery.operation === 'delete') return { destroyedId: await destroy() };
    const replaced = delivery.operation === 'update' ? await destroy() : null;
    if (!done.id) {
      const maxChars = channel.settings?.maxChars ?? pluginConfig('weibo').maxChars;
      const status = getService('rendering').weibo(delivery.payload.snapshot!, maxChars);
      const posted = (await call(`${base}/2/statuses/share.json`, { access_token: creds.accessToken, status }))!;
      done.id = posted.idstr ?? String(posted.id);
      await record({ id: done.id });
    }
    return { id: done.id, ...(replaced ? { replacedId: replaced } : {}) };
  },
};
