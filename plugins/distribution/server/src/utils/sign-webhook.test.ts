import crypto from 'crypto';
import { signWebhook, verifyWebhook } from './sign-webhook';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over timestamp, a dot and the raw body', () => {
    const body = JSON.stringify({ title: '甘孜州人民政府关于做好冬春季森林草原防灭火工作的通告' });
    const expected = crypto.createHmac('sha256', 'k').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('k', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(verifyWebhook('k', '1700000000', body, `sha256=${expected}`)).toBe(true);
    expect(verifyWebhook('k', '1700000001', body, `sha256=${expected}`)).toBe(false);
    expect(verifyWebhook('other', '1700000000', body, `sha256=${expected}`)).toBe(false);
  });
});
