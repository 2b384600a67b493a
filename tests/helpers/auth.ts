import crypto from 'crypto';
import type { TestApp } from './strapi';

const uniq = () => crypto.randomBytes(4).toString('hex');

export interface AdminSession {
  id: number;
  email: string;
  /** Admin-panel JWT for the Content Manager and plugin admin routes. */
  jwt: string;
}

/**
 * Creates an admin user with the given roles (default: Super Admin) and logs in through
 * POST /admin/login, as the admin panel does.
 */
export const createAdmin = async (
  app: TestApp,
  { roles, email }: { roles?: number[]; email?: string } = {}
): Promise<AdminSession> => {
  const password = `Jiyue-${uniq()}-Aa1`;
  const roleIds = roles ?? [(await app.strapi.service('admin::role').getSuperAdmin()).id];
  const user = await app.strapi.service('admin::user').create({
    email: email ?? `admin-${uniq()}@jiyue.test`,
    firstname: 'Test',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  });
  const res = await app.request().post('/admin/login').send({ email: user.email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: user.id, email: user.email, jwt: res.body.data.token };
};

/** A content-API token (full-access by default), as an integrator would create in Settings → API Tokens. */
export const createApiToken = async (app: TestApp, type: 'full-access' | 'read-only' = 'full-access'): Promise<string> => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-${type}-${uniq()}`,
    description: 'created by the test suite',
    kind: 'content-api',
    type,
    lifespan: null,
  });
  return token.accessKey;
};

export interface UserSession {
  id: number;
  username: string;
  /** users-permissions JWT, as returned by POST /api/auth/local. */
  jwt: string;
}

/** Registers a users-permissions user with the given role type and logs in with POST /api/auth/local. */
export const createUser = async (app: TestApp, roleType = 'authenticated'): Promise<UserSession> => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const password = `Jiyue-${uniq()}-Aa1`;
  const username = `user-${uniq()}`;
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username,
    email: `${username}@jiyue.test`,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const res = await app.request().post('/api/auth/local').send({ identifier: username, password });
  if (res.status !== 200) throw new Error(`user login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: user.id, username, jwt: res.body.jwt };
};

/** Grants a users-permissions role (default: public) the given actions, e.g. 'api::article.article.find'. */
export const grantRoleActions = async (app: TestApp, actions: string[], roleType = 'public') => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  for (const action of actions) {
    const exists = await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } });
    if (!exists) await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
};

/** An admin role with the given permissions (Content Manager actions take a subject and properties). */
export const createRole = async (
  app: TestApp,
  name: string,
  permissions: { action: string; subject?: string; properties?: Record<string, unknown>; conditions?: string[] }[]
): Promise<{ id: number; code: string }> => {
  const role = await app.strapi.service('admin::role').create({ name: `${name} ${uniq()}`, description: name });
  await app.strapi.service('admin::role').assignPermissions(
    role.id,
    permissions.map((p) => ({ properties: {}, conditions: [], ...p }))
  );
  return { id: role.id, code: role.code };
};
