import { bootStrapi, type TestApp } from '../helpers/strapi';
import { liftRateLimits } from '../helpers/rate-limits';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { seedDemoPolicies } from '../../database/seeds/demo-policies';
import { asPublishedFixture } from '../helpers/review';

const POLICY = 'api::policy.policy';
let serial = 0;

/** A published policy (through review-workflow's trusted path), with the policy's own validity fields. */
export const publishedPolicy = async (
  app: TestApp,
  title: string,
  fields: { validity?: string; validFrom?: string | null; validTo?: string | null; themeCategory?: string; publish?: boolean } = {}
) => {
  serial += 1;
  const { publish = true, ...rest } = fields;
  const doc = await asPublishedFixture(app, () =>
    app.strapi.documents(POLICY).create({
      data: {
        title,
        indexNumber: `11513300MB0000001X/2025-${String(serial + Math.floor(Math.random() * 9000) * 10).padStart(5, '0')}`,
        issuingAuthority: '甘孜州人力资源和社会保障局',
        level: 'prefecture',
        documentKind: 'other',
        ownerSite: 'ganzi',
        ...rest,
      } as any,
      ...(publish ? { status: 'published' as const } : {}),
    })
  );
  return doc.documentId as string;
};

export const adminAgent = (app: TestApp, jwt: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${jwt}`),
  put: (path: string, body: unknown) => app.request().put(path).set('Authorization', `Bearer ${jwt}`).send(body as object),
  post: (path: string, body: unknown = {}) => app.request().post(path).set('Authorization', `Bearer ${jwt}`).send(body as object),
  delete: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${jwt}`),
});

export const userAgent = (app: TestApp, jwt?: string) => {
  const auth = (r: any) => (jwt ? r.set('Authorization', `Bearer ${jwt}`) : r);
  return {
    get: (path: string) => auth(app.request().get(path)),
    put: (path: string, body: unknown) => auth(app.request().put(path)).send(body as object),
    post: (path: string, body: unknown = {}) => auth(app.request().post(path)).send(body as object),
    delete: (path: string) => auth(app.request().delete(path)),
  };
};

/**
 * A users-permissions user with a JWT issued by the plugin's own jwt service (what POST /api/auth/local
 * returns), for files that need more users than the login route's rate limit lets through.
 */
export const makeUser = async (app: TestApp) => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const username = `citizen-${Math.random().toString(16).slice(2, 10)}`;
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username, email: `${username}@jiyue.test`, password: `Jiyue-${username}-Aa1`, provider: 'local', confirmed: true, blocked: false, role: role.id,
  });
  const jwt = await app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id as number, username, jwt: jwt as string };
};

/**
 * The area's app with the demo's sites and 26 policies seeded as `npm run demo` seeds them, the public
 * match's per-client limit lifted (these specs send many matches from one address). `byKey`: policy key
 * (P01 …) → documentId.
 */
export const bootWithDemoPolicies = async () => {
  const app = await bootStrapi();
  liftRateLimits(app.strapi);
  await seedDemoSites(app.strapi);
  const { byKey } = await seedDemoPolicies(app.strapi);
  return { app, byKey };
};
