/*
 * Language side of issue #18, one scenario group of the browser suite (run by browser.test.ts on its shared
 * app and browser): bilingual's Language side panel of an article's edit view. A 康定 editor opens a Chinese
 * article, sees the Tibetan locale missing, creates the Tibetan draft by pre-translating from the glossary,
 * edits a Tibetan field in the side-by-side view (the Chinese source read-only beside it), saves, sees the
 * Tibetan locale "up to date"; changes the Chinese source and sees "outdated". The panel renders Tibetan in
 * Noto Serif Tibetan. An editor of 泸定 opening the same article gets 403 from the server and no buttons.
 */
import type { Page } from 'playwright-core';
import { createAdminRole, createAdminUser, explainFailure, logIn, screenshot, type AdminUser, type BrowserSuite } from './lib/harness';

const ARTICLE = 'api::article.article';
const TITLE = '康定市关于做好冬春季森林草原防灭火工作的通知';
const TITLE_BO = 'དར་རྩེ་མདོ་གྲོང་ཁྱེར་གྱི་དགུན་དཔྱིད་དུས་ཚིགས་ཀྱི་ནགས་ཚལ་དང་རྩྭ་ཐང་མེ་འགོག་ལས་དོན་སྐོར་གྱི་བརྡ་ཁྱབ།';
const BILINGUAL = ['status.read', 'pretranslate.run', 'translation.edit'].map((a) => ({ action: `plugin::bilingual.${a}` }));

const languagePanel = (page: Page) => page.getByTestId('jiyue-language-panel');
const tibetanState = (page: Page, status: string) =>
  page.locator(`[data-testid="language-bo"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
const editView = (baseUrl: string, documentId: string, locale = 'zh-Hans') =>
  `${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=${locale}`;

/** The language scenarios, registered in the caller's describe block; their users and article are their own. */
export const languageScenarios = (suite: BrowserSuite) => {
  let kangding: AdminUser;
  let luding: AdminUser;
  let documentId: string;

  beforeAll(async () => {
    const { strapi } = suite.server;
    const fields = strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[ARTICLE], { components: strapi.components });
    const cm = (conditions: string[]) =>
      ['read', 'create', 'update'].map((a) => ({
        action: `plugin::content-manager.explorer.${a}`,
        subject: ARTICLE,
        properties: { fields, locales: ['zh-Hans', 'bo'] },
        conditions,
      }));
    // The other panels of the edit view read what they need too (a clean screenshot): the review history, the placements.
    const others = ['plugin::review-workflow.review.read', 'plugin::site-group.placement.read'].map((action) => ({ action }));
    const editorRole = await createAdminRole(strapi, '双语编辑 Bilingual editor', [...cm(['plugin::site-group.is-in-my-sites']), ...BILINGUAL, ...others]);
    kangding = await createAdminUser(strapi, { firstname: 'Dorje', lastname: '多吉', roles: [editorRole], sites: [{ code: 'kangding' }] });
    // The 泸定 editor may open any article in the Content Manager (no site condition there), so the
    // Language panel's own routes are what refuse them: 403 from the server, no buttons.
    const readerRole = await createAdminRole(strapi, '双语编辑（无站点条件）', [...cm([]), ...BILINGUAL]);
    luding = await createAdminUser(strapi, { firstname: 'Pema', lastname: '白玛', roles: [readerRole], sites: [{ code: 'luding' }] });

    const article = await strapi
      .documents(ARTICLE as any)
      .create({ data: { title: TITLE, summary: '康定市部署冬春季森林草原防灭火工作。', body: '<p>各乡镇做好森林草原防灭火工作。</p>', ownerSite: 'kangding' } as any, locale: 'zh-Hans' });
    documentId = article.documentId;
  }, 300_000);

  it('the 康定 editor pre-translates, edits the Tibetan side by side, sees up to date, then outdated after a Chinese edit', async () => {
    const { strapi, baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, kangding);
    try {
      await page.goto(editView(baseUrl, documentId));
      const panel = languagePanel(page);
      await panel.waitFor({ timeout: 90_000 });
      await tibetanState(page, 'missing');
      await page.locator('[data-testid="language-zh-Hans"][data-status="source"]').waitFor();
      expect(await panel.getByText('缺失').count()).toBe(1);

      // The panel's Tibetan renders in the web font (loaded because the panel shows Tibetan, not asked for).
      let fontReady = false;
      for (let i = 0; i < 40 && !fontReady; i += 1) {
        fontReady = await page.evaluate(() => document.fonts.check('16px "Noto Serif Tibetan"', 'ཀ'));
        if (!fontReady) await page.waitForTimeout(250);
      }
      expect(fontReady).toBe(true);
      const family = await panel.locator('span[lang="bo"]').first().evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family).toMatch(/Noto Serif Tibetan/);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'language-panel-missing');

      // A new Tibetan draft from the glossary: machine-assisted, up to date with the source.
      await panel.getByRole('button', { name: '按术语表预翻译' }).click();
      await tibetanState(page, 'up-to-date');
      await panel.getByTestId('language-bo').getByText(/机器辅助/).waitFor();
      const pretranslated = await strapi.db.query(ARTICLE).findOne({ where: { documentId, locale: 'bo', publishedAt: null } });
      // The glossary's official name of 康定市 is in the draft.
      expect(pretranslated.title).not.toContain('康定市');
      expect(await panel.getByRole('button', { name: '按术语表预翻译' }).count()).toBe(0);

      // Side by side: the Chinese source read-only on the left, the Tibetan editable on the right.
      await panel.getByRole('button', { name: '双语对照编辑' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('source-title').getByText(TITLE).waitFor({ timeout: 30_000 });
      expect(await dialog.getByTestId('source-title').locator('input, textarea').count()).toBe(0);
      const target = dialog.getByTestId('target-title');
      expect(await target.inputValue()).toBe(pretranslated.title);
      await target.fill(TITLE_BO);
      await dialog.getByRole('button', { name: '保存藏文草稿' }).click();
      await page.getByText('藏文草稿已保存').first().waitFor({ timeout: 30_000 });
      expect(await target.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Noto Serif Tibetan/);
      await screenshot(page, 'language-side-by-side');
      await dialog.getByRole('button', { name: '关闭' }).first().click();
      await dialog.waitFor({ state: 'hidden' });

      await tibetanState(page, 'up-to-date');
      await panel.getByTestId('language-bo').getByText(/翻译于/).waitFor();
      const saved = await strapi.db.query(ARTICLE).findOne({ where: { documentId, locale: 'bo', publishedAt: null } });
      expect(saved.title).toBe(TITLE_BO.normalize('NFC'));
      expect(await panel.getByTestId('language-open-bo').count()).toBe(1);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'language-panel-up-to-date');

      // The Chinese source changes: the Tibetan translation is outdated, with when the source changed.
      await page.locator('input[name="title"]').fill(`${TITLE}（修订）`);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await tibetanState(page, 'outdated');
      await panel.getByTestId('language-bo').getByText(/原文修改于/).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'language-panel-outdated');

      // The link opens the Tibetan version in the Content Manager.
      await panel.getByTestId('language-open-bo').click();
      await page.waitForURL((url) => url.search.includes('locale%5D=bo') || url.search.includes('locale]=bo'), { timeout: 30_000 });
      await page.locator('input[name="title"]').waitFor();
      expect(await page.locator('input[name="title"]').inputValue()).toBe(TITLE_BO.normalize('NFC'));
    } catch (error) {
      await explainFailure(page, 'language-kangding', error);
    } finally {
      await context.close();
    }
  });

  it('an editor of 泸定 gets 403 from the server on the 康定 article and no buttons', async () => {
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, luding);
    try {
      const refused = page.waitForResponse((res) => res.url().includes(`/bilingual/documents/${ARTICLE}/${documentId}/status`), { timeout: 90_000 });
      await page.goto(editView(baseUrl, documentId));
      expect((await refused).status()).toBe(403);
      const panel = languagePanel(page);
      await panel.waitFor({ timeout: 30_000 });
      await panel.getByText(/kangding/).waitFor();
      expect(await panel.locator('[data-testid^="language-"][data-status]').count()).toBe(0);
      expect(await panel.getByRole('button').count()).toBe(0);
    } catch (error) {
      await explainFailure(page, 'language-luding', error);
    } finally {
      await context.close();
    }
  });
};
