import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser } from '../helpers/auth';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('the app boots with the Jiyue suite', () => {
  it('loads every plugin listed in config/plugins.ts, with its content types and routes', () => {
    const configured = require('../../dist/config/plugins').default({ env: require('@strapi/utils').env });
    const local = Object.entries(configured).filter(([, c]: [string, any]) => c?.resolve?.startsWith('./plugins/'));
    expect(local.length).toBeGreaterThan(0);
    for (const [name] of local) {
      const plugin = app.strapi.plugin(name);
      expect(plugin).toBeDefined();
      expect(Object.keys(plugin.contentTypes ?? {}).length + Object.keys(plugin.services ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('builds every folder of plugins/ as a TypeScript plugin and lists it in config/plugins.ts', () => {
    const fs = require('fs');
    const path = require('path');
    const root = path.resolve(__dirname, '../..');
    const folders = fs.readdirSync(path.join(root, 'plugins'), { withFileTypes: true }).filter((d: any) => d.isDirectory()).map((d: any) => d.name);
    const references = require(path.join(root, 'plugins/tsconfig.json')).references.map((r: { path: string }) => path.basename(r.path));
    const configured = require('../../dist/config/plugins').default({ env: require('@strapi/utils').env });
    for (const name of folders) {
      expect({ name, referenced: references.includes(name) }).toEqual({ name, referenced: true });
      expect({ name, configured: configured[name]?.resolve }).toEqual({ name, configured: `./plugins/${name}` });
      expect(fs.existsSync(path.join(root, 'plugins', name, 'dist/server/index.js'))).toBe(true);
    }
  });

  it('has zh-Hans (default) and bo locales, and keeps them on a second bootstrap without duplicates', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const { ensureLocales } = require('../../dist/src/bootstrap/locales');
    await ensureLocales(app.strapi);
    const codes = (await locales.find()).map((l: { code: string }) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['zh-Hans', 'bo']));
    expect(codes.filter((c: string) => c === 'bo')).toHaveLength(1);
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('gives working admin JWT, API token and users-permissions JWT helpers', async () => {
    const admin = await createAdmin(app);
    const me = await app.request().get('/admin/users/me').set('Authorization', `Bearer ${admin.jwt}`);
    expect(me.status).toBe(200);

    const token = await createApiToken(app);
    const list = await app.request().get('/api/articles').set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);

    const user = await createUser(app);
    const self = await app.request().get('/api/users/me').set('Authorization', `Bearer ${user.jwt}`);
    expect(self.status).toBe(200);
    expect(self.body.username).toBe(user.username);
  });
});
