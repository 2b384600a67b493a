/*
 * The whole write-once story of issue #18 in one chained scenario group of the browser suite (run by
 * browser.test.ts on its shared app and browser): an editor of 康定 writes an article with a planted typo
 * (部暑) and a resident ID number, sees both findings and applies both suggestions, places it into the
 * 通知公告 columns of 康定, 丹巴, 九龙 and 雅江 from the Site panel (pending in the three counties), chooses a
 * webhook target in the Distribution panel and submits; the editors of 丹巴, 九龙 and 雅江 accept it in
 * their placement inboxes; three reviewers approve (初审/复审/终审) and the last one publishes; the article
 * is then in the site-builder API and the RSS feed of the four sites, a real local webhook receiver got it
 * signed, and the editor sees the receipts in the Distribution panel (and retries a second webhook whose
 * receiver refused it until mended). An editor of 泸定 sees none of it:
 * review desk, placement inbox, Content Manager list, the article's panels, 泸定's site API.
 * Every user action happens in the browser; HTTP is used only to check public outputs, and the setup
 * creates users, roles and channels (what an administrator configures, not part of the story).
 */
import type { Page } from 'playwright-core';
import { siteEditorPermissions } from '../../database/seeds/editor-role';
import { verifyWebhook } from '../../plugins/distribution/server/src/utils/sign-webhook';
import { startReceiver } from '../distribution/lib';
import { createAdminRole, createAdminUser, explainFailure, logIn, screenshot, type AdminUser, type BrowserSuite } from './lib/harness';

// The outbound agent refuses loopback: like the distribution suites, allow exactly 127.0.0.1 for the local
// receiver (read by the distribution config when the suite's app boots, after the groups are collected).
process.env.JIYUE_OUTBOUND_ALLOW ??= '127.0.0.1';
// The webhook's secret: an environment credential bound to 康定 by its name (see distribution's README, Channels).
const HOOK_SECRET_ENV = 'JIYUE_CHANNEL_KANGDING_WRITE_ONCE_SECRET';
const HOOK_SECRET = 'kangding-write-once-密钥';
process.env[HOOK_SECRET_ENV] ??= HOOK_SECRET;

const ARTICLE = 'api::article.article';
const LOCALES = { locales: ['zh-Hans', 'bo'] };
const TYPO = '部暑';
const RESIDENT_ID = '513301199001011235';
const MASKED_ID = '513301********1235';
const TITLE = '康定市关于做好2025年森林草原防灭火工作的通知';
const BODY = `各单位要认真${TYPO}森林草原防灭火工作。值班联系人身份证号${RESIDENT_ID}。`;
const FIXED_BODY = `各单位要认真部署森林草原防灭火工作。值班联系人身份证号${MASKED_ID}。`;
const WEBHOOK = 'webhook:kangding-write-once';
/** A second webhook whose receiver refuses (410: a dead letter at once) until it is mended, for Retry. */
const FLAKY = 'webhook:kangding-flaky';
/** The owner and the three counties it is placed in, with their names in the site trees. */
const SITES: [string, string][] = [
  ['kangding', '康定市'],
  ['danba', '丹巴县'],
  ['jiulong', '九龙县'],
  ['yajiang', '雅江县'],
];
const COUNTIES = SITES.slice(1);

const editUrl = (baseUrl: string, documentId: string) => `${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=zh-Hans`;

const expectStage = (page: Page, stage: string) => page.waitForSelector(`[data-testid="jiyue-review-panel"][data-stage="${stage}"]`, { timeout: 30_000 });

/** Polls `check` until it returns a value (not undefined), or fails after `ms`. */
const eventually = async <T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

/** The write-once story, registered in the caller's describe block; its users, channels and article are its own. */
export const writeOnceScenarios = (suite: BrowserSuite) => {
  let editor: AdminUser;
  const countyEditors: Record<string, AdminUser> = {};
  let reviewers: AdminUser[];
  let luding: AdminUser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let flakyMended = false;
  let documentId: string;

  beforeAll(async () => {
    const { strapi } = suite.server;
    receiver = await startReceiver((request) => (request.url === '/hooks/flaky' && !flakyMended ? { status: 410 } : undefined));

    // What an administrator configures beforehand: 康定's webhook (chosen per item) and a feed on each site.
    const channels = strapi.plugin('distribution').service('channels');
    await channels.create({ key: WEBHOOK, site: 'kangding', kind: 'webhook', name: '康定掌上政务 App', credential: `env:${HOOK_SECRET_ENV}`, settings: { url: `${receiver.url}/hooks/kangding` } });
    await channels.create({ key: FLAKY, site: 'kangding', kind: 'webhook', name: '康定融媒体中心', credential: `env:${HOOK_SECRET_ENV}`, settings: { url: `${receiver.url}/hooks/flaky` } });
    for (const [code, name] of [...SITES, ['luding', '泸定县']]) {
      await channels.create({ key: `feed:${code}-write-once`, site: code, kind: 'feed', settings: { title: `${name} · 通知公告`, columns: ['tzgg'] } });
    }

    // The demo's site editor permissions (every action of the suite, the Content Manager on their sites' items),
    // with every field of the article listed as the Roles screen grants it (the edit view disables fields a role does not list).
    const fields = strapi.service('admin::content-type').getNestedFields(strapi.contentTypes[ARTICLE], { components: strapi.components });
    const withFields = siteEditorPermissions(strapi).map((p) =>
      p.subject === ARTICLE && /\.(read|create|update)$/.test(p.action) ? { ...p, properties: { ...p.properties, fields } } : p,
    );
    const siteEditor = await createAdminRole(strapi, '写一次 站点编辑', withFields);
    editor = await createAdminUser(strapi, { firstname: 'Dawa', lastname: '达瓦', roles: [siteEditor], sites: [{ code: 'kangding' }] });
    for (const [code] of COUNTIES) {
      countyEditors[code] = await createAdminUser(strapi, { firstname: `${code[0].toUpperCase()}${code.slice(1)}`, lastname: '编辑', roles: [siteEditor], sites: [{ code }] });
    }
    luding = await createAdminUser(strapi, { firstname: 'Ludingzhan', lastname: '泸定', roles: [siteEditor], sites: [{ code: 'luding' }] });

    // Reviewers of the prefecture and everything below it (as in review.spec.ts).
    const cm = (action: string) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: ARTICLE,
      properties: action === 'publish' ? { ...LOCALES } : { ...LOCALES, fields },
    });
    const reviewerRole = await createAdminRole(strapi, '写一次 审核', [
      cm('read'),
      cm('publish'),
      { action: 'plugin::review-workflow.review.approve' },
      { action: 'plugin::review-workflow.review.read' },
      { action: 'plugin::review-workflow.check.run' },
      { action: 'plugin::distribution.delivery.read' },
    ]);
    reviewers = [];
    for (const [firstname, lastname] of [
      ['Chushen', '初审员'],
      ['Fushen', '复审员'],
      ['Zhongshen', '终审员'],
    ]) {
      reviewers.push(await createAdminUser(strapi, { firstname, lastname, roles: [reviewerRole], sites: [{ code: 'ganzi', includeDescendants: true }] }));
    }
  }, 300_000);

  afterAll(async () => {
    await receiver?.close();
  });

  /** The steps are one chained story: a later step without the article fails at once, naming why. */
  const story = () => {
    if (!documentId) throw new Error('no article: the editor step failed (see its error above)');
  };

  it('the 康定 editor writes the article, applies both suggestions, places it in four 通知公告 columns, chooses the webhook and submits', async () => {
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, editor);
    try {
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-Hans`);
      await page.locator('input[name="title"]').fill(TITLE);
      await page.locator('.CodeMirror').first().click();
      await page.keyboard.insertText(BODY);

      const review = page.getByTestId('jiyue-review-panel');
      await review.locator('[data-finding="word"]').waitFor({ timeout: 30_000 });
      await review.locator('[data-finding="personal-data"]').waitFor();
      await screenshot(page, 'write-once-findings');
      await review.locator('[data-finding="word"]').getByTestId('jiyue-apply-suggestion').click();
      await review.locator('[data-finding="word"]').waitFor({ state: 'detached', timeout: 30_000 });
      await review.locator('[data-finding="personal-data"]').getByTestId('jiyue-apply-suggestion').click();
      await review.getByTestId('jiyue-findings-none').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => (document.querySelector('.CodeMirror') as any).CodeMirror.getValue())).toBe(FIXED_BODY);

      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL((url) => /\/[a-z0-9]{24}(\?|$)/.test(url.pathname + url.search), { timeout: 30_000 });
      documentId = page.url().match(/\/([a-z0-9]{24})(?:\?|$)/)![1];
      await expectStage(page, 'draft');

      // Site panel: tick 通知公告 in 康定 (live at once) and in the three counties (pending until accepted).
      const sitePanel = page.getByTestId('site-panel');
      await sitePanel.waitFor({ timeout: 30_000 });
      await sitePanel.getByRole('button', { name: '添加投放' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      for (const [code, name] of SITES) {
        await dialog.getByPlaceholder('筛选站点和栏目').fill(name);
        await dialog.locator(`[data-site="${code}"]`).waitFor();
        await dialog.locator(`[data-columns-of="${code}"]`).getByRole('checkbox', { name: '通知公告' }).click();
      }
      await dialog.getByPlaceholder('筛选站点和栏目').fill('');
      await dialog.getByRole('button', { name: /投放到 4 个栏目/ }).click();
      const placements = page.getByTestId('placement-list');
      for (const [code] of SITES) await placements.locator(`[data-placement="${code}/tzgg"]`).waitFor({ timeout: 30_000 });
      expect(await placements.getByText('待接收').count()).toBe(3);
      await sitePanel.scrollIntoViewIfNeeded();
      await screenshot(page, 'write-once-placements');

      // Distribution panel: 康定's webhook, chosen before submission; the feed of 康定's column follows it.
      const distribution = page.getByTestId('distribution-panel');
      await distribution.waitFor({ timeout: 30_000 });
      expect(await distribution.getAttribute('data-editable')).toBe('true');
      await distribution.locator(`[data-channel="${WEBHOOK}"]`).getByRole('checkbox').click();
      await distribution.locator(`[data-channel="${FLAKY}"]`).getByRole('checkbox').click();
      await distribution.getByTestId('distribution-save-targets').click();
      await page.getByText('推送目标已保存').first().waitFor({ timeout: 30_000 });
      await distribution.locator('[data-feed="kangding/tzgg"]').waitFor();
      await distribution.scrollIntoViewIfNeeded();
      await screenshot(page, 'distribution-before-submit');
      const stored = await suite.server.strapi.plugin('distribution').service('targets').chosen(ARTICLE, documentId, 'zh-Hans');
      expect(stored.channels).toEqual([FLAKY, WEBHOOK]);

      await review.getByTestId('jiyue-review-comment').fill('请审核，已投放三县通知公告并推送掌上政务');
      await review.getByTestId('jiyue-submit').click();
      await expectStage(page, 'first-review');
      // Chosen at submission: read-only from here on.
      await page.locator('[data-testid="distribution-panel"][data-editable="false"]').waitFor({ timeout: 30_000 });
      expect(await distribution.locator(`[data-channel="${WEBHOOK}"]`).getByRole('checkbox').isDisabled()).toBe(true);
      // The editor's role may approve, but not their own draft (三审: never the last editor): the panel says so.
      await review.getByTestId('jiyue-self-review').waitFor({ timeout: 30_000 });
      expect(await review.getByTestId('jiyue-approve').isDisabled()).toBe(true);
      await screenshot(page, 'write-once-submitted');
    } catch (error) {
      await explainFailure(page, 'write-once-editor', error);
    } finally {
      await context.close();
    }
  });

  it("the editors of 丹巴, 九龙 and 雅江 accept it in their placement inboxes", async () => {
    story();
    const { baseUrl, strapi } = suite.server;
    for (const [code] of COUNTIES) {
      const { context, page } = await logIn(suite.browser, baseUrl, countyEditors[code]);
      try {
        await page.goto(`${baseUrl}/admin/plugins/site-group`);
        const table = page.getByTestId('inbox-table');
        await table.waitFor({ timeout: 60_000 });
        const row = table.locator('tr', { hasText: TITLE });
        await row.waitFor();
        if (code === 'danba') await screenshot(page, 'write-once-inbox');
        await row.getByRole('button', { name: '接收' }).click();
        await page.getByText('已接收：已在栏目中上线').waitFor({ timeout: 30_000 });
      } catch (error) {
        await explainFailure(page, `write-once-inbox-${code}`, error);
      } finally {
        await context.close();
      }
    }
    const sites = await strapi.db.query('plugin::site-group.site').findMany({ where: { code: { $in: SITES.map(([code]) => code) } }, select: ['id', 'code'] });
    const codeOf = new Map<number, string>(sites.map((s: { id: number; code: string }) => [s.id, s.code]));
    const rows = await strapi.db.query('plugin::site-group.placement').findMany({ where: { itemDocumentId: documentId } });
    expect(Object.fromEntries(rows.map((p: { siteId: number; state: string }) => [codeOf.get(p.siteId), p.state]))).toMatchObject(Object.fromEntries(SITES.map(([code]) => [code, 'active'])));
  });

  it('three reviewers approve it one after another (初审, 复审, 终审) and the last one publishes it', async () => {
    story();
    const { baseUrl } = suite.server;
    for (const [index, reviewer] of reviewers.entries()) {
      const { context, page } = await logIn(suite.browser, baseUrl, reviewer);
      try {
        await page.goto(`${baseUrl}/admin/plugins/review-workflow`);
        const row = page.locator(`[data-testid="jiyue-desk-queue"] tr[data-document-id="${documentId}"]`);
        await row.waitFor({ timeout: 60_000 });
        await row.getByRole('link').click();
        await expectStage(page, ['first-review', 'second-review', 'final-review'][index]);
        await page.getByTestId('jiyue-review-panel').getByTestId('jiyue-approve').click();
        await expectStage(page, index === 2 ? 'approved' : ['second-review', 'final-review'][index]);
        if (index === 2) {
          await screenshot(page, 'write-once-approved');
          await page.getByRole('button', { name: '发布', exact: true }).click();
          await expectStage(page, 'published');
        }
      } catch (error) {
        await explainFailure(page, `write-once-reviewer-${index + 1}`, error);
      } finally {
        await context.close();
      }
    }
  });

  it('the published article is in the site API and the RSS feed of the four sites, and the webhook receiver got it signed', async () => {
    story();
    const { baseUrl } = suite.server;
    const get = (path: string) => fetch(`${baseUrl}${path}`);
    for (const [code] of SITES) {
      const item = await get(`/api/site-group/sites/${code}/items/${documentId}?locale=zh-Hans`);
      expect([code, item.status]).toEqual([code, 200]);
      const shown = (await item.json()) as { data: { title: string; body: string } };
      expect(shown.data.title).toBe(TITLE);
      expect(shown.data.body).toContain('部署');
      expect(shown.data.body).not.toContain(RESIDENT_ID);
      const column = (await (await get(`/api/site-group/sites/${code}/columns/tzgg/items?locale=zh-Hans&pageSize=100`)).json()) as { data: { documentId: string }[] };
      expect([code, column.data.some((i) => i.documentId === documentId)]).toEqual([code, true]);
      const rss = await get(`/api/distribution/feeds/${code}/tzgg.xml?locale=zh-Hans`);
      expect([code, rss.status]).toEqual([code, 200]);
      expect(await rss.text()).toContain(TITLE);
    }

    const hook = await eventually('the webhook delivery', async () => receiver.requests.find((r) => r.url === '/hooks/kangding' && r.json?.event === 'document.create' && r.json?.document?.documentId === documentId));
    expect(hook.url).toBe('/hooks/kangding');
    expect(hook.headers['x-jiyue-event']).toBe('document.create');
    expect(verifyWebhook(HOOK_SECRET, String(hook.headers['x-jiyue-timestamp']), hook.text, String(hook.headers['x-jiyue-signature']))).toBe(true);
    expect(hook.json.document.fields.title).toBe(TITLE);
    expect(JSON.stringify(hook.json)).not.toContain(RESIDENT_ID);
  });

  it('the editor sees the receipts in the Distribution panel, and retries the failed delivery', async () => {
    story();
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, editor);
    try {
      await page.goto(editUrl(baseUrl, documentId));
      const distribution = page.getByTestId('distribution-panel');
      await distribution.waitFor({ timeout: 60_000 });
      expect(await distribution.getAttribute('data-editable')).toBe('false');
      const target = distribution.locator(`[data-target="${WEBHOOK}"][data-status="sent"]`);
      await target.waitFor({ timeout: 30_000 });
      const receipt = await target.getByTestId('distribution-receipt').innerText();
      expect(receipt).toMatch(/回执：投递编号 #\d+/);
      expect(receipt).toContain('status: 200');
      // The feeds of the four columns it is live in follow it, read-only.
      for (const [code] of SITES) await distribution.locator(`[data-feed="${code}/tzgg"]`).waitFor();
      // The refused one: failed with the error, and Retry (the site editor holds delivery.retry).
      const failed = distribution.locator(`[data-target="${FLAKY}"][data-status="failed"]`);
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.getByTestId('distribution-error').innerText()).toMatch(/410/);
      await distribution.scrollIntoViewIfNeeded();
      await screenshot(page, 'distribution-after-publish');
      flakyMended = true;
      await failed.getByTestId('distribution-retry').click();
      await distribution.locator(`[data-target="${FLAKY}"][data-status="sent"]`).waitFor({ timeout: 60_000 });
      expect(receiver.requests.filter((r) => r.url === '/hooks/flaky').map((r) => r.headers['idempotency-key']).filter((k, i, all) => all.indexOf(k) === i)).toHaveLength(1);
      await screenshot(page, 'distribution-after-retry');
    } catch (error) {
      await explainFailure(page, 'write-once-receipts', error);
    } finally {
      await context.close();
    }
  });

  it('an editor of 泸定 sees none of it: desk, inbox, Content Manager list, panels, 泸定 site API', async () => {
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, luding);
    try {
      await page.goto(`${baseUrl}/admin/plugins/review-workflow`);
      await page.getByRole('heading', { name: '审核台' }).first().waitFor({ timeout: 60_000 });
      await page.getByTestId('jiyue-desk-queue-empty').waitFor();
      expect(await page.locator(`[data-document-id="${documentId}"]`).count()).toBe(0);
      expect(await page.getByText(TITLE).count()).toBe(0);

      await page.goto(`${baseUrl}/admin/plugins/site-group`);
      await page.getByText('没有等待您的站点处理的内容。').waitFor({ timeout: 60_000 });
      expect(await page.getByText(TITLE).count()).toBe(0);

      const listed = page.waitForResponse((r) => new URL(r.url()).pathname === `/content-manager/collection-types/${ARTICLE}` && r.request().method() === 'GET', { timeout: 60_000 });
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=zh-Hans`);
      const list = (await (await listed).json()) as { results: { documentId: string }[] };
      expect(list.results.some((r) => r.documentId === documentId)).toBe(false);
      await page.waitForTimeout(1_000);
      expect(await page.getByText(TITLE).count()).toBe(0);

      // The article itself, opened by its address: the Content Manager refuses it, no panel shows anything of it.
      await page.goto(editUrl(baseUrl, documentId));
      await page.waitForLoadState('networkidle');
      expect(await page.getByText(TITLE).count()).toBe(0);
      expect(await page.getByTestId('distribution-deliveries').count()).toBe(0);
      expect(await page.locator(`[data-channel="${WEBHOOK}"]`).count()).toBe(0);
      expect(await page.locator('[data-placement]').count()).toBe(0);
    } catch (error) {
      await explainFailure(page, 'write-once-luding', error);
    } finally {
      await context.close();
    }
    const item = await fetch(`${baseUrl}/api/site-group/sites/luding/items/${documentId}?locale=zh-Hans`);
    expect(item.status).toBe(404);
    const column = (await (await fetch(`${baseUrl}/api/site-group/sites/luding/columns/tzgg/items?locale=zh-Hans&pageSize=100`)).json()) as { data: { documentId: string }[] };
    expect(column.data.some((i) => i.documentId === documentId)).toBe(false);
    const rss = await (await fetch(`${baseUrl}/api/distribution/feeds/luding/tzgg.xml?locale=zh-Hans`)).text();
    expect(rss).not.toContain(TITLE);
  });
};
