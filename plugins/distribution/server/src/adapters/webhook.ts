import { sanitizeRichText, sanitizeStrings, attributesOf } from '@jiyue/kernel';
import { DeliveryError } from '../utils/delivery-error';
import { getService } from '../utils/get-service';
import { signWebhook } from '../utils/sign-webhook';
import { request } from './http';
import { channelOf, type Adapter } from './types';

/**
 * Rich-text fields of the snapshot pass the kernel's webhook allow list; plain fields are text and stay as they are.
 * A `notify` event's `data` has no schema: every string in it passes the webhook allow list.
 */
const safeFields = (uid: string, fields: Record<string, unknown> | undefined) => {
  if (!fields) return fields;
  const attributes = attributesOf(strapi, uid);
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, attributes[name]?.type === 'richtext' && typeof value === 'string' ? sanitizeRichText(value, 'webhook') : value])
  );
};

/**
 * POSTs JSON to the channel's URL. Headers: `X-Jiyue-Delivery-Id` (the outbox row),
 * `Idempotency-Key` (the same on every attempt of that row), `X-Jiyue-Event`, `X-Jiyue-Timestamp`
 * (unix seconds) and `X-Jiyue-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
 */
export const webhook: Adapter = {
  needsChannel: true,
  async deliver(input) {
    const { delivery } = input;
    const channel = channelOf(input);
    const resolved = getService('channels').resolveCredential(channel.credential, channel.site);
    const secret = resolved.ok ? resolved.values.secret : null;
    if (!secret) throw new DeliveryError(`credential "${channel.credential}": ${resolved.ok ? 'has no secret' : resolved.message}`, { permanent: true });
    // An unpublished item is withdrawn (it may come back with a later create); a deleted or retracted one is deleted.
    const event: string =
      delivery.operation === 'notify' ? delivery.payload.event! : delivery.operation === 'delete' && delivery.payload?.withdrawal === 'withdraw' ? 'document.withdraw' : `document.${delivery.operation}`;
    const snapshot = delivery.payload.snapshot;
    const body = JSON.stringify({
      id: delivery.id,
      event,
      idempotencyKey: delivery.idempotencyKey,
      site: delivery.site,
      ...(delivery.operation === 'notify'
        ? { data: sanitizeStrings(delivery.payload.data, 'webhook') }
        : {
            document: {
              uid: delivery.contentType,
              documentId: delivery.itemDocumentId,
              locale: delivery.itemLocale,
              version: delivery.version,
              ...(snapshot ? { type: snapshot.type, url: snapshot.url, publishedAt: snapshot.publishedAt, fields: safeFields(delivery.contentType ?? '', snapshot.fields), cover: snapshot.cover } : {}),
            },
            ...(delivery.payload.reason ? { reason: delivery.payload.reason } : {}),
          }),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await request(String(channel.settings.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Jiyue-Distribution/1',
        'x-jiyue-delivery-id': String(delivery.id),
        'idempotency-key': delivery.idempotencyKey,
        'x-jiyue-event': event,
        'x-jiyue-timestamp': String(timestamp),
        'x-jiyue-signature': signWebhook(secret, timestamp, body),
      },
      body,
    });
    return { status: res.status, at: new Date().toISOString() };
  },
};
