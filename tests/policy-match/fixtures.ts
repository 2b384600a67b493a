import type { TestApp } from '../helpers/strapi';
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
