/*
 * The browser suite of the admin screens (issue #18): one admin build (skipped while its sources are
 * unchanged), one boot of the demo-seeded app on SQLite and one Chromium, shared by every scenario group:
 *   - review.spec.ts: the Review panel, the gated Publish and the review desk (the Tibetan web font too);
 *   - site-panel.spec.ts: site-group's Site panel and placement inbox;
 *   - language.spec.ts: bilingual's Language panel (pretranslation, the side-by-side view, the Tibetan web font).
 *   - policy-match.spec.ts: policy-match's taxonomy by dimension, rules editor, try a profile and reverse-match card;
 *   - write-once.spec.ts: the whole chained story (write, place, choose a webhook in the Distribution panel,
 *     accept in three inboxes, three reviews, publish; site API, feeds, webhook receiver, receipts; 泸定 sees nothing).
 * The groups own their users and articles and do not read each other's data. Runs once per CI run, on
 * SQLite (see .ci/run); `E2E_SCREENSHOTS=update` rewrites the zh-Hans screenshots in tests/e2e/screenshots.
 */
import type { Browser } from 'playwright-core';
import { bootDemo, browserSuiteSkipReason, buildAdminOnce, launchBrowser, type BrowserSuite, type DemoServer } from './lib/harness';
import { reviewScenarios } from './review.spec';
import { sitePanelScenarios } from './site-panel.spec';
import { languageScenarios } from './language.spec';
import { writeOnceScenarios } from './write-once.spec';
// F (#19)
import { policyMatchScenarios } from './policy-match.spec';

const skipReason = browserSuiteSkipReason();
if (skipReason) {
  // Visible in the test output: the suite is listed as skipped with the reason.
  console.warn(`\n*** Browser suite SKIPPED: ${skipReason} ***\n`);
}
const suite = skipReason ? describe.skip : describe;

let server: DemoServer | undefined;
let browser: Browser | undefined;
const shared: BrowserSuite = {
  get server() {
    if (!server) throw new Error('the demo app did not boot (see the beforeAll error above)');
    return server;
  },
  get browser() {
    if (!browser) throw new Error('Chromium did not start (see the beforeAll error above)');
    return browser;
  },
};

/** Wall time per part, printed at the end: the admin build, the boot, and each group (its setup and steps). */
const timings: [string, number][] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A scenario group in its own describe block, timed from its first hook to its last. */
const group = (title: string, scenarios: (suite: BrowserSuite) => void) =>
  describe(title, () => {
    let started = 0;
    beforeAll(() => {
      started = Date.now();
    });
    scenarios(shared);
    afterAll(() => {
      timings.push([title, Date.now() - started]);
    });
  });

suite(`browser: admin screens (${skipReason ?? 'Chromium'})`, () => {
  beforeAll(async () => {
    const buildMs = buildAdminOnce();
    timings.push([`admin build${buildMs === 0 ? ' (up to date)' : ''}`, buildMs]);
    const booted = Date.now();
    server = await bootDemo();
    browser = await launchBrowser();
    timings.push(['boot (app + Chromium)', Date.now() - booted]);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] ${timings.map(([part, ms]) => `${part} ${seconds(ms)}`).join(', ')}`);
  });

  group('review: Review panel, gated Publish, review desk', reviewScenarios);
  group('site-group: Site panel and placement inbox', sitePanelScenarios);
  group('bilingual: Language panel and side-by-side view', languageScenarios);
  group('write once: place, push, review, publish (Distribution panel)', writeOnceScenarios);
  // F (#19)
  group('policy-match: taxonomy, rules editor, try a profile, reverse match', policyMatchScenarios);
});
