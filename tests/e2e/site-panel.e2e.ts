/*
 * Browser check of site-group's admin screens (issue #18): the Site side panel of an article's edit view
 * and the placement inbox. A 康定 editor opens their article, sees the owning site picker limited to their
 * sites, places the article into the 通知公告 columns of 丹巴, 九龙 and 雅江 through the tree with
 * checkboxes (pending there) and submits it up to the prefecture; the 丹巴 editor accepts it in the placement inbox; a 泸定 editor's inbox
 * shows none of it.
 *
 * Self-contained (its own admin build check, boot and browser) until it is folded into the shared
 * harness under tests/e2e/lib. Not matched by `npm test` (`*.test.ts`); run it with
 *   npx jest --testMatch '<rootDir>/tests/e2e/site-panel.e2e.ts'
 * `E2E_SCREENSHOTS=update` rewrites the zh-Hans screenshots under tests/e2e/screenshots/. Runs on
 * SQLite whatever DATABASE_CLIENT says.
 */
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { spawnSync } from 'child_process';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { applyTestEnv } from '../helpers/env';
import { createFreshDatabase } from '../helpers/database';
import { searchIndexRemover } from '../helpers/search-index';
import { seedDemoSites } from '../../database/seeds/demo-sites';

const APP_DIR = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = path.join(APP_DIR, 'tests/e2e/screenshots');
const UPDATE_SCREENSHOTS = process.env.E2E_SCREENSHOTS === 'update';
const ARTICLE = 'api::article.article';
const TITLE = '康定市关于做好2024年防汛值班工作的通知';

const skipReason = process.env.JIYUE_E2E === 'off' ? 'JIYUE_E2E=off' : fs.existsSync(CHROMIUM) ? null : `no browser at ${CHROMIUM}`;
if (skipReason) console.warn(`\n*** Browser check SKIPPED: ${skipReason} ***\n`);
const suite = skipReason ? describe.skip : describe;

/** `strapi build` unless dist/build holds a build of the same admin sources. */
const buildAdminOnce = () => {
  const hash = crypto.createHash('sha256');
  const walk = (target: string): string[] =>
    !fs.existsSync(target) ? [] : fs.statSync(target).isDirectory() ? fs.readdirSync(target).flatMap((n) => walk(path.join(target, n))) : [target];
  const files = [
    ...fs.readdirSync(path.join(APP_DIR, 'plugins')).flatMap((p) => walk(path.join(APP_DIR, 'plugins', p, 'admin'))),
    ...walk(path.join(APP_DIR, 'src/admin')),
  ];
  for (const file of files.sort()) hash.update(path.relative(APP_DIR, file)).update('\0').update(fs.readFileSync(file));
  const sources = hash.digest('hex');
  const stamp = path.join(APP_DIR, 'dist/build/.site-panel-admin-sources');
  if (fs.existsSync(path.join(APP_DIR, 'dist/build/index.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sources) return;
  const manifest = require.resolve('@strapi/strapi/package.json', { paths: [APP_DIR] });
  const { bin } = require(manifest);
  const strapiBin = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.strapi);
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: APP_DIR,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`strapi build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  fs.writeFileSync(stamp, sources);
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

interface AdminUser {
  id: number;
  email: string;
  password: string;
}

let strapi: Core.Strapi;
let baseUrl: string;
let stop: () => Promise<void>;
let browser: Browser;
let kangding: AdminUser;
let danba: AdminUser;
let luding: AdminUser;
let twoSites: AdminUser;
let documentId: string;

const createUser = async (firstname: string, roles: number[], site: string): Promise<AdminUser> => {
  const password = `Jiyue-${crypto.randomBytes(4).toString('hex')}-Aa1`;
  const email = `${firstname.toLowerCase()}-${crypto.randomBytes(3).toString('hex')}@jiyue.test`;
  const user = await strapi.service('admin::user').create({ email, firstname, lastname: '编辑', password, isActive: true, registrationToken: null, roles, preferedLanguage: 'zh-Hans' });
  await strapi.plugin('site-group').service('editor-scope').assign(user.id, site, false);
  return { id: user.id, email, password };
};

const logIn = async (user: AdminUser): Promise<Page> => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  return page;
};

const screenshot = async (page: Page, name: string) => {
  if (!UPDATE_SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
};

const placementStates = async () =>
  Object.fromEntries(
    (await strapi.db.query('plugin::site-group.placement').findMany({ where: { itemDocumentId: documentId } })).map((p: any) => [p.siteId, p])
  );

suite(`browser: site-group Site panel and placement inbox (${skipReason ?? 'Chromium'})`, () => {
  beforeAll(async () => {
    buildAdminOnce();
    applyTestEnv();
    process.env.DATABASE_CLIENT = 'sqlite';
    const dropDatabase = await createFreshDatabase('e2e-site-panel');
    const { createStrapi } = require('@strapi/strapi');
    strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: true }).load();
    const removeSearchIndex = await searchIndexRemover(strapi);
    await seedDemoSites(strapi);
    strapi.server.mount();
    const port = await freePort();
    await new Promise<void>((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${port}`;
    stop = async () => {
      await strapi.destroy();
      await dropDatabase();
      removeSearchIndex();
    };

    // Site editors: the Content Manager on articles of their own sites, and the placement actions.
    const role = await strapi.service('admin::role').create({ name: '站点编辑 Site editor', description: 'site editor' });
    const cm = ['read', 'create', 'update'].map((a) => ({
      action: `plugin::content-manager.explorer.${a}`,
      subject: ARTICLE,
      properties: { fields: ['title', 'summary', 'body', 'cover', 'source', 'author', 'keywords', 'publishDate', 'ownerSite'], locales: ['zh-Hans', 'bo'] },
      conditions: ['plugin::site-group.is-in-my-sites'],
    }));
    const own = ['placement.read', 'placement.place', 'placement.submit', 'placement.review'].map((a) => ({ action: `plugin::site-group.${a}`, properties: {}, conditions: [] }));
    await strapi.service('admin::role').assignPermissions(role.id, [...cm, ...own]);
    kangding = await createUser('Kangding', [role.id], 'kangding');
    danba = await createUser('Danba', [role.id], 'danba');
    luding = await createUser('Luding', [role.id], 'luding');
    // An editor of two sites: the owning-site picker offers both.
    twoSites = await createUser('Kangluding', [role.id], 'kangding');
    await strapi.plugin('site-group').service('editor-scope').assign(twoSites.id, 'luding', false);

    const article = await strapi.documents(ARTICLE).create({ data: { title: TITLE, summary: '防汛值班安排。', body: '<p>各单位做好防汛值班工作。</p>', ownerSite: 'kangding' } as any, locale: 'zh-Hans' });
    documentId = article.documentId;

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  it('the 康定 editor places the article into three counties\' 通知公告 from the Site panel (pending there)', async () => {
    const page = await logIn(kangding);
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    const panel = page.getByTestId('site-panel');
    await panel.waitFor({ timeout: 60_000 });
    await expect(page.getByText('归属站点').first().isVisible()).resolves.toBe(true);
    await page.getByTestId('owner-site').getByText('康定市').waitFor();
    // No free-text site code: the ownerSite box is taken out of the form (the panel's picker sets it).
    await page.locator('input[name="title"]').waitFor();
    expect(await page.locator('input[name="ownerSite"]').count()).toBe(0);

    // The owning-site picker lists only the editor's own site.
    await panel.getByRole('button', { name: '更改' }).click();
    const ownerTree = panel.getByRole('tree');
    await ownerTree.waitFor();
    expect(await ownerTree.locator('[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')))).toEqual(['kangding']);
    await screenshot(page, 'site-panel-owner-picker');
    await panel.getByRole('button', { name: '完成' }).click();

    // Add placements: tick 通知公告 in 丹巴, 九龙 and 雅江.
    await panel.getByRole('button', { name: '添加投放' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const [code, name] of [['danba', '丹巴县'], ['jiulong', '九龙县'], ['yajiang', '雅江县']]) {
      const filter = dialog.getByPlaceholder('筛选站点和栏目');
      await filter.fill(name);
      await dialog.locator(`[data-site="${code}"]`).waitFor();
      await dialog.locator(`[data-columns-of="${code}"]`).getByRole('checkbox', { name: '通知公告' }).click();
    }
    await dialog.getByPlaceholder('筛选站点和栏目').fill('');
    await screenshot(page, 'site-panel-add-placements');
    await dialog.getByRole('button', { name: /投放到 3 个栏目/ }).click();
    await page.getByText(/0 个已上线，3 个等待接收/).waitFor({ timeout: 30_000 });

    const list = page.getByTestId('placement-list');
    await list.locator('[data-placement="danba/tzgg"]').waitFor();
    expect(await list.locator('[data-placement]').count()).toBe(3);
    expect(await list.getByText('待接收').count()).toBe(3);
    await screenshot(page, 'site-panel');

    // Submit upward (报送) to the prefecture's 通知公告: only the sites above 康定 are offered.
    await panel.getByRole('button', { name: '向上级报送' }).click();
    const submit = page.getByRole('dialog');
    await submit.locator('[data-site="ganzi"]').click();
    expect(await submit.locator('[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')))).toEqual(['ganzi']);
    await submit.locator('[data-columns-of="ganzi"]').getByRole('checkbox', { name: '通知公告' }).click();
    await submit.getByRole('button', { name: '报送', exact: true }).click();
    await page.getByText('已报送，等待接收').waitFor({ timeout: 30_000 });
    await list.locator('[data-placement="ganzi/tzgg"]').waitFor();
    await page.context().close();
  });

  it('the 丹巴 editor accepts it in the placement inbox; the 泸定 editor sees none of it', async () => {
    const page = await logIn(danba);
    await page.goto(`${baseUrl}/admin/plugins/site-group`);
    const table = page.getByTestId('inbox-table');
    await table.waitFor({ timeout: 60_000 });
    const row = table.locator('tr', { hasText: TITLE });
    await row.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await row.getByText('康定市').count()).toBeGreaterThan(0);
    await screenshot(page, 'placement-inbox');
    await row.getByRole('button', { name: '接收' }).click();
    await page.getByText('已接收：已在栏目中上线').waitFor({ timeout: 30_000 });
    const states = await placementStates();
    const danbaSite = await strapi.db.query('plugin::site-group.site').findOne({ where: { code: 'danba' } });
    expect(states[danbaSite.id].state).toBe('active');
    await page.context().close();

    const other = await logIn(luding);
    await other.goto(`${baseUrl}/admin/plugins/site-group`);
    await other.getByText('没有等待您的站点处理的内容。').waitFor({ timeout: 60_000 });
    expect(await other.getByText(TITLE).count()).toBe(0);
    await other.context().close();
  });

  it('an editor of two sites hands the article to the other one through the picker, and saves it', async () => {
    const item = await strapi.documents(ARTICLE).create({ data: { title: '康定市与泸定县联合开展安全生产检查的通知', ownerSite: 'kangding' } as any, locale: 'zh-Hans' });
    const page = await logIn(twoSites);
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${item.documentId}?plugins[i18n][locale]=zh-Hans`);
    const panel = page.getByTestId('site-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: '更改' }).click();
    const tree = panel.getByRole('tree');
    expect((await tree.locator('[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')))).sort()).toEqual(['kangding', 'luding']);
    await tree.locator('[data-site="luding"]').click();
    await page.getByTestId('owner-site').getByText('泸定县').waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    // Saved through the Content Manager with the value the picker set (polled from the database).
    const ownerNow = async () => (await strapi.db.query(ARTICLE).findOne({ where: { documentId: item.documentId, locale: 'zh-Hans' } }))?.ownerSite;
    for (let i = 0; i < 60 && (await ownerNow()) !== 'luding'; i += 1) await new Promise((r) => setTimeout(r, 500));
    const row = await strapi.db.query(ARTICLE).findOne({ where: { documentId: item.documentId, locale: 'zh-Hans' } });
    expect(row.ownerSite).toBe('luding');
    await page.context().close();
  });
});
