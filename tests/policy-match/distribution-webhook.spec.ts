import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { asPublishedFixture } from '../helpers/review';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { verifyWebhook } from '../../plugins/distribution/server/src/utils/sign-webhook';
import { as, fastRetries, setCredentials, startReceiver, waitFor } from '../distribution/lib';
import { adminAgent, makeUser, publishedPolicy, userAgent } from './fixtures';

let app: TestApp;
let admin: AdminSession;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'ganzi-policy-hook-密钥';
const EVENT = 'policy-match.audience.matched';
const graduateRule = {
  audience: 'individual', tags: ['graduate'], jurisdiction: '513300',
  clauses: [{ text: '35岁及以下高校毕业生', benefit: '求职补贴1000元', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }],
};
const young = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  fastRetries(app);
  setCredentials(app, { 'ganzi-policy-hook': { site: 'ganzi', secret: SECRET } });
  app.strapi.config.set('plugin::policy-match.audienceWebhookSites', ['ganzi']);
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe('reverse match → distribution webhook', () => {
  it('sends one signed, count-only delivery per published version to the configured site', async () => {
    const channel = await as(app, admin).post('/distribution/channels', {
      key: 'webhook:ganzi-policy', site: 'ganzi', kind: 'webhook', credential: 'ganzi-policy-hook', settings: { url: `${receiver.url}/policy-hook`, events: [EVENT] },
    });
    expect({ status: channel.status, error: channel.body.error }).toEqual({ status: 201, error: undefined });

    const users = [await makeUser(app), await makeUser(app), await makeUser(app)];
    const facts = [
      { householdRegion: '513322', birthDate: young(23), identityTags: ['graduate'] },
      { householdRegion: '513301', birthDate: young(30), identityTags: ['graduate'] },
      { householdRegion: '513301', birthDate: young(50), identityTags: ['graduate'] },
    ];
    for (const [i, u] of users.entries()) {
      expect((await userAgent(app, u.jwt).put('/api/policy-match/profile', { kind: 'individual', facts: facts[i], consent: true })).status).toBe(200);
      expect((await userAgent(app, u.jwt).post('/api/policy-match/subscriptions', { kind: 'tag', value: 'graduate' })).status).toBe(201);
    }

    const doc = await publishedPolicy(app, '甘孜州高校毕业生返乡就业补贴（分发通知）', { publish: false });
    expect((await adminAgent(app, admin.jwt).put(`/policy-match/policies/${doc}/eligibility`, graduateRule)).status).toBe(200);
    await asPublishedFixture(app, () => app.strapi.documents('api::policy.policy').publish({ documentId: doc }));

    const hooks = () => receiver.requests.filter((r) => r.url === '/policy-hook' && r.json?.data?.documentId === doc);
    await waitFor(() => hooks().length > 0);
    // republishing the same version and replaying the event add nothing
    await asPublishedFixture(app, () => app.strapi.documents('api::policy.policy').publish({ documentId: doc }));
    await app.strapi.plugin('policy-match').service('audience').notifyPublished(doc);
    await new Promise((r) => setTimeout(r, 1500));

    expect(hooks()).toHaveLength(1);
    const [hook] = hooks();
    expect(verifyWebhook(SECRET, String(hook.headers['x-jiyue-timestamp']), hook.text, String(hook.headers['x-jiyue-signature']))).toBe(true);
    expect(hook.json).toMatchObject({ event: EVENT, data: { documentId: doc, notified: 2, eligible: 2 } });
    for (const u of users) {
      expect(hook.text).not.toContain(u.username);
      expect(hook.text).not.toContain('@jiyue.test');
      expect(hook.text).not.toMatch(new RegExp(`"(userId|user_id|profileId)"`));
    }
    for (const f of facts) expect(hook.text).not.toContain(f.birthDate);
  });
});
