import crypto from 'crypto';

/**
 * The webhook signature: hex HMAC-SHA256 with the channel's secret over `${timestamp}.${body}`,
 * sent as `X-Jiyue-Signature: sha256=<hex>` with `X-Jiyue-Timestamp: <unix seconds>`. Binding the
 * timestamp lets receivers refuse replays older than a few minutes.
 */
export const signWebhook = (secret: string, timestamp: number | string, body: string): string =>
  `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** Constant-time check a receiver can use (and the tests do). */
export const verifyWebhook = (secret: string, timestamp: string, body: string, signature: string): boolean => {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature ?? '');
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
};
