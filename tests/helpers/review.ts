import type { TestApp } from './strapi';

/**
 * Runs `fn` with publishing allowed without the three reviews, through review-workflow's trusted
 * path (as seeds and imports do). For fixtures of tests about something else: the review tests
 * publish the real way.
 */
export const asPublishedFixture = <T>(app: TestApp, fn: () => Promise<T>): Promise<T> =>
  app.strapi.plugin('review-workflow').service('publish-gate').withTrustedPublish('test fixture', fn);
