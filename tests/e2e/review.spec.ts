/*
 * Review side of issue #18, one scenario group of the browser suite (run by browser.test.ts on its shared
 * app and browser): an editor of 康定 writes an article with a planted typo (部暑) and a resident ID
 * number, sees both findings, applies both suggestions and submits; three reviewers approve one after
 * another in their Review panels; the article publishes; an editor of 泸定 does not see it on their
 * review desk; the review desk renders with the Tibetan web font loaded.
 */
import type { Page } from 'playwright-core';
import { explainFailure, createAdminRole, createAdminUser, logIn, screenshot, type AdminUser, type BrowserSuite } from './lib/harness';

const ARTICLE = 'api::article.article';
const LOCALES = { locales: ['zh-Hans', 'bo'] };
const TYPO = '部暑';
const RESIDENT_ID = '513301199001011235';
const MASKED_ID = '513301********1235';
const TITLE = '康定市关于做好汛期值班工作的通知';

/** The Review panel of the edit view, once its stage is known. */
const reviewPanel = (page: Page) => page.getByTestId('jiyue-review-panel');

const expectStage = async (page: Page, stage: string) => {
  await page.waitForSelector(`[data-testid="jiyue-review-panel"][data-stage="${stage}"]`, { timeout: 30_000 });
};

/** The review scenarios, registered in the caller's describe block; their users and article are their own. */
export const reviewScenarios = (suite: BrowserSuite) => {
  let editor: AdminUser;
  let reviewers: AdminUser[];
  let ludingEditor: AdminUser;
  let documentId: string;

  beforeAll(async () => {
    const { strapi } = suite.server;

    // Every field of the type, as the Roles screen grants it (the edit view disables fields a role does not list).
    const fields = strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[ARTICLE], {
      components: strapi.components,
    });
    const cm = (action: string) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: ARTICLE,
      properties: action === 'publish' ? { ...LOCALES } : { ...LOCALES, fields },
    });
    const editorRole = await createAdminRole(strapi, '编辑 Editor', [
      cm('read'),
      cm('create'),
      cm('update'),
      { action: 'plugin::review-workflow.review.submit' },
      { action: 'plugin::review-workflow.review.read' },
      { action: 'plugin::review-workflow.check.run' },
    ]);
    const reviewerRole = await createAdminRole(strapi, '审核 Reviewer', [
      cm('read'),
      cm('publish'),
      { action: 'plugin::review-workflow.review.approve' },
      { action: 'plugin::review-workflow.review.read' },
      { action: 'plugin::review-workflow.check.run' },
    ]);
    editor = await createAdminUser(strapi, {
      firstname: 'Zhaxi',
      lastname: '扎西',
      roles: [editorRole],
      sites: [{ code: 'kangding' }],
    });
    reviewers = [];
    for (const [firstname, lastname] of [
      ['Chuyin', '初审'],
      ['Fuyin', '复审'],
      ['Zhongyin', '终审'],
    ]) {
      reviewers.push(
        await createAdminUser(strapi, {
          firstname,
          lastname,
          roles: [reviewerRole],
          sites: [{ code: 'ganzi', includeDescendants: true }],
        }),
      );
    }
    // An editor and reviewer of 泸定 only: nothing of 康定 may reach their desk.
    ludingEditor = await createAdminUser(strapi, {
      firstname: 'Luding',
      lastname: '泸定',
      roles: [editorRole, reviewerRole],
      sites: [{ code: 'luding' }],
    });
  }, 300_000);

  it('renders the review desk with the Tibetan web font loaded', async () => {
    const { context, page } = await logIn(suite.browser, suite.server.baseUrl, editor);
    try {
      await page.goto(`${suite.server.baseUrl}/admin/plugins/review-workflow`);
      // The first screen after boot loads the admin's chunks: allow for a loaded machine.
      await page.getByRole('heading', { name: '审核台' }).first().waitFor({ timeout: 90_000 });
      const font = await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'ཀ');
        const faces = Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '') === 'Noto Serif Tibetan');
        return {
          check: document.fonts.check('16px "Noto Serif Tibetan"', 'ཀ'),
          faces: faces.map((f) => ({ status: f.status, unicodeRange: f.unicodeRange })),
        };
      });
      expect(font.check).toBe(true);
      expect(font.faces.some((f) => f.status === 'loaded' && /U\+F00-FFF/i.test(f.unicodeRange))).toBe(true);
    } catch (error) {
      await explainFailure(page, 'desk-font', error);
    } finally {
      await context.close();
    }
  });

  it('lets an editor of 康定 write an article, apply both pre-check suggestions and submit it', async () => {
    const { context, page } = await logIn(suite.browser, suite.server.baseUrl, editor);
    try {
      await page.goto(`${suite.server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-Hans`);
      await page.locator('input[name="title"]').fill(TITLE);
      await page.locator('.CodeMirror').first().click();
      await page.keyboard.insertText(`各单位要提前${TYPO}汛期值班工作。值班联系人身份证号${RESIDENT_ID}。`);

      // Both findings show before the first save, from the form as it stands.
      const panel = reviewPanel(page);
      await panel.locator('[data-finding="word"]').waitFor({ timeout: 30_000 });
      await panel.locator('[data-finding="personal-data"]').waitFor();
      await screenshot(page, 'review-panel-findings');

      // Clicking a finding selects its range in the field.
      await panel.locator('[data-finding="word"] button').first().click();
      const selected = await page.evaluate(() => (document.querySelector('.CodeMirror') as any).CodeMirror.getSelection());
      expect(selected).toBe(TYPO);

      await panel.locator('[data-finding="word"]').getByTestId('jiyue-apply-suggestion').click();
      await panel.locator('[data-finding="word"]').waitFor({ state: 'detached', timeout: 30_000 });
      await panel.locator('[data-finding="personal-data"]').getByTestId('jiyue-apply-suggestion').click();
      await panel.getByTestId('jiyue-findings-none').waitFor({ timeout: 30_000 });
      const body = await page.evaluate(() => (document.querySelector('.CodeMirror') as any).CodeMirror.getValue());
      expect(body).toBe(`各单位要提前部署汛期值班工作。值班联系人身份证号${MASKED_ID}。`);

      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL((url) => /\/[a-z0-9]{24}(\?|$)/.test(url.pathname + url.search), { timeout: 30_000 });
      documentId = page.url().match(/\/([a-z0-9]{24})(?:\?|$)/)![1];
      await expectStage(page, 'draft');

      // Publish is gated until the final approval.
      const publish = page.getByRole('button', { name: '需先报审 — 送审' });
      await expect(publish.isDisabled()).resolves.toBe(true);

      await panel.getByTestId('jiyue-review-comment').fill('请审核');
      await panel.getByTestId('jiyue-submit').click();
      await expectStage(page, 'first-review');
      await screenshot(page, 'review-panel-submitted');

      // The editor's desk: the submission and where it stands.
      await page.goto(`${suite.server.baseUrl}/admin/plugins/review-workflow`);
      const mine = page.locator(`[data-testid="jiyue-desk-mine"] tr[data-document-id="${documentId}"]`);
      await mine.waitFor({ timeout: 30_000 });
      expect(await mine.locator('[data-stage="first-review"]').count()).toBe(1);
      await screenshot(page, 'review-desk-editor');
    } catch (error) {
      await explainFailure(page, 'editor', error);
    } finally {
      await context.close();
    }
  });

  it('takes the article through 初审, 复审 and 终审 by three reviewers from their review desks, then publishes it', async () => {
    for (const [index, reviewer] of reviewers.entries()) {
      const { context, page } = await logIn(suite.browser, suite.server.baseUrl, reviewer);
      try {
        await page.goto(`${suite.server.baseUrl}/admin/plugins/review-workflow`);
        const row = page.locator(`[data-testid="jiyue-desk-queue"] tr[data-document-id="${documentId}"]`);
        await row.waitFor({ timeout: 30_000 });
        if (index === 0) await screenshot(page, 'review-desk');
        await row.getByRole('link').click();
        const stage = ['first-review', 'second-review', 'final-review'][index];
        await expectStage(page, stage);
        if (index === 2) {
          await page.getByRole('button', { name: '待终审通过后发布' }).waitFor();
          await screenshot(page, 'review-panel-final-review');
        }
        await reviewPanel(page).getByTestId('jiyue-approve').click();
        await expectStage(page, index === 2 ? 'approved' : ['second-review', 'final-review'][index]);
        if (index === 2) {
          await page.getByRole('button', { name: '发布', exact: true }).click();
          await expectStage(page, 'published');
          await screenshot(page, 'review-panel-published');
        }
      } catch (error) {
        await explainFailure(page, `reviewer-${index + 1}`, error);
      } finally {
        await context.close();
      }
    }
    const published = await suite.server.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'zh-Hans', status: 'published' });
    expect(published).toMatchObject({
      title: TITLE,
      body: `各单位要提前部署汛期值班工作。值班联系人身份证号${MASKED_ID}。`,
    });
    const history = await suite.server.strapi.plugin('review-workflow').service('audit-trail').history(ARTICLE, documentId, 'zh-Hans');
    expect(history.map((e: any) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'publish']);
    expect(history.slice(1, 4).map((e: any) => e.actorId)).toEqual(reviewers.map((r) => r.id));
  });

  it('shows nothing of 康定 on the review desk of an editor of 泸定', async () => {
    const { context, page } = await logIn(suite.browser, suite.server.baseUrl, ludingEditor);
    try {
      await page.goto(`${suite.server.baseUrl}/admin/plugins/review-workflow`);
      await page.getByRole('heading', { name: '审核台' }).first().waitFor({ timeout: 60_000 });
      await page.getByTestId('jiyue-desk-queue-empty').waitFor();
      expect(await page.locator(`[data-document-id="${documentId}"]`).count()).toBe(0);
      expect(await page.getByText(TITLE).count()).toBe(0);
    } catch (error) {
      await explainFailure(page, 'luding', error);
    } finally {
      await context.close();
    }
  });
};
