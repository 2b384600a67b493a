import { DeliveryError } from '../utils/delivery-error';
import { getService } from '../utils/get-service';
import { signWebhook } from '../utils/sign-webhook';
import { request } from './http';
import type { Adapter } from './types';

/**
 * POSTs JSON to the channel's URL. Headers: `X-Jiyue-Delivery-Id` (the outbox row),
 * `Idempotency-Key` (the same on every attempt of that row), `X-Jiyue-Event`, `X-Jiyue-Timestamp`
 * (unix seconds) and `X-Jiyue-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
 */
export const webhook: Adapter = {
  needsChannel: true,
  async deliver({ delivery, channel }) {
    const secret = getService('channels').credential(channel.credential)?.secret;
    if (!secret) throw new DeliveryError(`credential "${channel.credential}" is not configured`, { permanent: true });
    // An unpublished item is withdrawn (it may come back with a later create); a deleted or retracted one is deleted.
    const event =
      delivery.operation === 'notify' ? delivery.payload.event : delivery.operation === 'delete' && delivery.payload?.withdrawal === 'withdraw' ? 'document.withdraw' : `document.${delivery.operation}`;
    const snapshot = delivery.payload.snapshot;
    const body = JSON.stringify({
      id: delivery.id,
      event,
      idempotencyKey: delivery.idempotencyKey,
      site: delivery.site,
      ...(delivery.operation === 'notify'
        ? { data: delivery.payload.data }
        : {
            document: {
              uid: delivery.contentType,
              documentId: delivery.itemDocumentId,
              locale: delivery.itemLocale,
              version: delivery.version,
              ...(snapshot ? { type: snapshot.type, url: snapshot.url, publishedAt: snapshot.publishedAt, fields: snapshot.fields, cover: snapshot.cover } : {}),
            },
            ...(delivery.payload.reason ? { reason: delivery.payload.reason } : {}),
          }),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await request(channel.settings.url, {
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
