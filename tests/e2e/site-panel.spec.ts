/*
 * Site side of issue #18, one scenario group of the browser suite (run by browser.test.ts on its shared
 * app and browser): site-group's Site side panel of an article's edit view and the placement inbox. A
 * 康定 editor opens their article, sees the owning-site picker limited to their sites, places the article
 * into the 通知公告 columns of 丹巴, 九龙 and 雅江 through the tree with checkboxes (pending there) and
 * submits it up to the prefecture; the 丹巴 editor accepts it in the placement inbox; a 泸定 editor's
 * inbox shows none of it; an editor of two sites hands another article to the other site through the
 * picker and saves it.
 */
import type { Locator } from 'playwright-core';
import { createAdminRole, createAdminUser, explainFailure, logIn, screenshot, type AdminUser, type BrowserSuite } from './lib/harness';

const ARTICLE = 'api::article.article';
const TITLE = '康定市关于做好2024年防汛值班工作的通知';

/** The `data-site` codes listed in a site tree, in order. */
const siteCodes = (tree: Locator) => tree.locator('[data-site]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));

/** The site-panel scenarios, registered in the caller's describe block; their users and articles are their own. */
export const sitePanelScenarios = (suite: BrowserSuite) => {
  let kangding: AdminUser;
  let danba: AdminUser;
  let luding: AdminUser;
  let twoSites: AdminUser;
  let documentId: string;

  const placementStates = async () =>
    Object.fromEntries(
      (await suite.server.strapi.db.query('plugin::site-group.placement').findMany({ where: { itemDocumentId: documentId } })).map((p: any) => [p.siteId, p]),
    );

  beforeAll(async () => {
    const { strapi } = suite.server;
    // Site editors: the Content Manager on articles of their own sites, and the placement actions.
    const cm = ['read', 'create', 'update'].map((a) => ({
      action: `plugin::content-manager.explorer.${a}`,
      subject: ARTICLE,
      properties: { fields: ['title', 'summary', 'body', 'cover', 'source', 'author', 'keywords', 'publishDate', 'ownerSite'], locales: ['zh-Hans', 'bo'] },
      conditions: ['plugin::site-group.is-in-my-sites'],
    }));
    const own = ['placement.read', 'placement.place', 'placement.submit', 'placement.review'].map((a) => ({ action: `plugin::site-group.${a}` }));
    const role = await createAdminRole(strapi, '站点编辑 Site editor', [...cm, ...own]);
    const siteEditor = (firstname: string, sites: string[]) =>
      createAdminUser(strapi, { firstname, lastname: '编辑', roles: [role], sites: sites.map((code) => ({ code })) });
    kangding = await siteEditor('Kangding', ['kangding']);
    danba = await siteEditor('Danba', ['danba']);
    luding = await siteEditor('Luding', ['luding']);
    // An editor of two sites: the owning-site picker offers both.
    twoSites = await siteEditor('Kangluding', ['kangding', 'luding']);

    const article = await strapi
      .documents(ARTICLE as any)
      .create({ data: { title: TITLE, summary: '防汛值班安排。', body: '<p>各单位做好防汛值班工作。</p>', ownerSite: 'kangding' } as any, locale: 'zh-Hans' });
    documentId = article.documentId;
  }, 300_000);

  it("the 康定 editor places the article into three counties' 通知公告 from the Site panel (pending there)", async () => {
    const { context, page } = await logIn(suite.browser, suite.server.baseUrl, kangding);
    try {
      await page.goto(`${suite.server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=zh-Hans`);
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
      expect(await siteCodes(ownerTree)).toEqual(['kangding']);
      await screenshot(page, 'site-panel-owner-picker');
      await panel.getByRole('button', { name: '完成' }).click();

      // Add placements: tick 通知公告 in 丹巴, 九龙 and 雅江.
      await panel.getByRole('button', { name: '添加投放' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      for (const [code, name] of [
        ['danba', '丹巴县'],
        ['jiulong', '九龙县'],
        ['yajiang', '雅江县'],
      ]) {
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
      expect(await siteCodes(submit)).toEqual(['ganzi']);
      await submit.locator('[data-columns-of="ganzi"]').getByRole('checkbox', { name: '通知公告' }).click();
      await submit.getByRole('button', { name: '报送', exact: true }).click();
      await page.getByText('已报送，等待接收').waitFor({ timeout: 30_000 });
      await list.locator('[data-placement="ganzi/tzgg"]').waitFor();
    } catch (error) {
      await explainFailure(page, 'site-panel-kangding', error);
    } finally {
      await context.close();
    }
  });

  it('the 丹巴 editor accepts it in the placement inbox; the 泸定 editor sees none of it', async () => {
    const { strapi, baseUrl } = suite.server;
    const accepting = await logIn(suite.browser, baseUrl, danba);
    try {
      const { page } = accepting;
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
    } catch (error) {
      await explainFailure(accepting.page, 'site-panel-danba', error);
    } finally {
      await accepting.context.close();
    }

    const other = await logIn(suite.browser, baseUrl, luding);
    try {
      await other.page.goto(`${baseUrl}/admin/plugins/site-group`);
      await other.page.getByText('没有等待您的站点处理的内容。').waitFor({ timeout: 60_000 });
      expect(await other.page.getByText(TITLE).count()).toBe(0);
    } catch (error) {
      await explainFailure(other.page, 'site-panel-luding', error);
    } finally {
      await other.context.close();
    }
  });

  it('an editor of two sites hands the article to the other one through the picker, and saves it', async () => {
    const { strapi, baseUrl } = suite.server;
    const item = await strapi
      .documents(ARTICLE as any)
      .create({ data: { title: '康定市与泸定县联合开展安全生产检查的通知', ownerSite: 'kangding' } as any, locale: 'zh-Hans' });
    const { context, page } = await logIn(suite.browser, baseUrl, twoSites);
    try {
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${item.documentId}?plugins[i18n][locale]=zh-Hans`);
      const panel = page.getByTestId('site-panel');
      await panel.waitFor({ timeout: 60_000 });
      await panel.getByRole('button', { name: '更改' }).click();
      const tree = panel.getByRole('tree');
      await tree.waitFor();
      expect((await siteCodes(tree)).sort()).toEqual(['kangding', 'luding']);
      await tree.locator('[data-site="luding"]').click();
      await page.getByTestId('owner-site').getByText('泸定县').waitFor();
      await page.getByRole('button', { name: '保存' }).click();
      // Saved through the Content Manager with the value the picker set (polled from the database).
      const ownerNow = async () => (await strapi.db.query(ARTICLE).findOne({ where: { documentId: item.documentId, locale: 'zh-Hans' } }))?.ownerSite;
      for (let i = 0; i < 60 && (await ownerNow()) !== 'luding'; i += 1) await new Promise((r) => setTimeout(r, 500));
      expect(await ownerNow()).toBe('luding');
    } catch (error) {
      await explainFailure(page, 'site-panel-two-sites', error);
    } finally {
      await context.close();
    }
  });
};
