/*
 * policy-match's screens (issue #19 item 7), one scenario group of the browser suite (run by browser.test.ts on
 * its shared app and browser). A cluster administrator opens the taxonomy by dimension: 高校毕业生, used by a
 * policy, shows its code and dimension locked and delete disabled, with the policy using it; its synonyms
 * stay editable. In a policy's rules editor they build a clause's rule with the form (all → 从业人数 ≥ …),
 * save a bad value and see the server's message under that condition, fix it and save; try a profile on the
 * unsaved draft and read the explanation; on a published policy they see the reverse-match count with its
 * by-region breakdown. An editor of 康定 opening a prefecture policy's rules gets the 403 notice and no form.
 * The fact registry lists every fact with its badges (残疾等级 sensitive, built-in facts, derived ones); a new
 * fact created in its drawer appears in the list.
 */
import type { Page } from 'playwright-core';
import { createAdminRole, createAdminUser, explainFailure, logIn, screenshot, type AdminUser, type BrowserSuite } from './lib/harness';

const POLICY = 'api::policy.policy';
const GRAD_CLAUSE = '离校2年内未就业的35岁及以下高校毕业生';
const FIRM_CLAUSE = '当年新招用高校毕业生的小微企业';

const rulesPage = (baseUrl: string, documentId: string) => `${baseUrl}/admin/plugins/policy-match/policies/${documentId}`;

/** Waits for a notification's text (Strapi's toasts). */
const notified = (page: Page, text: string) => page.getByText(text).first().waitFor({ timeout: 30_000 });

export const policyMatchScenarios = (suite: BrowserSuite) => {
  let admin: AdminUser;
  let kangding: AdminUser;
  let gradPolicy: string;
  let firmPolicy: string;

  beforeAll(async () => {
    const { strapi } = suite.server;
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    admin = await createAdminUser(strapi, { firstname: 'Tashi', lastname: '扎西', roles: [superAdmin.id], sites: [{ code: 'ganzi', includeDescendants: true }] });
    const actions = ['tag.read', 'eligibility.read', 'eligibility.manage', 'audience.read'].map((a) => ({ action: `plugin::policy-match.${a}` }));
    const editorRole = await createAdminRole(strapi, '政策匹配编辑 Policy-match editor', actions);
    kangding = await createAdminUser(strapi, { firstname: 'Lhamo', lastname: '拉姆', roles: [editorRole], sites: [{ code: 'kangding' }] });

    const publish = <T>(fn: () => Promise<T>): Promise<T> => strapi.plugin('review-workflow').service('publish-gate').withTrustedPublish('e2e fixture', fn);
    const policy = (title: string, body: string, serial: number, published: boolean) =>
      publish(() =>
        strapi.documents(POLICY as any).create({
          data: {
            title, body, summary: title, indexNumber: `11513300MB0000001X/2026-0${serial}`, issuingAuthority: '甘孜州人力资源和社会保障局',
            level: 'prefecture', documentKind: 'other', ownerSite: 'ganzi', validFrom: '2026-01-01', validTo: '2030-12-31',
          } as any,
          locale: 'zh-Hans',
          ...(published ? { status: 'published' as const } : {}),
        })
      );
    const grad = await policy('甘孜州高校毕业生求职创业补贴实施办法', `对${GRAD_CLAUSE}，给予一次性求职创业补贴1000元。\n\n示例政策（演示数据）`, 9101, true);
    gradPolicy = grad.documentId;
    const eligibility = strapi.plugin('policy-match').service('eligibility');
    await eligibility.save(gradPolicy, {
      audience: 'individual', tags: ['graduate', 'employment'], jurisdiction: '513300',
      clauses: [{ text: GRAD_CLAUSE, benefit: '一次性求职创业补贴1000元', rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'eq', value: 'graduate' }] } }],
    });
    const firm = await policy('甘孜州小微企业吸纳就业补贴办法', `对${FIRM_CLAUSE}，按每人1000元给予一次性吸纳就业补贴。\n\n示例政策（演示数据）`, 9102, false);
    firmPolicy = firm.documentId;

    // Stored profiles (consented) for the reverse match: graduates in three counties, one too old.
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const people: [string, string, string[]][] = [
      ['513301', '2000-03-01', ['graduate']], ['513301', '2001-05-01', ['graduate']], ['513301', '1999-01-01', ['graduate']],
      ['513322', '2002-02-02', ['graduate']], ['513338', '1998-08-08', ['graduate']], ['513338', '1970-01-01', ['graduate']],
    ];
    for (const [i, [region, birthDate, identityTags]] of people.entries()) {
      const user = await strapi.plugin('users-permissions').service('user').add({
        username: `pm-e2e-${i}`, email: `pm-e2e-${i}@jiyue.test`, password: `Jiyue-pm-${i}-Aa1`, provider: 'local', confirmed: true, blocked: false, role: role.id,
      });
      await strapi.plugin('policy-match').service('profiles').saveOwn(user.id, { kind: 'individual', facts: { householdRegion: region, birthDate, identityTags }, subscribed: false });
    }
  }, 300_000);

  it('fact registry: the facts with their badges; a new fact created in the drawer appears', async () => {
    const { strapi, baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, admin);
    try {
      await page.goto(`${baseUrl}/admin/plugins/policy-match`);
      const table = page.getByTestId('pm-fact-table');
      await table.waitFor({ timeout: 60_000 });
      await table.locator('tr[data-fact="disabilityGrade"] [data-badge="sensitive"]').waitFor();
      await table.locator('tr[data-fact="age"] [data-badge="built-in"]').waitFor();
      await table.locator('tr[data-fact="newHireRatio"] [data-badge="derived"]').waitFor();
      await table.locator('tr[data-fact="disabilityGrade"]').click();
      const drawer = page.getByTestId('pm-fact-drawer');
      await drawer.getByTestId('pm-fact-values').waitFor();
      expect(await drawer.getByTestId('pm-fact-values').locator('[data-value]').count()).toBe(5);
      await drawer.getByRole('button', { name: '取消' }).click();

      await page.getByTestId('pm-fact-new').click();
      await drawer.getByTestId('pm-fact-code').fill('boughtGreenhouse');
      await drawer.getByTestId('pm-fact-type').selectOption('boolean');
      await drawer.getByTestId('pm-fact-audience').selectOption('both');
      await drawer.getByTestId('pm-fact-group').selectOption('agriculture');
      await drawer.getByTestId('pm-fact-labelZh').fill('当年新建设施大棚');
      await drawer.getByTestId('pm-fact-save').click();
      await table.locator('tr[data-fact="boughtGreenhouse"]').waitFor({ timeout: 30_000 });
      const row = await strapi.db.query('plugin::policy-match.fact').findOne({ where: { code: 'boughtGreenhouse' } });
      expect(row).toMatchObject({ type: 'boolean', audience: 'both', labelZh: '当年新建设施大棚' });
      await screenshot(page, 'pm-facts');
    } catch (error) {
      await explainFailure(page, 'pm-facts', error);
    } finally {
      await context.close();
    }
  });

  it('taxonomy: a tag in use keeps code and dimension, cannot be deleted, and lists its uses; its synonyms change', async () => {
    const { strapi, baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, admin);
    try {
      await page.goto(`${baseUrl}/admin/plugins/policy-match`);
      await page.getByTestId('pm-tab-taxonomy').click();
      await page.getByTestId('pm-dimension-identity').click();
      await page.locator('[data-testid="pm-tag-table"] tr[data-tag="graduate"]').click();
      const drawer = page.getByTestId('pm-tag-drawer');
      await drawer.getByTestId('pm-tag-usage').waitFor({ timeout: 30_000 });
      await drawer.getByText('甘孜州高校毕业生求职创业补贴实施办法').waitFor();
      expect(await drawer.getByTestId('pm-tag-dimension').isDisabled()).toBe(true);
      expect(await drawer.getByTestId('pm-tag-code').isDisabled()).toBe(true);
      expect(await drawer.getByTestId('pm-tag-delete').isDisabled()).toBe(true);
      const synonyms = drawer.getByTestId('pm-tag-synonyms');
      await synonyms.fill(`${await synonyms.inputValue()}，应届毕业生`);
      await screenshot(page, 'pm-taxonomy');
      await drawer.getByTestId('pm-tag-save').click();
      await notified(page, '标签已保存');
      const row = await strapi.db.query('plugin::policy-match.tag').findOne({ where: { code: 'graduate' } });
      expect(row.synonyms).toContain('应届毕业生');
      expect(row.dimension).toBe('identity');
    } catch (error) {
      await explainFailure(page, 'pm-taxonomy', error);
    } finally {
      await context.close();
    }
  });

  it('rules editor: a rule built with the form; the server’s message under the bad value; fixed and saved; try a profile', async () => {
    const { strapi, baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, admin);
    try {
      await page.goto(rulesPage(baseUrl, firmPolicy));
      await page.getByTestId('pm-rules-general').waitFor({ timeout: 60_000 });
      await page.getByTestId('pm-rules-audience').selectOption('enterprise');
      await page.getByTestId('pm-rules-jurisdiction').selectOption('513300');
      await page.getByTestId('pm-clause-add').click();
      const clause = page.locator('[data-clause="0"]');
      await clause.getByTestId('pm-clause-text').fill(FIRM_CLAUSE);
      await clause.getByTestId('pm-clause-benefit').fill('一次性吸纳就业补贴每人1000元');
      await clause.getByTestId('pm-rule-start').click();
      const first = page.locator('[data-rule-path="clauses.0.rule.all.0"]');
      await first.getByTestId('pm-rule-fact').selectOption('employees');
      await first.getByTestId('pm-rule-op').selectOption('gte');
      await first.getByTestId('pm-rule-value').fill('-5');
      await clause.getByTestId('pm-rule-add-condition').click();
      const second = page.locator('[data-rule-path="clauses.0.rule.all.1"]');
      await second.getByTestId('pm-rule-fact').selectOption('enterpriseSize');
      await second.getByTestId('pm-rule-op').selectOption('in');
      await second.locator('[data-value="small"]').click();
      await second.locator('[data-value="micro"]').click();

      await page.getByTestId('pm-rules-save').click();
      const message = first.getByTestId('pm-error');
      await message.waitFor({ timeout: 30_000 });
      expect(await message.getAttribute('data-path')).toBe('clauses.0.rule.all.0.value');
      expect(await message.textContent()).toMatch(/≥ 0/);
      expect(await strapi.db.query('plugin::policy-match.eligibility').findOne({ where: { policyDocumentId: firmPolicy } })).toBeNull();
      await first.scrollIntoViewIfNeeded();
      await screenshot(page, 'pm-rules');

      await first.getByTestId('pm-rule-value').fill('3');
      await page.getByTestId('pm-rules-save').click();
      await notified(page, '适用条件已保存');
      const saved = await strapi.db.query('plugin::policy-match.eligibility').findOne({ where: { policyDocumentId: firmPolicy } });
      expect(saved.audience).toBe('enterprise');
      expect(saved.clauses[0].rule).toEqual({ all: [{ field: 'employees', op: 'gte', value: 3 }, { field: 'enterpriseSize', op: 'in', value: ['small', 'micro'] }] });
      expect(await page.getByTestId('pm-error').count()).toBe(0);

      // Try a profile on the draft: a micro enterprise of 康定 whose headcount is not given → possibly eligible, missing 从业人数.
      const box = page.getByTestId('pm-try');
      await box.locator('[data-try-fact="region"]').getByTestId('pm-rule-value').selectOption('513301');
      await box.locator('[data-try-fact="enterpriseSize"]').getByTestId('pm-rule-value').selectOption('micro');
      await box.getByTestId('pm-try-asof').fill('2026-07-01');
      await box.getByTestId('pm-try-run').click();
      const result = box.getByTestId('pm-try-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.getAttribute('data-status')).toBe('possibly-eligible');
      await box.getByTestId('pm-try-missing').getByText(/从业人数/).waitFor();
      expect(await box.getByTestId('pm-try-clause').count()).toBe(1);
      await box.scrollIntoViewIfNeeded();
      await screenshot(page, 'pm-try');
    } catch (error) {
      await explainFailure(page, 'pm-rules', error);
    } finally {
      await context.close();
    }
  });

  it('reverse match: the count of stored profiles with its by-region breakdown', async () => {
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, admin);
    try {
      await page.goto(rulesPage(baseUrl, gradPolicy));
      const card = page.getByTestId('pm-audience');
      await card.getByTestId('pm-audience-count').waitFor({ timeout: 60_000 });
      const count = Number(await card.getByTestId('pm-audience-count').textContent());
      expect(count).toBeGreaterThanOrEqual(5);
      const regions = card.getByTestId('pm-audience-regions');
      await regions.locator('tr[data-region="513301"]').getByText('3').waitFor();
      expect(await regions.locator('tr[data-region]').count()).toBeGreaterThanOrEqual(3);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'pm-audience');
    } catch (error) {
      await explainFailure(page, 'pm-audience', error);
    } finally {
      await context.close();
    }
  });

  it('an editor of 康定 opening a prefecture policy’s rules gets the 403 notice and no form', async () => {
    const { baseUrl } = suite.server;
    const { context, page } = await logIn(suite.browser, baseUrl, kangding);
    try {
      await page.goto(rulesPage(baseUrl, gradPolicy));
      await page.getByTestId('pm-rules-forbidden').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('pm-rules-general').count()).toBe(0);
      expect(await page.getByTestId('pm-rules-save').count()).toBe(0);
    } catch (error) {
      await explainFailure(page, 'pm-forbidden', error);
    } finally {
      await context.close();
    }
  });
};
