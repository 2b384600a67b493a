import { DeliveryError } from '../utils/delivery-error';
import { getService, pluginConfig } from '../utils/get-service';
import { request } from './http';
import type { Adapter } from './types';

const GONE = new Set([20101, 20112]); // the post no longer exists / is not visible: nothing left to delete
const TRANSIENT = new Set([10001, 10009, 10022, 10023, 10024]);

const call = async (url: string, params: Record<string, string>) => {
  let result;
  try {
    result = await request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams(params).toString() });
  } catch (error: any) {
    // Weibo answers errors with HTTP 400 and a JSON body; read the code to decide.
    const match = /"error_code"\s*:\s*(\d+)/.exec(error?.message ?? '');
    if (match) {
      const code = Number(match[1]);
      if (GONE.has(code)) return { gone: true, code };
      throw new DeliveryError(error.message, { permanent: !TRANSIENT.has(code) });
    }
    throw error;
  }
  if (result.json?.error_code) {
    if (GONE.has(result.json.error_code)) return { gone: true, code: result.json.error_code };
    throw new DeliveryError(`Weibo: ${result.json.error_code} ${result.json.error}`, { permanent: !TRANSIENT.has(result.json.error_code) });
  }
  return result.json;
};

/**
 * Weibo: statuses/share (plain text within the limit plus the item's link; the link must be on a
 * domain registered as the app's safe domain) and statuses/destroy for withdrawals. Weibo cannot
 * edit a post, so an update replaces it.
 */
export const weibo: Adapter = {
  needsChannel: true,
  needsPreviousReceipt: true,
  async deliver({ delivery, channel, previousReceipt }) {
    const creds = getService('channels').credential(channel.credential);
    if (!creds?.accessToken) throw new DeliveryError(`credential "${channel.credential}" lacks accessToken`, { permanent: true });
    const base = String(channel.settings?.baseUrl ?? pluginConfig<any>('weibo').baseUrl).replace(/\/$/, '');
    const destroy = async () => {
      if (!previousReceipt?.id) return null;
      await call(`${base}/2/statuses/destroy.json`, { access_token: creds.accessToken, id: String(previousReceipt.id) });
      return String(previousReceipt.id);
    };
    if (delivery.operation === 'delete') return { destroyedId: await destroy() };
    const replaced = delivery.operation === 'update' ? await destroy() : null;
    const maxChars = channel.settings?.maxChars ?? pluginConfig<any>('weibo').maxChars;
    const status = getService('rendering').weibo(delivery.payload.snapshot, maxChars);
    const posted = await call(`${base}/2/statuses/share.json`, { access_token: creds.accessToken, status });
    return { id: posted.idstr ?? String(posted.id), ...(replaced ? { replacedId: replaced } : {}) };
  },
};
